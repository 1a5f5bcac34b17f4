import { useState } from "react";

import { asApiError, type ApiError } from "../api/ApiError";

export interface Submission<Args extends unknown[]> {
  /** True from the start of a run until it fails (a success moves on). */
  busy: boolean;
  /** Why the latest run failed, or null. */
  error: ApiError | null;
  /** Shows a problem found before any run (a field the form checks itself). */
  refuse: (error: ApiError) => void;
  run: (...args: Args) => Promise<void>;
}

/**
 * A form's one action at a time: busy while it runs, its failure kept to show
 * (as an ApiError), and ready for another try after a failure.
 */
export function useSubmission<Args extends unknown[]>(
  action: (...args: Args) => Promise<void>,
): Submission<Args> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(...args: Args) {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
    } catch (failure) {
      setError(asApiError(failure));
      setBusy(false);
    }
  }

  return { busy, error, refuse: setError, run };
}
