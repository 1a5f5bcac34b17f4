// The request handler: dist/ as a single-page app, with the security headers on
// every response, /config.json for the page and /healthz for the container.
import sirv from "sirv";

/**
 * @typedef {import("node:http").IncomingMessage} IncomingMessage
 * @typedef {import("node:http").ServerResponse} ServerResponse
 */

/** Hashed file names under /assets/ never change: cache them for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * @param {object} options
 * @param {string} options.distDir the built app
 * @param {Record<string, string>} options.headers sent with every response
 * @param {{ apiOrigin: string }} options.runtimeConfig what the page reads at start
 * @returns {(request: IncomingMessage, response: ServerResponse) => void}
 */
export function createHandler({ distDir, headers, runtimeConfig }) {
  const configJson = `${JSON.stringify(runtimeConfig)}\n`;
  // single: a path without a file extension gets index.html (the app routes it);
  // a missing file with one (/assets/gone.js) is a 404.
  const serveApp = sirv(distDir, {
    single: true,
    dotfiles: false,
    etag: true,
    setHeaders(response, pathname) {
      response.setHeader(
        "Cache-Control",
        pathname.startsWith("/assets/") ? IMMUTABLE : "no-cache",
      );
    },
  });

  return (request, response) => {
    for (const [name, value] of Object.entries(headers)) {
      response.setHeader(name, value);
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      send(response, 405, "text/plain; charset=utf-8", "Method not allowed\n");
      return;
    }
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/healthz") {
      send(response, 200, "text/plain; charset=utf-8", "ok\n", request.method);
      return;
    }
    if (path === "/config.json") {
      send(response, 200, "application/json", configJson, request.method);
      return;
    }
    serveApp(request, response, () => {
      send(
        response,
        404,
        "text/plain; charset=utf-8",
        "Not found\n",
        request.method,
      );
    });
  };
}

/**
 * @param {ServerResponse} response
 * @param {number} status
 * @param {string} contentType
 * @param {string} body
 * @param {string} [method]
 */
function send(response, status, contentType, body, method = "GET") {
  response.statusCode = status;
  response.setHeader("Content-Type", contentType);
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Length", Buffer.byteLength(body));
  response.end(method === "HEAD" ? undefined : body);
}
