import { useState, type SubmitEvent } from "react";
import { Link, Navigate, useNavigate } from "react-router";

import { asApiError, type ApiError } from "../api/ApiError";
import { useApi } from "../api/useApi";
import { ErrorMessage } from "../components/ErrorMessage";
import { useSession } from "../session/useSession";

/** Creates a member account and signs it in. */
export function RegisterPage() {
  const api = useApi();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (state.status === "signed-in" && !busy) return <Navigate to="/" replace />;

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.register({ email, password });
      await signIn({ email, password });
      await navigate("/", { replace: true });
    } catch (failure) {
      setError(asApiError(failure));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="register-heading">
      <h1 id="register-heading">Register</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          E-mail
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          Register
        </button>
      </form>
      <p>
        Already registered? <Link to="/login">Sign in</Link>
      </p>
    </section>
  );
}
