import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { ItemForm } from "./ItemForm";

describe("ItemForm", () => {
  it("submits the draft and starts empty again", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() => Promise.resolve());
    render(
      <ItemForm title="New item" submitLabel="Create" onSubmit={onSubmit} />,
    );

    await user.type(screen.getByLabelText("Title"), "Milk");
    await user.type(screen.getByLabelText("Description"), "Two litres");
    await user.selectOptions(screen.getByLabelText("Status"), "Done");
    await user.click(screen.getByRole("button", { name: "Create" }));

    expect(onSubmit).toHaveBeenCalledWith({
      title: "Milk",
      description: "Two litres",
      status: "done",
    });
    await waitFor(() => {
      expect(screen.getByLabelText("Title")).toHaveValue("");
    });
  });

  it("shows why the server refused, keeping what was typed", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(() =>
      Promise.reject(new ApiError("invalid", "Title is too long.")),
    );
    render(
      <ItemForm title="New item" submitLabel="Create" onSubmit={onSubmit} />,
    );

    await user.type(screen.getByLabelText("Title"), "Milk");
    await user.click(screen.getByRole("button", { name: "Create" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Title is too long.",
    );
    expect(screen.getByLabelText("Title")).toHaveValue("Milk");
  });

  it("edits an existing item and can be cancelled", async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(
      <ItemForm
        title="Edit"
        submitLabel="Save"
        initial={{ title: "Milk", description: "", status: "open" }}
        onSubmit={vi.fn(() => Promise.resolve())}
        onCancel={onCancel}
      />,
    );

    expect(screen.getByLabelText("Title")).toHaveValue("Milk");
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(onCancel).toHaveBeenCalledOnce();
  });
});
