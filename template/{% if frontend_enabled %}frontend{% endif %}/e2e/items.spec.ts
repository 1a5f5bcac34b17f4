// A member's whole visit: register, sign in, manage items, sign out.
import { expect, test, type Page } from "@playwright/test";

import { api } from "./api.ts";
import {
  CSRF_TOKEN_KEY,
  expectSignedOut,
  itemEntry,
  itemTitles,
  localStorageOf,
  nav,
  refreshCookies,
  register,
  signIn,
  signOut,
} from "./app.ts";
import { tokenFor, valueOf } from "./backend.ts";
import { newAccount, WEB_ORIGIN } from "./environment.ts";

async function createItem(
  page: Page,
  title: string,
  description: string,
  status: "Open" | "Done",
): Promise<void> {
  const form = page.getByRole("form", { name: "New item" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill(description);
  await form.getByLabel("Status").selectOption({ label: status });
  await form.getByRole("button", { name: "Create" }).click();
  // The form empties itself once the server has the item.
  await expect(form.getByLabel("Title")).toHaveValue("");
  await expect(itemEntry(page, title)).toBeVisible();
}

test("a member registers, signs in, manages items and signs out", async ({
  page,
  context,
}) => {
  const member = newAccount("items");
  await register(page, member);
  await expect(page).toHaveURL(`${WEB_ORIGIN}/`);
  await expect(page.getByText("No items.")).toBeVisible();
  await signOut(page);

  await signIn(page, member);
  await nav(page).getByRole("link", { name: "Profile" }).click();
  const profile = page.getByRole("main");
  await expect(profile.getByRole("heading", { name: "Profile" })).toBeVisible();
  await expect(profile.getByRole("definition").first()).toHaveText(
    member.email,
  );
  await expect(profile.getByRole("definition").nth(1)).toHaveText("member");
  await nav(page).getByRole("link", { name: "Items" }).click();

  await createItem(page, "Mow the lawn", "Front and back", "Open");
  await createItem(page, "Answer letters", "", "Done");
  await createItem(page, "Pay rent", "Before the 3rd", "Open");
  await expect(itemTitles(page)).toHaveText([
    "Pay rent",
    "Answer letters",
    "Mow the lawn",
  ]);
  await expect(
    page.getByRole("navigation", { name: "Items pages" }),
  ).toContainText("1–3 of 3");
  await expect(itemEntry(page, "Mow the lawn")).toContainText("Front and back");

  // Edit: the form takes the item, saves it, and goes back to "New item".
  await page.getByRole("button", { name: 'Edit "Mow the lawn"' }).click();
  const edit = page.getByRole("form", { name: 'Edit "Mow the lawn"' });
  await expect(edit.getByLabel("Title")).toHaveValue("Mow the lawn");
  await edit.getByLabel("Title").fill("Buy milk");
  await edit.getByLabel("Status").selectOption({ label: "Done" });
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("form", { name: "New item" })).toBeVisible();
  await expect(itemEntry(page, "Mow the lawn")).toHaveCount(0);
  await expect(itemEntry(page, "Buy milk")).toContainText("Done");
  await expect(itemEntry(page, "Buy milk")).toContainText("Front and back");

  // Sort and filter: the server orders and filters, the address bar keeps both.
  const filters = page.getByRole("search", { name: "Filter items" });
  await filters.getByLabel("Order").selectOption({ label: "Title, A to Z" });
  await expect(itemTitles(page)).toHaveText([
    "Answer letters",
    "Buy milk",
    "Pay rent",
  ]);
  await filters.getByLabel("Order").selectOption({ label: "Oldest first" });
  await expect(itemTitles(page)).toHaveText([
    "Buy milk",
    "Answer letters",
    "Pay rent",
  ]);
  await filters.getByLabel("Order").selectOption({ label: "Title, Z to A" });
  await expect(itemTitles(page)).toHaveText([
    "Pay rent",
    "Buy milk",
    "Answer letters",
  ]);
  await filters.getByLabel("Status").selectOption({ label: "Done" });
  await expect(itemTitles(page)).toHaveText(["Buy milk", "Answer letters"]);
  await expect(page).toHaveURL(/[?&]status=done\b/);
  await expect(page).toHaveURL(/[?&]sort=title-desc\b/);
  await page.reload();
  await expect(itemTitles(page)).toHaveText(["Buy milk", "Answer letters"]);
  await expect(filters.getByLabel("Status")).toHaveValue("done");
  await filters.getByLabel("Status").selectOption({ label: "Open" });
  await expect(itemTitles(page)).toHaveText(["Pay rent"]);
  await filters.getByLabel("Status").selectOption({ label: "All" });

  // Delete asks once more; then the item is gone from the server's list.
  await page.getByRole("button", { name: 'Delete "Answer letters"' }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(itemTitles(page)).toHaveText(["Pay rent", "Buy milk"]);
  await page.reload();
  await expect(itemTitles(page)).toHaveText(["Pay rent", "Buy milk"]);

  // Signing out ends the session on the server too: nothing brings it back.
  await signOut(page);
  expect(await refreshCookies(context)).toEqual([]);
  const storage = await localStorageOf(context, WEB_ORIGIN);
  expect(storage.map((entry) => entry.name)).not.toContain(CSRF_TOKEN_KEY);
  await page.reload();
  await expectSignedOut(page);
  await page.goto("/");
  await expectSignedOut(page);
  await expect(itemTitles(page)).toHaveCount(0);
});

test("the list pages through the items, and Back to the page before", async ({
  page,
}) => {
  const member = newAccount("pages");
  await api.register(page.request, member);
  const token = await tokenFor(api, page.request, member);
  for (let number = 1; number <= 12; number += 1) {
    const title = `Item ${String(number).padStart(2, "0")}`;
    valueOf(await api.createItem(page.request, token, { title }), title);
  }

  await signIn(page, member);
  const pages = page.getByRole("navigation", { name: "Items pages" });
  await expect(pages).toContainText("1–10 of 12");
  await expect(itemTitles(page)).toHaveCount(10);
  await expect(itemTitles(page).first()).toHaveText("Item 12");
  await expect(pages.getByRole("button", { name: "Previous" })).toBeDisabled();

  await pages.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]offset=10\b/);
  await expect(pages).toContainText("11–12 of 12");
  await expect(itemTitles(page)).toHaveText(["Item 02", "Item 01"]);
  await expect(pages.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.reload();
  await expect(itemTitles(page)).toHaveText(["Item 02", "Item 01"]);

  // Deleting the last item of a page shows the page before it.
  for (const title of ["Item 02", "Item 01"]) {
    await page.getByRole("button", { name: `Delete "${title}"` }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(itemEntry(page, title)).toHaveCount(0);
  }
  await expect(pages).toContainText("1–10 of 10");
  await expect(page).not.toHaveURL(/offset=/);
  await expect(itemTitles(page).last()).toHaveText("Item 03");
});
