import { act, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi, PASSWORD } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { KeyringProvider } from "./KeyringProvider";
import { useKeyring } from "./useKeyring";

const KEY = { identity: "AGE-SECRET-KEY-1TEST", recipient: "age1test" };

function Probe() {
  const { unlocked, unlock } = useKeyring();
  return (
    <button
      type="button"
      onClick={() => {
        unlock(KEY);
      }}
    >
      {unlocked === null ? "locked" : `unlocked ${unlocked.recipient}`}
    </button>
  );
}

/** The provider and its probe, with ada signed in. */
async function renderSignedIn() {
  const api = new FakeApi();
  api.addUser("ada@example.com");
  return renderWithSession(
    <KeyringProvider>
      <Probe />
    </KeyringProvider>,
    { api, signedInAs: "ada@example.com" },
  );
}

describe("KeyringProvider", () => {
  it("keeps the unlocked key for the signed-in user, and forgets it on sign-out", async () => {
    const { user, session } = await renderSignedIn();
    expect(screen.getByRole("button")).toHaveTextContent("locked");

    await user.click(screen.getByRole("button"));
    expect(screen.getByRole("button")).toHaveTextContent("unlocked age1test");

    await act(() => session.signOut());
    expect(screen.getByRole("button")).toHaveTextContent("locked");
  });

  it("does not give the key back when the same user signs in again", async () => {
    const { user, session } = await renderSignedIn();
    await user.click(screen.getByRole("button"));

    await act(() => session.signOut());
    await act(() =>
      session.signIn({ email: "ada@example.com", password: PASSWORD }),
    );

    expect(screen.getByRole("button")).toHaveTextContent("locked");
  });

  it("stores nothing of the key", async () => {
    const { user } = await renderSignedIn();

    await user.click(screen.getByRole("button"));

    const stored = JSON.stringify([
      Object.entries(localStorage),
      Object.entries(sessionStorage),
    ]);
    expect(stored).not.toContain(KEY.identity);
    expect(document.cookie).not.toContain(KEY.identity);
  });
});
