import type { ReactNode } from "react";

import type { SessionManager } from "./SessionManager";
import { SessionContext } from "./sessionContext";

/** Gives the components below the browser session (see useSession). */
export function SessionProvider({
  manager,
  children,
}: {
  manager: SessionManager;
  children: ReactNode;
}) {
  return <SessionContext value={manager}>{children}</SessionContext>;
}
