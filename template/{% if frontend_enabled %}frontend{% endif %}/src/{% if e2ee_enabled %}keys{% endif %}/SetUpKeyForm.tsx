import { useState, type SubmitEvent } from "react";

import { ApiError } from "../api/ApiError";
import { ErrorMessage } from "../components/ErrorMessage";
import { PasswordField } from "../components/PasswordField";
import { useSubmission } from "../hooks/useSubmission";
import { passphraseProblem } from "./ageIdentity";

interface SetUpKeyFormProps {
  /** Makes the key, its backup under `passphrase`, and registers it. */
  onSetUp: (passphrase: string) => Promise<void>;
}

/** A new passphrase, typed twice: it alone opens the key's backup. */
export function SetUpKeyForm({ onSetUp }: SetUpKeyFormProps) {
  const [passphrase, setPassphrase] = useState("");
  const [repeated, setRepeated] = useState("");
  const submission = useSubmission(onSetUp);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem =
      passphraseProblem(passphrase) ??
      (passphrase === repeated ? null : "The two passphrases differ.");
    if (problem === null) void submission.run(passphrase);
    else submission.refuse(new ApiError("invalid", problem));
  }

  return (
    <form aria-label="Set up encryption" onSubmit={submit}>
      <PasswordField
        label="New backup passphrase"
        name="passphrase"
        autoComplete="new-password"
        value={passphrase}
        onChange={setPassphrase}
      />
      <PasswordField
        label="Passphrase again"
        name="repeated"
        autoComplete="new-password"
        value={repeated}
        onChange={setRepeated}
      />
      <ErrorMessage error={submission.error} />
      <button type="submit" disabled={submission.busy}>
        {submission.busy ? "Setting up…" : "Set up"}
      </button>
    </form>
  );
}
