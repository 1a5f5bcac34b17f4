import type { ReactNode } from "react";

import { isAdmin } from "../session/permissions";
import { useSession } from "../session/useSession";

/**
 * Its children for administrators only. The server refuses the calls anyway:
 * this only spares everyone else a screen of errors.
 */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== "signed-in" || !isAdmin(state.user)) {
    return <p role="alert">Only administrators may see this page.</p>;
  }
  return children;
}
