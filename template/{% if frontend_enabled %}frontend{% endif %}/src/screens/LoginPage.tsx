import { useState } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";

import type { Credentials } from "../api/Api";
import { CredentialsForm } from "../components/CredentialsForm";
import { useSession } from "../session/useSession";

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
function returnPath(state: unknown): string {
  const from =
    typeof state === "object" && state !== null && "from" in state
      ? state.from
      : null;
  return typeof from === "string" &&
    from.startsWith("/") &&
    !from.startsWith("//")
    ? from
    : "/";
}

export function LoginPage() {
  const { state, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // While signing in, this page navigates itself (to `target`), not the guard below.
  const [signingIn, setSigningIn] = useState(false);
  const target = returnPath(location.state);

  if (state.status === "signed-in" && !signingIn)
    return <Navigate to={target} replace />;

  async function submit(credentials: Credentials) {
    setSigningIn(true);
    try {
      await signIn(credentials);
      await navigate(target, { replace: true });
    } catch (failure) {
      setSigningIn(false);
      throw failure;
    }
  }

  return (
    <section aria-labelledby="login-heading">
      <h1 id="login-heading">Sign in</h1>
      <CredentialsForm
        submitLabel="Sign in"
        passwordAutoComplete="current-password"
        onSubmit={submit}
      />
      <p>
        No account yet? <Link to="/register">Register</Link>
      </p>
    </section>
  );
}
