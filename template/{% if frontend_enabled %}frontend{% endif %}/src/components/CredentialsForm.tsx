import { useState, type SubmitEvent } from "react";

import type { Credentials } from "../api/Api";
import { asApiError, type ApiError } from "../api/ApiError";
import { ErrorMessage } from "./ErrorMessage";

interface CredentialsFormProps {
  submitLabel: string;
  /** Lets password managers offer the saved password or a new one. */
  passwordAutoComplete: "current-password" | "new-password";
  /** Runs with what was entered; a failure is shown and the form can be sent again. */
  onSubmit: (credentials: Credentials) => Promise<void>;
}

/** E-mail and password, sent once at a time: the sign-in and register forms. */
export function CredentialsForm({
  submitLabel,
  passwordAutoComplete,
  onSubmit,
}: CredentialsFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ email, password });
    } catch (failure) {
      setError(asApiError(failure));
      setBusy(false);
    }
  }

  return (
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
          autoComplete={passwordAutoComplete}
          required
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
        />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
