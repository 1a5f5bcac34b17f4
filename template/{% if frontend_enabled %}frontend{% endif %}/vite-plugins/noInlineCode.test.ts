import { describe, expect, it } from "vitest";

import { inlineCodeIn } from "./noInlineCode.ts";

describe("inlineCodeIn", () => {
  it("accepts scripts and styles loaded from files", () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="stylesheet" crossorigin href="/assets/index-abc.css">
    </head><body><div id="root"></div></body></html>`;

    expect(inlineCodeIn(html)).toEqual([]);
  });

  it("finds an inline script", () => {
    expect(inlineCodeIn("<script>alert(1)</script>")).toEqual([
      "an inline <script>",
    ]);
  });

  it("finds style elements, style attributes and event handlers", () => {
    const html = `<style>p{}</style><p style="color:red" onclick="x()">x</p>`;

    expect(inlineCodeIn(html)).toEqual([
      "a <style> element",
      "a style attribute",
      "an onclick attribute",
    ]);
  });
});
