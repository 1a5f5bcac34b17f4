// The static server's settings, from environment variables only, read at start.
import { fileURLToPath } from "node:url";

export class ConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * @typedef {object} ServerConfig
 * @property {string} host HOST, default 127.0.0.1 (the image sets 0.0.0.0)
 * @property {number} port PORT, default 8080
 * @property {string} distDir DIST_DIR, default the build next to this folder
 * @property {string} apiOrigin API_ORIGIN: where the page calls the API; "" (the
 *   default) for this server's own origin, as behind one reverse proxy
 * @property {string} objectStoreOrigin OBJECT_STORE_ORIGIN: where the page sends
 *   and fetches files, when there are any; "" for none
 */

/**
 * @param {Record<string, string | undefined>} env
 * @returns {ServerConfig}
 */
export function readConfig(env) {
  return {
    host: env.HOST ?? "127.0.0.1",
    port: parsePort(env.PORT ?? "8080"),
    distDir:
      env.DIST_DIR ?? fileURLToPath(new URL("../dist/", import.meta.url)),
    apiOrigin: parseOrigin("API_ORIGIN", env.API_ORIGIN ?? ""),
    objectStoreOrigin: parseOrigin(
      "OBJECT_STORE_ORIGIN",
      env.OBJECT_STORE_ORIGIN ?? "",
    ),
  };
}

/**
 * The origins the page may call besides its own.
 *
 * @param {ServerConfig} config
 * @returns {string[]}
 */
export function connectOrigins(config) {
  return [config.apiOrigin, config.objectStoreOrigin].filter(
    (origin) => origin !== "",
  );
}

/** @param {string} value */
function parsePort(value) {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(
      `PORT must be a number from 1 to 65535, not ${JSON.stringify(value)}.`,
    );
  }
  return port;
}

/**
 * `value` as a canonical origin ("https://api.example.com"), or "" for none.
 * Anything else is refused: the value goes into the Content-Security-Policy.
 *
 * @param {string} name
 * @param {string} value
 * @returns {string}
 */
export function parseOrigin(name, value) {
  if (value === "") return "";
  const url = URL.canParse(value) ? new URL(value) : null;
  if (
    url === null ||
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.origin !== value.replace(/\/$/, "")
  ) {
    throw new ConfigError(
      `${name} must be an http(s) origin such as https://api.example.com (no path), not ${JSON.stringify(value)}.`,
    );
  }
  return url.origin;
}
