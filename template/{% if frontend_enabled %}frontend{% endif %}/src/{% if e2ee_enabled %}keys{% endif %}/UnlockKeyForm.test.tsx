import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { UnlockKeyForm } from "./UnlockKeyForm";

describe("UnlockKeyForm", () => {
  it("unlocks with the passphrase, once at a time", async () => {
    const onUnlock = vi.fn(() => new Promise<void>(() => undefined));
    render(<UnlockKeyForm onUnlock={onUnlock} />);
    const user = userEvent.setup();

    await user.type(
      screen.getByLabelText("Backup passphrase"),
      "my passphrase",
    );
    await user.click(screen.getByRole("button", { name: "Unlock" }));

    expect(onUnlock).toHaveBeenCalledWith("my passphrase");
    expect(screen.getByRole("button", { name: "Unlocking…" })).toBeDisabled();
  });

  it("shows a wrong passphrase and can try again", async () => {
    const onUnlock = vi.fn(() =>
      Promise.reject(
        new ApiError("invalid", "The passphrase does not open this backup."),
      ),
    );
    render(<UnlockKeyForm onUnlock={onUnlock} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Backup passphrase"), "wrong one");
    await user.click(screen.getByRole("button", { name: "Unlock" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "does not open this backup",
    );
    expect(screen.getByRole("button", { name: "Unlock" })).toBeEnabled();
  });
});
