import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { NavBar } from "./NavBar";

function apiWith(admin: boolean) {
  const api = new FakeApi();
  api.addUser("ada@example.com", { admin });
  return api;
}

describe("NavBar", () => {
  it("offers sign-in and registration when signed out", async () => {
    await renderWithSession(<NavBar />);

    expect(screen.getByRole("link", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Register" })).toBeInTheDocument();
  });

  it("shows the user management link to administrators only", async () => {
    await renderWithSession(<NavBar />, {
      api: apiWith(false),
      signedInAs: "ada@example.com",
    });

    expect(screen.getByRole("link", { name: "Items" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Users" })).toBeNull();
  });

  it("shows the user management link to an administrator", async () => {
    await renderWithSession(<NavBar />, {
      api: apiWith(true),
      signedInAs: "ada@example.com",
    });

    expect(screen.getByRole("link", { name: "Users" })).toBeInTheDocument();
  });

  it("signs out, on the server too, and goes to the sign-in page", async () => {
    const api = apiWith(false);
    const signOut = vi.spyOn(api, "signOut");
    const { user, session, location } = await renderWithSession(<NavBar />, {
      api,
      signedInAs: "ada@example.com",
    });

    await user.click(screen.getByRole("button", { name: "Sign out" }));

    await waitFor(() => {
      expect(location()).toBe("/login");
    });
    expect(signOut).toHaveBeenCalledOnce();
    expect(session.getState()).toEqual({ status: "signed-out" });
  });
});
