// Where the stack runs during `npx playwright test`: read by playwright.config.ts
// (to start it) and by the specs (to reach it). `nox -s browser_e2e` passes free
// ports in E2E_API_PORT, E2E_WEB_PORT and E2E_STORAGE_PORT; by hand, the fixed
// ports below apply. Everything is 127.0.0.1: "localhost" would be another site,
// and the refresh cookie (SameSite=Strict) would stay behind.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** An environment variable's value; `fallback` when it is unset or empty. */
export function setting(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === "" ? fallback : value;
}

function port(name: string, fallback: number): number {
  const value = setting(name, String(fallback));
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1 || parsed > 65535) {
    throw new Error(
      `${name} must be a port number, not ${JSON.stringify(value)}.`,
    );
  }
  return parsed;
}

export const API_PORT = port("E2E_API_PORT", 8787);
export const WEB_PORT = port("E2E_WEB_PORT", 4173);
export const STORAGE_PORT = port("E2E_STORAGE_PORT", 8788);

export const API_ORIGIN = `http://127.0.0.1:${API_PORT}`;
export const WEB_ORIGIN = `http://127.0.0.1:${WEB_PORT}`;
export const STORAGE_ORIGIN = `http://127.0.0.1:${STORAGE_PORT}`;

/**
 * Whether the project has object storage: the backend's stack then starts an S3
 * endpoint, and takes (only then) a --storage-port for it.
 */
export const HAS_OBJECT_STORAGE = readFileSync(
  new URL("../../backend/tests/e2e/stack.py", import.meta.url),
  "utf8",
).includes('"--storage-port"');

export interface Account {
  email: string;
  password: string;
}

/**
 * The backend's own environment (`uv sync` in backend/ makes it). Named outright
 * because a caller's UV_PROJECT_ENVIRONMENT (nox sets one per session) would
 * otherwise send `uv run` to an environment without the backend's packages.
 */
export const BACKEND_ENVIRONMENT = fileURLToPath(
  new URL("../../backend/.venv", import.meta.url),
);

/** The administrator the stack creates before it serves (a throwaway database). */
export const ADMIN: Account = {
  email: setting("E2E_ADMIN_EMAIL", "e2e-admin@example.com"),
  password: setting("E2E_ADMIN_PASSWORD", "e2e-admin-Vq7rT2mZ9xLk"),
};

/** Fresh credentials: every test makes its own accounts in the shared database. */
export function newAccount(prefix: string): Account {
  const unique = randomUUID().replaceAll("-", "");
  return {
    email: `${prefix}-${unique.slice(0, 12)}@example.com`,
    password: `e2e-pw-${unique}`,
  };
}
