import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { CredentialsForm } from "./CredentialsForm";

function setUp(onSubmit: () => Promise<void>) {
  render(
    <CredentialsForm
      submitLabel="Sign in"
      passwordAutoComplete="current-password"
      onSubmit={onSubmit}
    />,
  );
  return userEvent.setup();
}

async function fillAndSend(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText("E-mail"), "ada@example.com");
  await user.type(screen.getByLabelText("Password"), "pw");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("CredentialsForm", () => {
  it("sends what was entered, once: the button waits for the answer", async () => {
    const onSubmit = vi.fn(() => new Promise<void>(() => undefined));
    const user = setUp(onSubmit);

    await fillAndSend(user);

    expect(onSubmit).toHaveBeenCalledWith({
      email: "ada@example.com",
      password: "pw",
    });
    expect(screen.getByRole("button", { name: "Sign in" })).toBeDisabled();
    expect(screen.getByLabelText("Password")).toHaveAttribute(
      "autocomplete",
      "current-password",
    );
  });

  it("shows a failure and can be sent again", async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(new ApiError("rate-limited", "Too many attempts.")),
    );
    const user = setUp(onSubmit);

    await fillAndSend(user);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many attempts.",
    );
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });
});
