// The Content-Security-Policy the static server sends, and that Chromium
// enforces it: the app runs under it, injected inline script does not.
import { expect, test } from "@playwright/test";

import { policyViolations, type PageGlobals } from "./app.ts";
import {
  API_ORIGIN,
  HAS_OBJECT_STORAGE,
  STORAGE_ORIGIN,
} from "./environment.ts";

function directives(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const directive of policy.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name !== undefined && name !== "") parsed.set(name, sources);
  }
  return parsed;
}

test("every page is served with the strict policy", async ({ page }) => {
  for (const path of ["/", "/login", "/admin/users?offset=20"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response?.headers() ?? {};
    const policy = headers["content-security-policy"] ?? "";
    expect(policy, path).not.toMatch(/unsafe-|strict-dynamic|\*|data:|blob:/);
    const parsed = directives(policy);
    expect(parsed.get("default-src"), path).toEqual(["'none'"]);
    expect(parsed.get("script-src"), path).toEqual(["'self'"]);
    expect(parsed.get("style-src"), path).toEqual(["'self'"]);
    expect(parsed.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(parsed.get("object-src"), path).toEqual(["'none'"]);
    expect(parsed.get("base-uri"), path).toEqual(["'none'"]);
    expect(parsed.get("require-trusted-types-for"), path).toEqual(["'script'"]);
    expect(parsed.get("trusted-types"), path).toEqual(["'none'"]);
    expect(parsed.get("connect-src"), path).toEqual([
      "'self'",
      API_ORIGIN,
      ...(HAS_OBJECT_STORAGE ? [STORAGE_ORIGIN] : []),
    ]);
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
  }
});

test("the app runs under the policy and injected script does not", async ({
  page,
}) => {
  const violations = policyViolations(page);
  await page.goto("/");
  // The app's own code ran (it routed to the sign-in page) and needed no exception.
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);

  const inline = await page.evaluate(() => {
    const inPage = globalThis as unknown as PageGlobals;
    try {
      const script = inPage.document.createElement("script");
      script.textContent = "window.__inline = 1";
      inPage.document.body.append(script);
      return "appended";
    } catch (error) {
      return `threw: ${String(error)}`;
    }
  });
  // Trusted Types may refuse the script's text, or script-src its running.
  expect(inline).toMatch(/^(appended|threw: )/);
  expect(
    await page.evaluate(() => (globalThis as unknown as PageGlobals).__inline),
  ).toBeUndefined();

  // An inline event handler, fired by a broken image.
  const handler = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const inPage = globalThis as unknown as PageGlobals;
        const image = inPage.document.createElement("img");
        try {
          image.setAttribute("onerror", "window.__handler = 1");
        } catch (error) {
          resolve(`threw: ${String(error)}`);
          return;
        }
        image.addEventListener("error", () => {
          resolve("error fired");
        });
        image.src = "/no-such-image.png";
        inPage.document.body.append(image);
      }),
  );
  expect(handler).toMatch(/^(error fired|threw: )/);
  expect(
    await page.evaluate(() => (globalThis as unknown as PageGlobals).__handler),
  ).toBeUndefined();

  // Chromium reported what it blocked.
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
