import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";

import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { RequireSession } from "./RequireSession";

const guarded = (
  <Routes>
    <Route element={<RequireSession />}>
      <Route path="/secret" element={<p>secret page</p>} />
    </Route>
    <Route path="/login" element={<p>sign-in page</p>} />
  </Routes>
);

describe("RequireSession", () => {
  it("sends a signed-out visitor to the sign-in page, remembering where they were", async () => {
    const { location } = await renderWithSession(guarded, {
      route: "/secret?page=2",
    });

    expect(screen.getByText("sign-in page")).toBeInTheDocument();
    expect(location()).toBe("/login");
  });

  it("shows the page to a signed-in user", async () => {
    const api = new FakeApi();
    api.addUser("ada@example.com");

    await renderWithSession(guarded, {
      api,
      signedInAs: "ada@example.com",
      route: "/secret",
    });

    expect(screen.getByText("secret page")).toBeInTheDocument();
  });
});
