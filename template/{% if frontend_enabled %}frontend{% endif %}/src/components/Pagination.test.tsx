import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Pagination } from "./Pagination";

describe("Pagination", () => {
  it("says which items are shown and moves a page at a time", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <Pagination
        label="Items"
        total={25}
        limit={10}
        offset={10}
        onChange={onChange}
      />,
    );

    expect(
      screen.getByRole("navigation", { name: "Items pages" }),
    ).toHaveTextContent("11–20 of 25");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Previous" }));

    expect(onChange.mock.calls).toEqual([[20], [0]]);
  });

  it("cannot go before the first page or past the last", () => {
    render(
      <Pagination
        label="Items"
        total={3}
        limit={10}
        offset={0}
        onChange={vi.fn()}
      />,
    );

    expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Next" })).toBeDisabled();
  });
});
