import type { CsrfTokenStore } from "../session/csrfTokenStore";

/** A CsrfTokenStore in memory; `otherTab` plays another tab changing it. */
export function memoryCsrfTokenStore(
  initial: string | null = null,
): CsrfTokenStore & { otherTab(token: string | null): void } {
  let token = initial;
  const listeners = new Set<(token: string | null) => void>();
  return {
    get: () => token,
    set: (value) => {
      token = value;
    },
    clear: () => {
      token = null;
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    otherTab: (value) => {
      token = value;
      for (const listener of listeners) listener(value);
    },
  };
}
