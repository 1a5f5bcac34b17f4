import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { App } from "./App";
import { FakeApi } from "./test/FakeApi";
import { renderWithSession } from "./test/render";

function setUp(admin = false) {
  const api = new FakeApi();
  api.addUser("ada@example.com", { admin });
  return api;
}

describe("App", () => {
  it("sends a visitor to the sign-in page", async () => {
    const { location } = await renderWithSession(<App />, { api: setUp() });

    expect(
      await screen.findByRole("heading", { name: "Sign in" }),
    ).toBeInTheDocument();
    expect(location()).toBe("/login");
  });

  it("shows a signed-in user the items", async () => {
    await renderWithSession(<App />, {
      api: setUp(),
      signedInAs: "ada@example.com",
    });

    expect(
      await screen.findByRole("heading", { name: "Items" }),
    ).toBeInTheDocument();
  });

  it("shows user management to administrators", async () => {
    await renderWithSession(<App />, {
      api: setUp(true),
      signedInAs: "ada@example.com",
      route: "/admin/users",
    });

    expect(
      await screen.findByRole("heading", { name: "Users" }),
    ).toBeInTheDocument();
  });

  it("refuses user management to members", async () => {
    await renderWithSession(<App />, {
      api: setUp(),
      signedInAs: "ada@example.com",
      route: "/admin/users",
    });

    expect(await screen.findByText(/Only administrators/)).toBeInTheDocument();
  });

  it("says when a page does not exist", async () => {
    await renderWithSession(<App />, { route: "/nowhere" });

    expect(
      await screen.findByRole("heading", { name: "Not found" }),
    ).toBeInTheDocument();
  });
});
