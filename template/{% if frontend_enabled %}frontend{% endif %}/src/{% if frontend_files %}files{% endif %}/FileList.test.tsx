import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { StoredFile } from "../api/FilesApi";
import { FileList } from "./FileList";

const NOTES: StoredFile = {
  id: "f1",
  ownerId: "u1",
  filename: "notes.txt",
  contentType: "text/plain",
  sizeBytes: 1536,
  createdAt: "2026-01-01T00:00:00Z",
};

function setUp(files: readonly StoredFile[]) {
  const onDownload = vi.fn();
  const onDelete = vi.fn();
  render(
    <FileList files={files} onDownload={onDownload} onDelete={onDelete} />,
  );
  return { onDownload, onDelete, user: userEvent.setup() };
}

describe("FileList", () => {
  it("shows each file's name, size and upload time", () => {
    setUp([NOTES]);

    const row = screen.getByRole("row", { name: /notes\.txt/ });
    expect(within(row).getByText("1.5 KiB")).toBeInTheDocument();
    expect(within(row).getByText(/2026|1\/1|01/)).toHaveAttribute(
      "datetime",
      "2026-01-01T00:00:00Z",
    );
  });

  it("says so when there are none", () => {
    setUp([]);

    expect(screen.getByText("No files.")).toBeInTheDocument();
  });

  it("downloads, and deletes only once confirmed", async () => {
    const { onDownload, onDelete, user } = setUp([NOTES]);

    await user.click(
      screen.getByRole("button", { name: 'Download "notes.txt"' }),
    );
    expect(onDownload).toHaveBeenCalledWith(NOTES);

    await user.click(
      screen.getByRole("button", { name: 'Delete "notes.txt"' }),
    );
    expect(onDelete).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(onDelete).toHaveBeenCalledWith(NOTES);
  });

  it("renders a hostile name as text, never as markup", () => {
    const name = '<img src=x onerror="alert(1)">.png';
    setUp([{ ...NOTES, filename: name }]);

    expect(screen.getByText(name)).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
  });
});
