import { useState, type SubmitEvent } from "react";

import { ApiError, asApiError } from "../api/ApiError";
import { ErrorMessage } from "../components/ErrorMessage";
import { passphraseProblem } from "./ageIdentity";

interface SetUpKeyFormProps {
  /** Makes the key, its backup under `passphrase`, and registers it. */
  onSetUp: (passphrase: string) => Promise<void>;
}

/** A new passphrase, typed twice: it alone opens the key's backup. */
export function SetUpKeyForm({ onSetUp }: SetUpKeyFormProps) {
  const [passphrase, setPassphrase] = useState("");
  const [repeated, setRepeated] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem =
      passphraseProblem(passphrase) ??
      (passphrase === repeated ? null : "The two passphrases differ.");
    if (problem !== null) {
      setError(new ApiError("invalid", problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSetUp(passphrase);
    } catch (failure) {
      setError(asApiError(failure));
      setBusy(false);
    }
  }

  return (
    <form
      aria-label="Set up encryption"
      onSubmit={(event) => void submit(event)}
    >
      <label>
        New backup passphrase
        <input
          type="password"
          name="passphrase"
          autoComplete="new-password"
          required
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.target.value);
          }}
        />
      </label>
      <label>
        Passphrase again
        <input
          type="password"
          name="repeated"
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(event) => {
            setRepeated(event.target.value);
          }}
        />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {busy ? "Setting up…" : "Set up"}
      </button>
    </form>
  );
}
