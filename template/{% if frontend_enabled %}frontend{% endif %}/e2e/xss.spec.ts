// Stored XSS: script in an item's title or description, saved through the API,
// is shown as text and never runs. Once as served (the Content-Security-Policy
// would block it anyway) and once with the policy bypassed, which proves the
// rendering alone is safe.
import { expect, test } from "@playwright/test";

import { api } from "./api.ts";
import {
  itemEntry,
  itemTitles,
  policyViolations,
  signIn,
  type PageGlobals,
} from "./app.ts";
import { tokenFor, valueOf } from "./backend.ts";
import { newAccount } from "./environment.ts";

const TITLES = [
  `<img src=x onerror="window.__xss=1;alert('xss')">`,
  `<script>window.__xss=1;alert('xss')</script>`,
  `"><svg onload="window.__xss=1"></svg>`,
];
const DESCRIPTION = `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe><b onmouseover="window.__xss=1">bold?</b>`;

for (const bypassCSP of [false, true]) {
  test.describe(bypassCSP ? "without the CSP" : "as served", () => {
    test.use({ bypassCSP });

    test("script stored in an item is shown as text and never runs", async ({
      page,
    }) => {
      const member = newAccount("xss");
      await api.register(page.request, member);
      const token = await tokenFor(api, page.request, member);
      for (const [index, title] of TITLES.entries()) {
        const draft =
          index === 0 ? { title, description: DESCRIPTION } : { title };
        const created = valueOf(
          await api.createItem(page.request, token, draft),
          "an item",
        );
        expect(created.title).toBe(title);
      }

      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const violations = policyViolations(page);
      await signIn(page, member);

      await expect(itemTitles(page)).toHaveText([...TITLES].reverse());
      for (const title of TITLES) {
        await expect(
          page.getByRole("button", { name: `Delete "${title}"` }),
        ).toBeVisible();
      }
      await expect(itemEntry(page, TITLES[0] ?? "")).toContainText(DESCRIPTION);
      await page.getByText("bold?", { exact: false }).hover();

      // None of it became markup: no element, no handler, no script.
      const main = page.getByRole("main");
      await expect(main.locator("img, script, svg, iframe, b")).toHaveCount(0);
      await expect(
        page.locator("[onerror], [onload], [onmouseover]"),
      ).toHaveCount(0);
      await expect(page.locator("script:not([src])")).toHaveCount(0);
      await page.waitForLoadState("networkidle");
      expect(
        await page.evaluate(() => (globalThis as unknown as PageGlobals).__xss),
      ).toBeUndefined();
      expect(dialogs).toEqual([]);
      // Nothing was even attempted: the policy had nothing to block.
      expect(violations).toEqual([]);
    });
  });
}
