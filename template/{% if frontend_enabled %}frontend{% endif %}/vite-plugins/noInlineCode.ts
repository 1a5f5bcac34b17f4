import type { Plugin } from "vite";

/**
 * What in `html` a Content-Security-Policy without 'unsafe-inline' would block:
 * inline scripts, style elements, style attributes and event-handler attributes.
 */
export function inlineCodeIn(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1] ?? "";
    if (!/\bsrc\s*=/i.test(attributes)) found.push("an inline <script>");
  }
  if (/<style\b/i.test(html)) found.push("a <style> element");
  if (/<[^>]+\sstyle\s*=/i.test(html)) found.push("a style attribute");
  const handler = /<[^>]+\s(on[a-z]+)\s*=/i.exec(html);
  if (handler?.[1] !== undefined) found.push(`an ${handler[1]} attribute`);
  return found;
}

/** Fails `vite build` when the built index.html needs inline code to work. */
export function noInlineCode(): Plugin {
  return {
    name: "no-inline-code",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const found = inlineCodeIn(html);
        if (found.length > 0) {
          throw new Error(
            `index.html would need 'unsafe-inline' in the Content-Security-Policy: it has ${found.join(", ")}.`,
          );
        }
        return html;
      },
    },
  };
}
