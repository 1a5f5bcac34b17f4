import { use, useSyncExternalStore } from "react";

import type { Credentials } from "../api/Api";
import { SessionContext } from "./sessionContext";
import type { SessionState } from "./SessionManager";

export interface Session {
  state: SessionState;
  signIn: (credentials: Credentials) => Promise<void>;
  signOut: () => Promise<void>;
}

/** The browser session; the component renders again when it changes. */
export function useSession(): Session {
  const manager = use(SessionContext);
  if (manager === null)
    throw new Error("useSession needs a <SessionProvider>.");
  const state = useSyncExternalStore(manager.subscribe, manager.getState);
  return {
    state,
    signIn: (credentials) => manager.signIn(credentials),
    signOut: () => manager.signOut(),
  };
}
