// The security headers of every response the static server sends.

/**
 * The Content-Security-Policy of the app: scripts, styles and everything else
 * from this origin only, nothing inline, no plugins, no framing, and network
 * calls to this origin and `connectOrigins` (the API and, when there is one, the object store).
 * Trusted Types are required for script sinks, and no policy may be created:
 * the app never writes HTML (see the lint rules), so nothing needs one.
 *
 * @param {{ connectOrigins: readonly string[] }} options origins already
 *   validated by config.js (a stray ";" would otherwise add a directive)
 * @returns {string}
 */
export function contentSecurityPolicy({ connectOrigins }) {
  /** @type {Record<string, readonly string[]>} */
  const directives = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...new Set(connectOrigins)],
    "manifest-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "require-trusted-types-for": ["'script'"],
    "trusted-types": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/**
 * Every security header, by name.
 *
 * Referrer-Policy is "same-origin", not "no-referrer": under "no-referrer" a
 * browser sends `Origin: null` with a same-origin POST, and the API refuses a
 * browser-session refresh whose Origin it cannot check.
 *
 * @param {{ connectOrigins: readonly string[] }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders({ connectOrigins }) {
  return {
    "Content-Security-Policy": contentSecurityPolicy({ connectOrigins }),
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Origin-Agent-Cluster": "?1",
    "Permissions-Policy":
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
    "Referrer-Policy": "same-origin",
    // Browsers ignore it over plain HTTP; behind TLS it keeps them on HTTPS.
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
  };
}
