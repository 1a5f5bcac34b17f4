// Browser tests of the whole stack: the built app behind its own server (as in
// production) and a throwaway backend, in the system's Chromium (no browser
// download). `nox -s browser_e2e` runs them; see README.md for running by hand.
import { defineConfig } from "@playwright/test";

import {
  ADMIN,
  API_ORIGIN,
  API_PORT,
  BACKEND_ENVIRONMENT,
  HAS_OBJECT_STORAGE,
  STORAGE_ORIGIN,
  STORAGE_PORT,
  WEB_ORIGIN,
  WEB_PORT,
  setting,
} from "./e2e/environment.ts";

const backendCommand = [
  "uv run --directory ../backend --no-sync python -m tests.e2e.stack",
  `--port ${API_PORT}`,
  `--cors-origin ${WEB_ORIGIN}`,
  ...(HAS_OBJECT_STORAGE ? [`--storage-port ${STORAGE_PORT}`] : []),
].join(" ");

export default defineConfig({
  testDir: "e2e",
  // The two cores of a CI runner go to the browser and the stack, not to workers.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: WEB_ORIGIN,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: setting("CHROMIUM_PATH", "/usr/bin/chromium"),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      // A migrated throwaway database, the administrator, the real API server
      // (and an S3 endpoint with object storage); SIGTERM stops it and drops the
      // database.
      name: "backend",
      command: backendCommand,
      url: `${API_ORIGIN}/livez`,
      env: {
        UV_PROJECT_ENVIRONMENT: BACKEND_ENVIRONMENT,
        E2E_ADMIN_EMAIL: ADMIN.email,
        E2E_ADMIN_PASSWORD: ADMIN.password,
      },
      stdout: "pipe",
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      // The production server over dist/ (`npm run build` first).
      name: "web",
      command: "node server/main.js",
      url: `${WEB_ORIGIN}/healthz`,
      env: {
        HOST: "127.0.0.1",
        PORT: String(WEB_PORT),
        API_ORIGIN,
        ...(HAS_OBJECT_STORAGE ? { OBJECT_STORE_ORIGIN: STORAGE_ORIGIN } : {}),
      },
      timeout: 30_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
