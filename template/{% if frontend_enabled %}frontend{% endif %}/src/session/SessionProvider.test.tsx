import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi, PASSWORD } from "../test/FakeApi";
import { memoryCsrfTokenStore } from "../test/memoryCsrfTokenStore";
import { SessionManager } from "./SessionManager";
import { SessionProvider } from "./SessionProvider";
import { useSession } from "./useSession";

function Status() {
  const { state } = useSession();
  return (
    <p>{state.status === "signed-in" ? state.user.email : state.status}</p>
  );
}

describe("SessionProvider", () => {
  it("renders again when the session changes", async () => {
    const api = new FakeApi();
    api.addUser("ada@example.com");
    const manager = new SessionManager({
      api,
      csrfTokens: memoryCsrfTokenStore(),
      lock: (_name, task) => task(),
    });
    render(
      <SessionProvider manager={manager}>
        <Status />
      </SessionProvider>,
    );
    expect(screen.getByText("starting")).toBeInTheDocument();

    await act(() =>
      manager.signIn({ email: "ada@example.com", password: PASSWORD }),
    );

    expect(screen.getByText("ada@example.com")).toBeInTheDocument();
  });

  it("is required by useSession", () => {
    expect(() => render(<Status />)).toThrow(/SessionProvider/);
  });
});
