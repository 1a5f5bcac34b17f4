import type { Api, BrowserSession, Credentials, User } from "../api/Api";
import { asApiError } from "../api/ApiError";
import type { CsrfTokenStore } from "./csrfTokenStore";

export type SessionState =
  | { status: "starting" }
  | { status: "signed-out" }
  | { status: "signed-in"; user: User };

export type SessionApi = Pick<
  Api,
  "signIn" | "refreshSession" | "signOut" | "currentUser"
>;

/** Runs `task` while holding the lock `name`, shared by this origin's tabs. */
export type Lock = <T>(name: string, task: () => Promise<T>) => Promise<T>;

export interface SessionManagerOptions {
  api: SessionApi;
  csrfTokens: CsrfTokenStore;
  now?: () => number;
  lock?: Lock;
}

/** Renew this long before the access token expires (at most half its life). */
const REFRESH_MARGIN_MS = 60_000;
/** A token this close to its expiry is renewed before use. */
const EXPIRY_SLACK_MS = 5_000;
/** After a refresh the service could not answer, try again this much later. */
const RETRY_MS = 15_000;
const REFRESH_LOCK = "browser-session-refresh";

/**
 * The Web Locks API, so that tabs refresh one at a time: the refresh token
 * rotates, and presenting a replaced one again ends the whole session.
 */
export const webLock: Lock = async (name, task) =>
  typeof navigator !== "undefined" && "locks" in navigator
    ? await navigator.locks.request(name, task)
    : await task();

/**
 * The browser session: who is signed in, and their access token.
 *
 * The access token lives in this object only, in memory: never in storage, so a
 * script injected into the page later cannot find one left behind. The refresh
 * token is an HttpOnly cookie the page cannot read; the CSRF token that must
 * accompany it is in `csrfTokens`. The session is restored on start, renewed
 * before the access token expires, and ended in every tab at once.
 */
export class SessionManager {
  readonly #api: SessionApi;
  readonly #csrfTokens: CsrfTokenStore;
  readonly #now: () => number;
  readonly #lock: Lock;
  readonly #listeners = new Set<() => void>();
  #state: SessionState = { status: "starting" };
  #accessToken: string | null = null;
  #expiresAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #refreshing: Promise<string | null> | null = null;
  #started = false;
  #stopWatching: () => void = () => undefined;

  constructor(options: SessionManagerOptions) {
    this.#api = options.api;
    this.#csrfTokens = options.csrfTokens;
    this.#now = options.now ?? Date.now;
    this.#lock = options.lock ?? webLock;
  }

  readonly getState = (): SessionState => this.#state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** Restores the session of an earlier visit, if the browser still has one. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#stopWatching = this.#csrfTokens.onChange((token) => {
      this.#onOtherTab(token);
    });
    if (this.#csrfTokens.get() === null) {
      this.#setState({ status: "signed-out" });
      return;
    }
    try {
      if ((await this.#refresh()) !== null) await this.#loadUser();
    } catch {
      // The service did not answer: show the sign-in page, keep the session.
    }
    if (this.#state.status === "starting")
      this.#setState({ status: "signed-out" });
  }

  /** Signs in; rejects with an ApiError (shown by the form) when refused. */
  async signIn(credentials: Credentials): Promise<void> {
    this.#accept(await this.#api.signIn(credentials));
    try {
      await this.#loadUser();
    } catch (error) {
      this.#forget();
      throw asApiError(error);
    }
  }

  /**
   * Ends the session here and in every tab at once, then on the server. When
   * the server cannot be told, nothing on this page can use the session any
   * more, and it ends by itself when its refresh token expires.
   */
  async signOut(): Promise<void> {
    const csrfToken = this.#csrfTokens.get();
    this.#forget();
    if (csrfToken === null) return;
    try {
      await this.#api.signOut(csrfToken);
    } catch {
      // See above: the page has already let go of the session.
    }
  }

  /**
   * A valid access token, renewed first when it has (nearly) expired; null when
   * signed out. Rejects with an ApiError when the service cannot renew it now.
   */
  async accessToken(): Promise<string | null> {
    if (
      this.#accessToken !== null &&
      this.#now() < this.#expiresAt - EXPIRY_SLACK_MS
    ) {
      return this.#accessToken;
    }
    if (this.#state.status === "signed-out") return null;
    return this.#refresh();
  }

  /** Stops the timer and the cross-tab listener (tests, hot reload). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#stopWatching();
    this.#listeners.clear();
  }

  /** One refresh at a time, in this tab and across tabs. */
  #refresh(): Promise<string | null> {
    this.#refreshing ??= this.#lock(REFRESH_LOCK, () =>
      this.#refreshOnce(),
    ).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refreshOnce(): Promise<string | null> {
    const csrfToken = this.#csrfTokens.get();
    if (csrfToken === null) {
      this.#forget();
      return null;
    }
    try {
      const session = await this.#api.refreshSession(csrfToken);
      this.#accept(session);
      return session.accessToken;
    } catch (error) {
      const failure = asApiError(error);
      if (failure.kind === "unauthenticated" || failure.kind === "forbidden") {
        // Expired, revoked, or not this session's CSRF token: it is over.
        this.#forget();
        return null;
      }
      this.#schedule(RETRY_MS);
      throw failure;
    }
  }

  async #loadUser(): Promise<void> {
    try {
      const user = await this.#api.currentUser();
      this.#setState({ status: "signed-in", user });
    } catch (error) {
      const failure = asApiError(error);
      if (failure.kind === "unauthenticated") this.#forget();
      throw failure;
    }
  }

  #accept(session: BrowserSession): void {
    const lifetimeMs = session.expiresInSeconds * 1000;
    this.#accessToken = session.accessToken;
    this.#expiresAt = this.#now() + lifetimeMs;
    this.#csrfTokens.set(session.csrfToken);
    this.#schedule(Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2));
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#refresh().catch(() => undefined);
    }, delayMs);
  }

  /** Another tab signed out (token gone) or signed in anew (another token). */
  #onOtherTab(token: string | null): void {
    if (token === null) {
      this.#forget();
      return;
    }
    // The cookie now belongs to the other tab's session: renew from it.
    this.#accessToken = null;
    this.#refresh()
      .then((renewed) => (renewed === null ? undefined : this.#loadUser()))
      .catch(() => undefined);
  }

  #forget(): void {
    clearTimeout(this.#timer);
    this.#accessToken = null;
    this.#expiresAt = 0;
    this.#csrfTokens.clear();
    this.#setState({ status: "signed-out" });
  }

  #setState(state: SessionState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
