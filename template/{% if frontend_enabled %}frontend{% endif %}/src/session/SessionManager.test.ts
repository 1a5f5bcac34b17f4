import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { CSRF_TOKEN, FakeApi, PASSWORD } from "../test/FakeApi";
import { memoryCsrfTokenStore } from "../test/memoryCsrfTokenStore";
import { browserCsrfTokenStore, CSRF_TOKEN_KEY } from "./csrfTokenStore";
import { SessionManager } from "./SessionManager";

const EMAIL = "ada@example.com";
const noLock = <T>(_name: string, task: () => Promise<T>) => task();

function setUp(csrfToken: string | null = null) {
  const api = new FakeApi();
  api.addUser(EMAIL);
  const csrfTokens = memoryCsrfTokenStore(csrfToken);
  const session = new SessionManager({ api, csrfTokens, lock: noLock });
  return { api, csrfTokens, session };
}

describe("SessionManager", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts signed out, without asking the server, when no session was kept", async () => {
    const { api, session } = setUp();
    const refresh = vi.spyOn(api, "refreshSession");

    await session.start();

    expect(session.getState()).toEqual({ status: "signed-out" });
    expect(refresh).not.toHaveBeenCalled();
    await expect(session.accessToken()).resolves.toBeNull();
  });

  it("restores the session of an earlier visit from the refresh cookie", async () => {
    const { api, session } = setUp(CSRF_TOKEN);
    api.sessionOf = api.accounts[0]?.user ?? null;
    const refresh = vi.spyOn(api, "refreshSession");

    await session.start();

    expect(refresh).toHaveBeenCalledWith(CSRF_TOKEN);
    expect(session.getState()).toMatchObject({
      status: "signed-in",
      user: { email: EMAIL },
    });
  });

  it("forgets a session the server no longer has", async () => {
    const { csrfTokens, session } = setUp(CSRF_TOKEN);

    await session.start();

    expect(session.getState()).toEqual({ status: "signed-out" });
    expect(csrfTokens.get()).toBeNull();
  });

  it("keeps the session for later when the service cannot answer at start", async () => {
    const { api, csrfTokens, session } = setUp(CSRF_TOKEN);
    vi.spyOn(api, "refreshSession").mockRejectedValue(
      new ApiError("unavailable"),
    );

    await session.start();

    expect(session.getState()).toEqual({ status: "signed-out" });
    expect(csrfTokens.get()).toBe(CSRF_TOKEN);
  });

  it("keeps the access token in memory only; storage holds just the CSRF token", async () => {
    const api = new FakeApi();
    api.addUser(EMAIL);
    const session = new SessionManager({
      api,
      csrfTokens: browserCsrfTokenStore(),
      lock: noLock,
    });

    await session.signIn({ email: EMAIL, password: PASSWORD });
    const accessToken = await session.accessToken();

    expect(accessToken).toMatch(/^access-token-/);
    expect(Object.keys(localStorage)).toEqual([CSRF_TOKEN_KEY]);
    expect(localStorage.getItem(CSRF_TOKEN_KEY)).toBe(CSRF_TOKEN);
    expect(Object.values(sessionStorage)).toEqual([]);
    expect(document.cookie).toBe("");
  });

  it("refuses a wrong password and stays signed out", async () => {
    const { session } = setUp();

    await expect(
      session.signIn({ email: EMAIL, password: "wrong" }),
    ).rejects.toThrow(/incorrect/);
    expect(session.getState()).toEqual({ status: "starting" });
    await expect(session.accessToken()).resolves.toBeNull();
  });

  it("renews the access token a minute before it expires", async () => {
    const { api, session } = setUp();
    await session.signIn({ email: EMAIL, password: PASSWORD });
    const first = await session.accessToken();
    const refresh = vi.spyOn(api, "refreshSession");

    await vi.advanceTimersByTimeAsync(839_000);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);

    expect(refresh).toHaveBeenCalledWith(CSRF_TOKEN);
    const second = await session.accessToken();
    expect(second).not.toBe(first);
  });

  it("renews an expired token on demand, once for concurrent callers", async () => {
    let now = 0;
    const api = new FakeApi();
    api.addUser(EMAIL);
    const session = new SessionManager({
      api,
      csrfTokens: memoryCsrfTokenStore(),
      now: () => now,
      lock: noLock,
    });
    await session.signIn({ email: EMAIL, password: PASSWORD });
    const refresh = vi.spyOn(api, "refreshSession");
    now = 900_000; // the timer never ran: a sleeping laptop

    const [a, b] = await Promise.all([
      session.accessToken(),
      session.accessToken(),
    ]);

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(a).toBe(b);
  });

  it("retries a refresh the service could not answer, keeping the session", async () => {
    const { api, session } = setUp();
    await session.signIn({ email: EMAIL, password: PASSWORD });
    const refresh = vi
      .spyOn(api, "refreshSession")
      .mockRejectedValueOnce(new ApiError("unavailable"));

    await vi.advanceTimersByTimeAsync(840_000);
    await vi.advanceTimersByTimeAsync(15_000);

    expect(refresh).toHaveBeenCalledTimes(2);
    expect(session.getState()).toMatchObject({ status: "signed-in" });
  });

  it("signs out here first, then on the server", async () => {
    const { api, csrfTokens, session } = setUp();
    await session.signIn({ email: EMAIL, password: PASSWORD });
    const signOut = vi.spyOn(api, "signOut");

    await session.signOut();

    expect(signOut).toHaveBeenCalledWith(CSRF_TOKEN);
    expect(session.getState()).toEqual({ status: "signed-out" });
    expect(csrfTokens.get()).toBeNull();
    await expect(session.accessToken()).resolves.toBeNull();
  });

  it("signs out here even when the server cannot be told", async () => {
    const { api, session } = setUp();
    await session.signIn({ email: EMAIL, password: PASSWORD });
    vi.spyOn(api, "signOut").mockRejectedValue(new ApiError("network"));

    await session.signOut();

    expect(session.getState()).toEqual({ status: "signed-out" });
  });

  it("signs out when another tab does", async () => {
    const { csrfTokens, session } = setUp();
    await session.start();
    await session.signIn({ email: EMAIL, password: PASSWORD });
    const listener = vi.fn();
    session.subscribe(listener);

    csrfTokens.otherTab(null);

    expect(session.getState()).toEqual({ status: "signed-out" });
    expect(listener).toHaveBeenCalled();
    await expect(session.accessToken()).resolves.toBeNull();
  });

  it("refreshes one tab at a time, holding the shared lock", async () => {
    const held: string[] = [];
    const api = new FakeApi();
    api.sessionOf = api.addUser(EMAIL);
    const session = new SessionManager({
      api,
      csrfTokens: memoryCsrfTokenStore(CSRF_TOKEN),
      lock: async (name, task) => {
        held.push(name);
        return task();
      },
    });

    await session.start();

    expect(held).toEqual(["browser-session-refresh"]);
  });
});
