import { describe, expect, it, vi } from "vitest";

import { browserCsrfTokenStore, CSRF_TOKEN_KEY } from "./csrfTokenStore";

describe("browserCsrfTokenStore", () => {
  it("keeps the token in localStorage, for the next visit", () => {
    const store = browserCsrfTokenStore();

    store.set("csrf-1");

    expect(localStorage.getItem(CSRF_TOKEN_KEY)).toBe("csrf-1");
    expect(browserCsrfTokenStore().get()).toBe("csrf-1");
    store.clear();
    expect(store.get()).toBeNull();
  });

  it("tells when another tab changes or clears the token", () => {
    const listener = vi.fn();
    const stop = browserCsrfTokenStore().onChange(listener);

    window.dispatchEvent(
      new StorageEvent("storage", {
        key: CSRF_TOKEN_KEY,
        newValue: "csrf-2",
      }),
    );
    window.dispatchEvent(
      new StorageEvent("storage", { key: "something-else" }),
    );
    window.dispatchEvent(new StorageEvent("storage", { key: null }));
    stop();
    window.dispatchEvent(new StorageEvent("storage", { key: CSRF_TOKEN_KEY }));

    expect(listener.mock.calls).toEqual([["csrf-2"], [null]]);
  });

  it("keeps nothing, without failing, where storage is refused", () => {
    const refusing = {
      get localStorage(): Storage {
        throw new DOMException("denied", "SecurityError");
      },
    } as unknown as Window;
    const store = browserCsrfTokenStore(refusing);

    store.set("csrf-1");

    expect(store.get()).toBeNull();
  });
});
