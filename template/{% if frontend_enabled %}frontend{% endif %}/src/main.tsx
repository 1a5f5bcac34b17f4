import "./styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";

import { createApi } from "./api/adapter";
import { ApiProvider } from "./api/ApiProvider";
import { App } from "./App";
import { loadRuntimeConfig } from "./config/runtimeConfig";
import { browserCsrfTokenStore } from "./session/csrfTokenStore";
import { SessionManager } from "./session/SessionManager";
import { SessionProvider } from "./session/SessionProvider";

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    console.error(error);
    root.render(
      <p role="alert">This page is misconfigured: please try again later.</p>,
    );
    return;
  }
  // The Api asks the session for its access token; the session asks the Api to
  // refresh it: the adapter reads `session` only when a call is made.
  const api = createApi({
    apiOrigin: config.apiOrigin,
    accessToken: () => session.accessToken(),
  });
  const session = new SessionManager({
    api,
    csrfTokens: browserCsrfTokenStore(),
  });
  void session.start();
  root.render(
    <StrictMode>
      <BrowserRouter>
        <ApiProvider api={api}>
          <SessionProvider manager={session}>
            <App />
          </SessionProvider>
        </ApiProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}

const container = document.getElementById("root");
if (container === null) throw new Error("index.html has no #root element.");
void start(container);
