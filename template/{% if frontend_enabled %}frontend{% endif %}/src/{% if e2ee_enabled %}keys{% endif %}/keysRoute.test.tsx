import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { App } from "../App";
import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";

describe("the key screen in the app", () => {
  it("is linked from the navigation of a signed-in user", async () => {
    const api = new FakeApi();
    api.addUser("ada@example.com");
    const { user, location } = await renderWithSession(<App />, {
      api,
      signedInAs: "ada@example.com",
    });

    await user.click(await screen.findByRole("link", { name: "Key" }));

    expect(
      await screen.findByRole("heading", { name: "Encryption key" }),
    ).toBeInTheDocument();
    expect(location()).toBe("/keys");
  });
});
