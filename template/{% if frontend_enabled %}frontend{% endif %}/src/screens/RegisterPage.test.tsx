import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi, PASSWORD } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { RegisterPage } from "./RegisterPage";

async function register(api: FakeApi, email: string) {
  const rendered = await renderWithSession(<RegisterPage />, {
    api,
    route: "/register",
  });
  await rendered.user.type(screen.getByLabelText("E-mail"), email);
  await rendered.user.type(screen.getByLabelText("Password"), PASSWORD);
  await rendered.user.click(screen.getByRole("button", { name: "Register" }));
  return rendered;
}

describe("RegisterPage", () => {
  it("creates the account, signs it in and goes to the items", async () => {
    const api = new FakeApi();

    const { session, location } = await register(api, "new@example.com");

    // Register, sign in, navigate: several answers later, however busy the machine.
    await waitFor(() => {
      expect(location()).toBe("/");
    });
    expect(api.accounts.map((account) => account.user.email)).toEqual([
      "new@example.com",
    ]);
    expect(session.getState()).toMatchObject({
      status: "signed-in",
      user: { email: "new@example.com" },
    });
  });

  it("shows why registration was refused", async () => {
    const api = new FakeApi();
    api.addUser("taken@example.com");

    await register(api, "taken@example.com");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "already registered",
    );
  });
});
