import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { Item } from "../api/Api";
import { ItemList } from "./ItemList";

function item(title: string, changes: Partial<Item> = {}): Item {
  return {
    id: `id-${title}`,
    ownerId: "user-1",
    title,
    description: "",
    status: "open",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    ...changes,
  };
}

describe("ItemList", () => {
  it("renders user data as text, never as HTML", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const { container } = render(
      <ItemList
        items={[item(hostile, { description: "<script>alert(2)</script>" })]}
        onEdit={vi.fn()}
        onDelete={vi.fn()}
      />,
    );

    expect(screen.getByRole("heading", { name: hostile })).toHaveTextContent(
      hostile,
    );
    expect(screen.getByText("<script>alert(2)</script>")).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
  });

  it("says so when there are no items", () => {
    render(<ItemList items={[]} onEdit={vi.fn()} onDelete={vi.fn()} />);

    expect(screen.getByText("No items.")).toBeInTheDocument();
  });

  it("edits and, once confirmed, deletes the item of its row", async () => {
    const user = userEvent.setup();
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const milk = item("Milk");
    render(
      <ItemList
        items={[item("Bread"), milk]}
        onEdit={onEdit}
        onDelete={onDelete}
      />,
    );

    await user.click(screen.getByRole("button", { name: 'Edit "Milk"' }));
    await user.click(screen.getByRole("button", { name: 'Delete "Milk"' }));
    const row = screen.getByRole("heading", { name: "Milk" }).closest("li");
    if (row === null) throw new Error("no row");
    await user.click(within(row).getByRole("button", { name: "Yes, delete" }));

    expect(onEdit).toHaveBeenCalledWith(milk);
    expect(onDelete).toHaveBeenCalledWith(milk);
  });
});
