import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ItemFilters } from "./ItemFilters";

describe("ItemFilters", () => {
  it("reports the chosen status and order", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<ItemFilters status={null} sort="newest" onChange={onChange} />);

    await user.selectOptions(screen.getByLabelText("Status"), "Done");
    await user.selectOptions(screen.getByLabelText("Order"), "Title, A to Z");

    expect(onChange.mock.calls).toEqual([
      [{ status: "done", sort: "newest" }],
      [{ status: null, sort: "title" }],
    ]);
  });

  it("offers all statuses as the empty choice", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<ItemFilters status="open" sort="oldest" onChange={onChange} />);

    await user.selectOptions(screen.getByLabelText("Status"), "All");

    expect(onChange).toHaveBeenCalledWith({ status: null, sort: "oldest" });
  });
});
