import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import type { UploadOptions } from "../api/postUploadForm";
import { FileUploadForm } from "./FileUploadForm";

/** What the upload answers; the form only waits for it. */
const STORED = { id: "f1" };

function notes(size = 2048): File {
  return new File(["x".repeat(size)], "notes.txt", { type: "text/plain" });
}

/** An upload the test finishes by hand, with the options it was given. */
function pendingUpload() {
  let finish: (outcome: typeof STORED | Error) => void = () => undefined;
  let options: UploadOptions = {};
  const upload = vi.fn((_file: File, given: UploadOptions) => {
    options = given;
    return new Promise<typeof STORED>((resolve, reject) => {
      finish = (outcome) => {
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
    });
  });
  return {
    upload,
    finish: (outcome: typeof STORED | Error) => {
      finish(outcome);
    },
    options: () => options,
  };
}

function setUp(
  upload: (file: File, options: UploadOptions) => Promise<typeof STORED>,
) {
  const onUploaded = vi.fn();
  render(<FileUploadForm upload={upload} onUploaded={onUploaded} />);
  return { onUploaded, user: userEvent.setup() };
}

describe("FileUploadForm", () => {
  it("uploads the chosen file, shows its progress, then clears the choice", async () => {
    const pending = pendingUpload();
    const { onUploaded, user } = setUp(pending.upload);

    await user.upload(screen.getByLabelText("File"), notes());
    await user.click(screen.getByRole("button", { name: "Upload" }));

    expect(pending.upload).toHaveBeenCalledWith(
      expect.objectContaining({ name: "notes.txt" }),
      expect.anything(),
    );
    const bar = screen.getByRole("progressbar", { name: "Upload progress" });
    expect(screen.getByRole("button", { name: "Upload" })).toBeDisabled();

    pending.options().onProgress?.({ loaded: 1024, total: 2048 });
    await waitFor(() => {
      expect(bar).toHaveAttribute("value", "1024");
    });
    expect(screen.getByText(/1 KiB of 2 KiB/)).toBeInTheDocument();

    pending.finish(STORED);
    await waitFor(() => {
      expect(onUploaded).toHaveBeenCalledOnce();
      expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    });
    expect(screen.getByLabelText("File")).toHaveValue("");
  });

  it("cancels a running upload through its signal", async () => {
    // An upload that fails the way the real one does when its signal aborts.
    const upload = vi.fn(
      (_file: File, { signal }: UploadOptions) =>
        new Promise<typeof STORED>((_resolve, reject) => {
          signal?.addEventListener("abort", () => {
            reject(new ApiError("unexpected", "The upload was cancelled."));
          });
        }),
    );
    const { onUploaded, user } = setUp(upload);
    await user.upload(screen.getByLabelText("File"), notes());
    await user.click(screen.getByRole("button", { name: "Upload" }));

    await user.click(screen.getByRole("button", { name: "Cancel upload" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The upload was cancelled.",
    );
    expect(screen.getByRole("button", { name: "Upload" })).toBeEnabled();
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it("offers no cancel once every byte is sent", async () => {
    const pending = pendingUpload();
    const { user } = setUp(pending.upload);
    await user.upload(screen.getByLabelText("File"), notes());
    await user.click(screen.getByRole("button", { name: "Upload" }));

    pending.options().onProgress?.({ loaded: 2048, total: 2048 });

    await waitFor(() => {
      expect(
        screen.queryByRole("button", { name: "Cancel upload" }),
      ).not.toBeInTheDocument();
    });
  });

  it("cancels the upload when the screen goes, and reports nothing after", async () => {
    const pending = pendingUpload();
    const onUploaded = vi.fn();
    const { unmount } = render(
      <FileUploadForm upload={pending.upload} onUploaded={onUploaded} />,
    );
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText("File"), notes());
    await user.click(screen.getByRole("button", { name: "Upload" }));

    unmount();

    expect(pending.options().signal?.aborted).toBe(true);
    pending.finish(STORED);
    await Promise.resolve();
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it("shows the server's refusal and keeps the choice for another try", async () => {
    const upload = vi.fn(() =>
      Promise.reject(new ApiError("conflict", "Your storage quota is full.")),
    );
    const { user } = setUp(upload);
    await user.upload(screen.getByLabelText("File"), notes());

    await user.click(screen.getByRole("button", { name: "Upload" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Your storage quota is full.",
    );
    expect(screen.getByRole("button", { name: "Upload" })).toBeEnabled();
  });

  it("refuses to send nothing: no file, or an empty one", async () => {
    const upload = vi.fn();
    const { user } = setUp(upload);

    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Choose a file first.");

    await user.upload(screen.getByLabelText("File"), notes(0));
    await user.click(screen.getByRole("button", { name: "Upload" }));
    expect(screen.getByRole("alert")).toHaveTextContent("The file is empty.");
    expect(upload).not.toHaveBeenCalled();
  });
});
