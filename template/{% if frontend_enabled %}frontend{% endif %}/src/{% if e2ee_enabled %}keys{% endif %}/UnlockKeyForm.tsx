import { useState, type SubmitEvent } from "react";

import { asApiError, type ApiError } from "../api/ApiError";
import { ErrorMessage } from "../components/ErrorMessage";

interface UnlockKeyFormProps {
  /** Opens the key's backup with `passphrase`. */
  onUnlock: (passphrase: string) => Promise<void>;
}

export function UnlockKeyForm({ onUnlock }: UnlockKeyFormProps) {
  const [passphrase, setPassphrase] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onUnlock(passphrase);
    } catch (failure) {
      setError(asApiError(failure));
      setBusy(false);
    }
  }

  return (
    <form aria-label="Unlock your key" onSubmit={(event) => void submit(event)}>
      <label>
        Backup passphrase
        <input
          type="password"
          name="passphrase"
          autoComplete="current-password"
          required
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.target.value);
          }}
        />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {busy ? "Unlocking…" : "Unlock"}
      </button>
    </form>
  );
}
