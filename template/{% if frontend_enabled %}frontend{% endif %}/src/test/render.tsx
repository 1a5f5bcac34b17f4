import { render, screen, type RenderResult } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";

import { ApiProvider } from "../api/ApiProvider";
import { SessionManager } from "../session/SessionManager";
import { SessionProvider } from "../session/SessionProvider";
import { FakeApi, PASSWORD } from "./FakeApi";
import { memoryCsrfTokenStore } from "./memoryCsrfTokenStore";

export interface Rendered extends RenderResult {
  api: FakeApi;
  session: SessionManager;
  user: UserEvent;
  /** The address the router is at now, as path and query. */
  location: () => string;
}

interface Options {
  api?: FakeApi;
  /** Signs this e-mail address in first (its account must exist in `api`). */
  signedInAs?: string;
  /** The address to start at; `path` is the route pattern `ui` is mounted on. */
  route?: string;
  path?: string;
}

/**
 * Renders `ui` as the app does (router, Api, session), against a FakeApi:
 * components see only the Api port, so these tests serve both API styles.
 */
export async function renderWithSession(
  ui: ReactElement,
  { api = new FakeApi(), signedInAs, route = "/", path = "*" }: Options = {},
): Promise<Rendered> {
  const session = new SessionManager({
    api,
    csrfTokens: memoryCsrfTokenStore(),
    lock: (_name, task) => task(),
  });
  if (signedInAs === undefined) await session.start();
  else await session.signIn({ email: signedInAs, password: PASSWORD });
  const result = render(
    <MemoryRouter initialEntries={[route]}>
      <ApiProvider api={api}>
        <SessionProvider manager={session}>
          <Routes>
            <Route path={path} element={ui} />
          </Routes>
          <LocationProbe />
        </SessionProvider>
      </ApiProvider>
    </MemoryRouter>,
  );
  return {
    ...result,
    api,
    session,
    user: userEvent.setup(),
    location: () => screen.getByTestId("location").textContent,
  };
}

/** Shows where the router is, for `location()`. */
function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location" hidden>
      {`${location.pathname}${location.search}`}
    </output>
  );
}
