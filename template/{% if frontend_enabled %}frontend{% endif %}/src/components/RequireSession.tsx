import { Navigate, Outlet, useLocation } from "react-router";

import { useSession } from "../session/useSession";

/** The routes below it for signed-in users; others go to the sign-in page and back. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status !== "signed-in") {
    return (
      <Navigate
        to="/login"
        replace
        state={{ from: `${location.pathname}${location.search}` }}
      />
    );
  }
  return <Outlet />;
}
