import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { PasswordField } from "./PasswordField";

describe("PasswordField", () => {
  it("is a required, masked input that reports what is typed", async () => {
    const onChange = vi.fn();
    render(
      <PasswordField
        label="Password"
        name="password"
        autoComplete="new-password"
        value=""
        onChange={onChange}
      />,
    );

    const input = screen.getByLabelText("Password");
    await userEvent.setup().type(input, "x");

    expect(input).toHaveAttribute("type", "password");
    expect(input).toHaveAttribute("autocomplete", "new-password");
    expect(input).toBeRequired();
    expect(onChange).toHaveBeenCalledWith("x");
  });
});
