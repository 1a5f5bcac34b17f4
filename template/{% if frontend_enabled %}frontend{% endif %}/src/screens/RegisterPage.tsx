import { useState } from "react";
import { Link, Navigate, useNavigate } from "react-router";

import type { Credentials } from "../api/Api";
import { useApi } from "../api/useApi";
import { CredentialsForm } from "../components/CredentialsForm";
import { useSession } from "../session/useSession";

/** Creates a member account and signs it in. */
export function RegisterPage() {
  const api = useApi();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  // While registering, this page navigates itself, not the guard below.
  const [registering, setRegistering] = useState(false);

  if (state.status === "signed-in" && !registering)
    return <Navigate to="/" replace />;

  async function submit(credentials: Credentials) {
    setRegistering(true);
    try {
      await api.register(credentials);
      await signIn(credentials);
      await navigate("/", { replace: true });
    } catch (failure) {
      setRegistering(false);
      throw failure;
    }
  }

  return (
    <section aria-labelledby="register-heading">
      <h1 id="register-heading">Register</h1>
      <CredentialsForm
        submitLabel="Register"
        passwordAutoComplete="new-password"
        onSubmit={submit}
      />
      <p>
        Already registered? <Link to="/login">Sign in</Link>
      </p>
    </section>
  );
}
