import { useState, type SubmitEvent } from "react";

import { ErrorMessage } from "../components/ErrorMessage";
import { PasswordField } from "../components/PasswordField";
import { useSubmission } from "../hooks/useSubmission";

interface UnlockKeyFormProps {
  /** Opens the key's backup with `passphrase`. */
  onUnlock: (passphrase: string) => Promise<void>;
}

export function UnlockKeyForm({ onUnlock }: UnlockKeyFormProps) {
  const [passphrase, setPassphrase] = useState("");
  const submission = useSubmission(onUnlock);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void submission.run(passphrase);
  }

  return (
    <form aria-label="Unlock your key" onSubmit={submit}>
      <PasswordField
        label="Backup passphrase"
        name="passphrase"
        autoComplete="current-password"
        value={passphrase}
        onChange={setPassphrase}
      />
      <ErrorMessage error={submission.error} />
      <button type="submit" disabled={submission.busy}>
        {submission.busy ? "Unlocking…" : "Unlock"}
      </button>
    </form>
  );
}
