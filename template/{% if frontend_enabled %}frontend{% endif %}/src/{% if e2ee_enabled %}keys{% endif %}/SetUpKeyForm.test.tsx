import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { SetUpKeyForm } from "./SetUpKeyForm";

function setUp(onSetUp: (passphrase: string) => Promise<void>) {
  render(<SetUpKeyForm onSetUp={onSetUp} />);
  return userEvent.setup();
}

async function send(
  user: ReturnType<typeof userEvent.setup>,
  passphrase: string,
  repeated = passphrase,
) {
  await user.type(screen.getByLabelText("New backup passphrase"), passphrase);
  await user.type(screen.getByLabelText("Passphrase again"), repeated);
  await user.click(screen.getByRole("button", { name: "Set up" }));
}

describe("SetUpKeyForm", () => {
  it("sets up with a passphrase typed the same twice", async () => {
    const onSetUp = vi.fn(() => new Promise<void>(() => undefined));
    const user = setUp(onSetUp);

    await send(user, "correct horse battery");

    expect(onSetUp).toHaveBeenCalledWith("correct horse battery");
    expect(screen.getByRole("button", { name: "Setting up…" })).toBeDisabled();
  });

  it("refuses a short passphrase and two that differ, before any work", async () => {
    const onSetUp = vi.fn(() => Promise.resolve());
    const user = setUp(onSetUp);

    await send(user, "short");
    expect(screen.getByRole("alert")).toHaveTextContent("at least 12");

    await user.clear(screen.getByLabelText("New backup passphrase"));
    await user.clear(screen.getByLabelText("Passphrase again"));
    await send(user, "correct horse battery", "correct horse batterz");
    expect(screen.getByRole("alert")).toHaveTextContent("differ");
    expect(onSetUp).not.toHaveBeenCalled();
  });

  it("shows why setting up failed and can try again", async () => {
    const onSetUp = vi.fn(() =>
      Promise.reject(new ApiError("conflict", "You own files: keep your key.")),
    );
    const user = setUp(onSetUp);

    await send(user, "correct horse battery");

    expect(await screen.findByRole("alert")).toHaveTextContent("You own files");
    expect(screen.getByRole("button", { name: "Set up" })).toBeEnabled();
  });
});
