import { useState, type SubmitEvent } from "react";

import type { Credentials } from "../api/Api";
import { useSubmission } from "../hooks/useSubmission";
import { ErrorMessage } from "./ErrorMessage";
import { PasswordField } from "./PasswordField";

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
  const submission = useSubmission(onSubmit);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submission.run({ email, password });
  }

  return (
    <form onSubmit={submit}>
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
      <PasswordField
        label="Password"
        name="password"
        autoComplete={passwordAutoComplete}
        value={password}
        onChange={setPassword}
      />
      <ErrorMessage error={submission.error} />
      <button type="submit" disabled={submission.busy}>
        {submitLabel}
      </button>
    </form>
  );
}
