import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { RequireAdmin } from "./RequireAdmin";

async function renderAs(admin: boolean) {
  const api = new FakeApi();
  api.addUser("ada@example.com", { admin });
  await renderWithSession(
    <RequireAdmin>
      <p>admin page</p>
    </RequireAdmin>,
    { api, signedInAs: "ada@example.com" },
  );
}

describe("RequireAdmin", () => {
  it("shows its children to administrators", async () => {
    await renderAs(true);

    expect(screen.getByText("admin page")).toBeInTheDocument();
  });

  it("shows members a refusal instead", async () => {
    await renderAs(false);

    expect(screen.queryByText("admin page")).toBeNull();
    expect(screen.getByRole("alert")).toHaveTextContent(/Only administrators/);
  });
});
