import { useCallback, useEffect, useEffectEvent, useState } from "react";

import { asApiError, type ApiError } from "../api/ApiError";

export interface Load<T> {
  /** The latest value loaded (kept while a newer load runs), or undefined. */
  value: T | undefined;
  /** Why the latest load failed, or null. */
  error: ApiError | null;
  loading: boolean;
  /** Loads again, with the same key. */
  reload: () => void;
}

interface Settled<T> {
  run: string;
  value: T | undefined;
  error: ApiError | null;
}

/**
 * Runs `load` whenever `key` changes (or on `reload`), and keeps only the answer
 * of the latest run: an older request that answers late is ignored.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Load<T> {
  const [reloads, setReloads] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const run = `${String(reloads)}:${key}`;
  const start = useEffectEvent(load);

  useEffect(() => {
    let latest = true;
    start().then(
      (value) => {
        if (latest) setSettled({ run, value, error: null });
      },
      (error: unknown) => {
        if (latest) {
          setSettled((previous) => ({
            run,
            value: previous?.value,
            error: asApiError(error),
          }));
        }
      },
    );
    return () => {
      latest = false;
    };
  }, [run]);

  const reload = useCallback(() => {
    setReloads((count) => count + 1);
  }, []);
  const current = settled?.run === run;
  return {
    value: settled?.value,
    error: current ? settled.error : null,
    loading: !current,
    reload,
  };
}
