// `npm start` (and the container): serves dist/ with the security headers.
// Settings come from the environment (config.js); one JSON line per event.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

import { createHandler } from "./app.js";
import { ConfigError, connectOrigins, readConfig } from "./config.js";
import { securityHeaders } from "./securityHeaders.js";

/**
 * @param {"info" | "error"} level
 * @param {string} event
 * @param {Record<string, unknown>} [fields]
 */
function log(level, event, fields = {}) {
  const line = JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    event,
    ...fields,
  });
  (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

function start() {
  const config = readConfig(process.env);
  if (!existsSync(join(config.distDir, "index.html"))) {
    throw new ConfigError(
      `${config.distDir} has no index.html: run \`npm run build\` first.`,
    );
  }
  const server = createServer(
    createHandler({
      distDir: config.distDir,
      headers: securityHeaders({
        connectOrigins: connectOrigins(config),
      }),
      runtimeConfig: { apiOrigin: config.apiOrigin },
    }),
  );
  server.listen(config.port, config.host, () => {
    log("info", "listening", {
      host: config.host,
      port: config.port,
      api_origin: config.apiOrigin || "(same origin)",
    });
  });

  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    log("info", "stopping", { signal });
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

try {
  start();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  log("error", "refused_to_start", { reason: error.message });
  process.exitCode = 1;
}
