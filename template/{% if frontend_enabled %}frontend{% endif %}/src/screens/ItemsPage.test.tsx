import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { ItemsPage } from "./ItemsPage";

function apiWithItems(count: number) {
  const api = new FakeApi();
  const ada = api.addUser("ada@example.com");
  api.addItems(
    ada,
    ...Array.from(
      { length: count },
      (_, index) => `Item ${String(index + 1).padStart(2, "0")}`,
    ),
  );
  return api;
}

async function renderPage(api: FakeApi, route = "/") {
  return renderWithSession(<ItemsPage />, {
    api,
    signedInAs: "ada@example.com",
    route,
  });
}

function titles() {
  return screen
    .getAllByRole("heading", { level: 3 })
    .map((heading) => heading.textContent);
}

describe("ItemsPage", () => {
  it("lists the newest items first, a page at a time", async () => {
    const { user, location } = await renderPage(apiWithItems(12));

    expect(await screen.findByText("Item 12")).toBeInTheDocument();
    expect(titles()).toHaveLength(10);
    expect(
      screen.getByRole("navigation", { name: "Items pages" }),
    ).toHaveTextContent("1–10 of 12");

    await user.click(screen.getByRole("button", { name: "Next" }));

    await waitFor(() => {
      expect(titles()).toEqual(["Item 02", "Item 01"]);
    });
    expect(location()).toBe("/?offset=10");
  });

  it("filters by status and sorts, from the first page", async () => {
    const api = apiWithItems(3);
    const [first] = api.items;
    if (first) first.status = "done";
    const { user, location } = await renderPage(api, "/?offset=10");

    const filters = screen.getByRole("search", { name: "Filter items" });
    await user.selectOptions(within(filters).getByLabelText("Status"), "Open");
    await user.selectOptions(
      within(filters).getByLabelText("Order"),
      "Title, Z to A",
    );

    await waitFor(() => {
      expect(titles()).toEqual(["Item 03", "Item 02"]);
    });
    expect(location()).toBe("/?status=open&sort=title-desc");
  });

  it("creates an item and shows it", async () => {
    const { user } = await renderPage(apiWithItems(0));
    await screen.findByText("No items.");

    const form = screen.getByRole("form", { name: "New item" });
    await user.type(within(form).getByLabelText("Title"), "Buy milk");
    await user.click(within(form).getByRole("button", { name: "Create" }));

    expect(
      await screen.findByRole("heading", { name: "Buy milk" }),
    ).toBeInTheDocument();
  });

  it("edits an item", async () => {
    const { user } = await renderPage(apiWithItems(1));

    await user.click(
      await screen.findByRole("button", { name: 'Edit "Item 01"' }),
    );
    const form = screen.getByRole("form", { name: 'Edit "Item 01"' });
    await user.clear(within(form).getByLabelText("Title"));
    await user.type(within(form).getByLabelText("Title"), "Renamed");
    await user.click(within(form).getByRole("button", { name: "Save" }));

    expect(
      await screen.findByRole("heading", { name: "Renamed" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "New item" })).toBeInTheDocument();
  });

  it("deletes an item once confirmed", async () => {
    const { user } = await renderPage(apiWithItems(1));

    await user.click(
      await screen.findByRole("button", { name: 'Delete "Item 01"' }),
    );
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));

    expect(await screen.findByText("No items.")).toBeInTheDocument();
  });

  it("shows why the list could not be loaded", async () => {
    const api = apiWithItems(1);
    vi.spyOn(api, "listItems").mockRejectedValue(
      new ApiError("unavailable", "Try again soon."),
    );

    await renderPage(api);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Try again soon.",
    );
  });
});
