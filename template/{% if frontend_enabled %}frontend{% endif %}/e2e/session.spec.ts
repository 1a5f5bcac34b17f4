// The browser session: the refresh token in an HttpOnly cookie the page never
// sees, the access token in memory only, the CSRF token alone in storage.
import { expect, test } from "@playwright/test";

import { api } from "./api.ts";
import {
  CSRF_TOKEN_KEY,
  expectSignedIn,
  expectSignedOut,
  localStorageOf,
  refreshCookies,
  signIn,
  type PageGlobals,
} from "./app.ts";
import { newAccount, WEB_ORIGIN } from "./environment.ts";

test("a reload restores the session through the HttpOnly refresh cookie", async ({
  page,
  context,
}) => {
  const member = newAccount("session");
  await api.register(page.request, member);

  const loginResponse = page.waitForResponse(
    (response) => api.browserSessionCall(response.request()) === "login",
  );
  await signIn(page, member);
  const login = await loginResponse;
  expect(login.ok()).toBe(true);
  const { accessToken, csrfToken } = await api.browserSessionTokens(login);

  // The cookie: for the API's refresh path only, HttpOnly, Secure, SameSite=Strict.
  const [cookie, ...others] = await refreshCookies(context);
  expect(others).toEqual([]);
  expect(cookie).toMatchObject({
    name: "__Secure-refresh-token",
    domain: "127.0.0.1",
    path: api.refreshCookiePath,
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
  });
  expect(await context.cookies()).toHaveLength(1);
  const refreshToken = cookie?.value ?? "";
  expect(refreshToken).not.toBe("");

  // What a script in the page could read: no cookie, and no token but the CSRF one.
  const readable = () =>
    page.evaluate(() => {
      const inPage = globalThis as unknown as PageGlobals;
      return {
        cookie: inPage.document.cookie,
        sessionStorage: inPage.sessionStorage.length,
      };
    });
  expect(await readable()).toEqual({ cookie: "", sessionStorage: 0 });
  expect(await localStorageOf(context, WEB_ORIGIN)).toEqual([
    { name: CSRF_TOKEN_KEY, value: csrfToken },
  ]);
  expect(csrfToken).not.toBe(accessToken);
  expect(csrfToken).not.toBe(refreshToken);

  // A reload: the page has lost its memory, the cookie brings the session back.
  const refreshResponse = page.waitForResponse(
    (response) => api.browserSessionCall(response.request()) === "refresh",
  );
  await page.reload();
  const refresh = await refreshResponse;
  expect(refresh.ok()).toBe(true);
  const sent = await refresh.request().allHeaders();
  expect(sent.cookie).toContain(`__Secure-refresh-token=${refreshToken}`);
  expect(sent["x-csrf-token"]).toBe(csrfToken);
  await expectSignedIn(page, member);
  await expect(page.getByRole("heading", { name: "Items" })).toBeVisible();
  await expect(page.getByText("No items.")).toBeVisible();

  // The refresh token rotated; the page still sees none of it.
  const [rotated] = await refreshCookies(context);
  expect(rotated?.value).toBeTruthy();
  expect(rotated?.value).not.toBe(refreshToken);
  expect(await readable()).toEqual({ cookie: "", sessionStorage: 0 });
  const renewed = await api.browserSessionTokens(refresh);
  expect(await localStorageOf(context, WEB_ORIGIN)).toEqual([
    { name: CSRF_TOKEN_KEY, value: renewed.csrfToken },
  ]);

  // Without the cookie, the CSRF token alone restores nothing.
  await context.clearCookies();
  await page.reload();
  await expectSignedOut(page);
  expect(await localStorageOf(context, WEB_ORIGIN)).toEqual([]);
});
