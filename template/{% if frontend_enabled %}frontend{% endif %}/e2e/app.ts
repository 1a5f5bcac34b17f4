// The app as a user drives it: by roles and accessible names only.
import {
  expect,
  type BrowserContext,
  type Cookie,
  type Locator,
  type Page,
} from "@playwright/test";

import { api } from "./api.ts";
import type { Account } from "./environment.ts";

/** Where the session's CSRF token is kept (src/session/csrfTokenStore.ts). */
export const CSRF_TOKEN_KEY = "browser-session.csrf-token";

/**
 * The page's globals the specs read or poke in page.evaluate. e2e/ is checked
 * as Node code (tsconfig.node.json, without the DOM library, which the server
 * code must not use), so the callbacks reach the page through this type.
 */
export interface PageGlobals {
  __xss?: unknown;
  __inline?: unknown;
  __handler?: unknown;
  document: {
    cookie: string;
    body: { append(node: unknown): void };
    createElement(tag: "script"): { textContent: string | null };
    createElement(tag: "img"): {
      src: string;
      setAttribute(name: string, value: string): void;
      addEventListener(type: "error" | "load", listener: () => void): void;
    };
  };
  sessionStorage: { length: number };
}

export function nav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Main" });
}

export async function expectSignedIn(
  page: Page,
  account: Account,
): Promise<void> {
  await expect(
    nav(page).getByText(account.email, { exact: true }),
  ).toBeVisible();
  await expect(
    nav(page).getByRole("button", { name: "Sign out" }),
  ).toBeVisible();
}

export async function expectSignedOut(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(nav(page).getByRole("button", { name: "Sign out" })).toHaveCount(
    0,
  );
}

async function fillCredentials(page: Page, account: Account): Promise<void> {
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
}

export async function register(page: Page, account: Account): Promise<void> {
  await page.goto("/register");
  await fillCredentials(page, account);
  await page.getByRole("button", { name: "Register" }).click();
  await expectSignedIn(page, account);
}

export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto("/login");
  await fillCredentials(page, account);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectSignedIn(page, account);
}

/**
 * Signs out and waits for the server's answer: the page lets go of the session
 * at once, while the server ends it (and clears the cookie) a moment later.
 */
export async function signOut(page: Page): Promise<void> {
  const ended = page.waitForResponse(
    (response) => api.browserSessionCall(response.request()) === "logout",
  );
  await nav(page).getByRole("button", { name: "Sign out" }).click();
  await expectSignedOut(page);
  expect((await ended).ok()).toBe(true);
}

/** The refresh cookie(s) the browser holds, whatever their name. */
export async function refreshCookies(
  context: BrowserContext,
): Promise<Cookie[]> {
  const cookies = await context.cookies();
  return cookies.filter((cookie) => cookie.name.endsWith("refresh-token"));
}

/** This origin's localStorage, as name/value pairs. */
export async function localStorageOf(
  context: BrowserContext,
  origin: string,
): Promise<{ name: string; value: string }[]> {
  const state = await context.storageState();
  return (
    state.origins.find((entry) => entry.origin === origin)?.localStorage ?? []
  );
}

/** The item titles the list shows, in order. */
export function itemTitles(page: Page): Locator {
  return page
    .getByRole("main")
    .getByRole("listitem")
    .getByRole("heading", { level: 3 });
}

/** The list entry of the item titled `title`. */
export function itemEntry(page: Page, title: string): Locator {
  return page
    .getByRole("main")
    .getByRole("listitem")
    .filter({
      has: page.getByRole("heading", { level: 3, name: title, exact: true }),
    });
}

/** Console messages in which Chromium reports a blocked script or sink. */
export function policyViolations(page: Page): string[] {
  const messages: string[] = [];
  page.on("console", (message) => {
    const line = message.text();
    if (/Content Security Policy|Trusted ?Type|TrustedScript/i.test(line)) {
      messages.push(line);
    }
  });
  return messages;
}
