import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { ProfilePage } from "./ProfilePage";

describe("ProfilePage", () => {
  it("shows the signed-in user as the server knows them", async () => {
    const api = new FakeApi();
    api.addUser("ada@example.com", { admin: true });

    await renderWithSession(<ProfilePage />, {
      api,
      signedInAs: "ada@example.com",
    });

    expect(await screen.findByText("ada@example.com")).toBeInTheDocument();
    expect(screen.getByText("admin, member")).toBeInTheDocument();
  });
});
