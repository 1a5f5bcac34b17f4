import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi, PASSWORD } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { LoginPage } from "./LoginPage";

function apiWithAda() {
  const api = new FakeApi();
  api.addUser("ada@example.com");
  return api;
}

describe("LoginPage", () => {
  it("signs in and goes to the items", async () => {
    const { user, session, location } = await renderWithSession(<LoginPage />, {
      api: apiWithAda(),
      route: "/login",
    });

    await user.type(screen.getByLabelText("E-mail"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), PASSWORD);
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    await waitFor(() => {
      expect(location()).toBe("/");
    });
    expect(session.getState()).toMatchObject({ status: "signed-in" });
  });

  it("shows why sign-in failed", async () => {
    const { user } = await renderWithSession(<LoginPage />, {
      api: apiWithAda(),
      route: "/login",
    });

    await user.type(screen.getByLabelText("E-mail"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "not the password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The email address or password is incorrect.",
    );
  });

  it("sends a signed-in user on", async () => {
    const { location } = await renderWithSession(<LoginPage />, {
      api: apiWithAda(),
      signedInAs: "ada@example.com",
      route: "/login",
    });

    expect(location()).toBe("/");
  });
});
