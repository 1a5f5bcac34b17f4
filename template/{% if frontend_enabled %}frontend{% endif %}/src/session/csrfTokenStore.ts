/**
 * Where the browser session's CSRF token is kept between visits: localStorage.
 *
 * The token is no credential on its own: it is useless without the HttpOnly
 * refresh cookie, and no other origin can read it. The access token is never
 * stored (SessionManager holds it in memory); the lint rules allow storage APIs
 * in this file only.
 */
export interface CsrfTokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
  /** Calls `listener` when another tab changes the token; returns the unsubscribe. */
  onChange(listener: (token: string | null) => void): () => void;
}

export const CSRF_TOKEN_KEY = "browser-session.csrf-token";

/**
 * The store over `window.localStorage`. Where storage is refused (some private
 * modes), it keeps nothing: sessions then last as long as the page.
 */
export function browserCsrfTokenStore(target: Window = window): CsrfTokenStore {
  function attempt<T>(action: (storage: Storage) => T, fallback: T): T {
    try {
      return action(target.localStorage);
    } catch {
      return fallback;
    }
  }

  return {
    get: () => attempt((storage) => storage.getItem(CSRF_TOKEN_KEY), null),
    set: (token) => {
      attempt((storage) => {
        storage.setItem(CSRF_TOKEN_KEY, token);
      }, undefined);
    },
    clear: () => {
      attempt((storage) => {
        storage.removeItem(CSRF_TOKEN_KEY);
      }, undefined);
    },
    onChange: (listener) => {
      const onStorage = (event: StorageEvent) => {
        // key is null when another tab cleared the whole storage.
        if (event.key === CSRF_TOKEN_KEY || event.key === null) {
          listener(event.key === null ? null : event.newValue);
        }
      };
      target.addEventListener("storage", onStorage);
      return () => {
        target.removeEventListener("storage", onStorage);
      };
    },
  };
}
