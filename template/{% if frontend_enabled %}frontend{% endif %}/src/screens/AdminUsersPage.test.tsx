import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { AdminUsersPage } from "./AdminUsersPage";

function setUp() {
  const api = new FakeApi();
  api.addUser("ada@example.com", { admin: true });
  const bob = api.addUser("bob@example.com");
  return { api, bob };
}

describe("AdminUsersPage", () => {
  it("lists the users", async () => {
    const { api } = setUp();

    await renderWithSession(<AdminUsersPage />, {
      api,
      signedInAs: "ada@example.com",
    });

    expect(await screen.findByText("bob@example.com")).toBeInTheDocument();
    expect(screen.getByText("ada@example.com (you)")).toBeInTheDocument();
  });

  it("makes a member an administrator", async () => {
    const { api, bob } = setUp();
    const setRoles = vi.spyOn(api, "setRoles");
    const { user } = await renderWithSession(<AdminUsersPage />, {
      api,
      signedInAs: "ada@example.com",
    });

    await user.click(
      await screen.findByRole("button", {
        name: "Make admin bob@example.com",
      }),
    );

    expect(setRoles).toHaveBeenCalledWith(bob.id, ["admin", "member"]);
    expect(
      await screen.findByRole("button", {
        name: "Remove admin from bob@example.com",
      }),
    ).toBeInTheDocument();
  });

  it("deactivates a user", async () => {
    const { api } = setUp();
    const { user } = await renderWithSession(<AdminUsersPage />, {
      api,
      signedInAs: "ada@example.com",
    });

    await user.click(
      await screen.findByRole("button", {
        name: "Deactivate bob@example.com",
      }),
    );
    await user.click(screen.getByRole("button", { name: "Yes, deactivate" }));

    expect(await screen.findByRole("cell", { name: "No" })).toBeInTheDocument();
  });

  it("shows the server's refusal", async () => {
    const { api } = setUp();
    vi.spyOn(api, "listUsers").mockRejectedValue(
      new ApiError("forbidden", "Administrators only."),
    );

    await renderWithSession(<AdminUsersPage />, {
      api,
      signedInAs: "ada@example.com",
    });

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Administrators only.",
    );
  });
});
