// User management: administrators only, in the page and, above all, on the server.
import { expect, test } from "@playwright/test";

import { api } from "./api.ts";
import { expectSignedIn, nav, signIn } from "./app.ts";
import { tokenFor, valueOf } from "./backend.ts";
import { ADMIN, newAccount } from "./environment.ts";

test("the administrator makes a member admin, then deactivates them", async ({
  page,
}) => {
  const member = newAccount("promoted");
  const user = await api.register(page.request, member);
  const memberToken = await tokenFor(api, page.request, member);
  expect(await api.listUsers(page.request, memberToken)).toMatchObject({
    ok: false,
    code: "FORBIDDEN",
  });

  await signIn(page, ADMIN);
  await nav(page).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  const row = page.getByRole("row").filter({
    has: page.getByRole("cell", { name: member.email, exact: true }),
  });
  const self = page.getByRole("row").filter({
    has: page.getByRole("cell", { name: `${ADMIN.email} (you)`, exact: true }),
  });
  await expect(self).toHaveCount(1);
  await expect(
    self.getByRole("button", { name: `Deactivate ${ADMIN.email}` }),
  ).toBeDisabled();
  await expect(row.getByRole("cell").nth(1)).toHaveText("member");

  await row.getByRole("button", { name: `Make admin ${member.email}` }).click();
  await expect(
    row.getByRole("button", { name: `Remove admin from ${member.email}` }),
  ).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText(/\badmin\b/);
  // The server took it: the member's own token may list the users now.
  const users = valueOf(
    await api.listUsers(page.request, memberToken),
    "the promoted member's user list",
  );
  expect(users.map((listed) => listed.id)).toContain(user.id);

  await row.getByRole("button", { name: `Deactivate ${member.email}` }).click();
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByRole("cell").nth(2)).toHaveText("No");
  await expect(
    row.getByRole("button", { name: `Deactivate ${member.email}` }),
  ).toBeDisabled();
  // Deactivated: the token is refused at once, and so is a new sign-in.
  expect(await api.me(page.request, memberToken)).toMatchObject({
    ok: false,
    code: "UNAUTHENTICATED",
  });
  expect(await api.login(page.request, member)).toMatchObject({
    ok: false,
    code: "UNAUTHENTICATED",
  });
});

test("a member sees no user management, and the server refuses it", async ({
  page,
}) => {
  const member = newAccount("member");
  const user = await api.register(page.request, member);
  const usersRequests: string[] = [];
  page.on("request", (request) => {
    if (api.listsUsers(request)) usersRequests.push(request.url());
  });

  await signIn(page, member);
  await expect(nav(page).getByRole("link", { name: "Items" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expectSignedIn(page, member);
  await expect(page.getByRole("alert")).toHaveText(
    "Only administrators may see this page.",
  );
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText(ADMIN.email)).toHaveCount(0);
  expect(usersRequests).toEqual([]);

  // The server checks every call, whatever the page shows.
  const token = await tokenFor(api, page.request, member);
  expect(await api.listUsers(page.request, token)).toMatchObject({
    ok: false,
    code: "FORBIDDEN",
  });
  expect(
    await api.setRoles(page.request, token, user.id, ["admin", "member"]),
  ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  const me = valueOf(await api.me(page.request, token), "the member's profile");
  expect(me.roles).toEqual(["member"]);
});
