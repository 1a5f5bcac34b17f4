import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, securityHeaders } from "./securityHeaders.js";

/** @param {string} policy */
function directives(policy) {
  return Object.fromEntries(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts and styles from this origin only, never inline or eval", () => {
    const policy = contentSecurityPolicy({ connectOrigins: [] });

    expect(directives(policy)).toMatchObject({
      "default-src": ["'none'"],
      "script-src": ["'self'"],
      "style-src": ["'self'"],
      "connect-src": ["'self'"],
    });
    expect(policy).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|data:|\*/,
    );
  });

  it("forbids framing, plugins and a changed base URL", () => {
    expect(
      directives(contentSecurityPolicy({ connectOrigins: [] })),
    ).toMatchObject({
      "frame-ancestors": ["'none'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "require-trusted-types-for": ["'script'"],
    });
  });

  it("lets the page call the API and the object store, once each", () => {
    const policy = contentSecurityPolicy({
      connectOrigins: [
        "https://api.example.com",
        "https://files.example.com",
        "https://api.example.com",
      ],
    });

    expect(directives(policy)["connect-src"]).toEqual([
      "'self'",
      "https://api.example.com",
      "https://files.example.com",
    ]);
  });
});

describe("securityHeaders", () => {
  const headers = securityHeaders({
    connectOrigins: ["https://api.example.com"],
  });

  it("sends the policy with the hardening headers", () => {
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Content-Security-Policy"]).toContain(
      "connect-src 'self' https://api.example.com",
    );
  });

  it("keeps the Origin header of same-origin requests, which the API checks", () => {
    expect(headers["Referrer-Policy"]).toBe("same-origin");
  });
});
