// What the specs ask of the API directly, in the app's terms: e2e/api.ts
// implements it for this project's API style. The specs use it to prepare data
// (accounts, items) and to check what the server itself refuses, whatever the
// page shows.
import type { APIRequestContext, Request, Response } from "@playwright/test";

import type { Account } from "./environment.ts";

export interface UserView {
  id: string;
  email: string;
  roles: string[];
  isActive: boolean;
}

export interface ItemDraft {
  title: string;
  description?: string;
  status?: "open" | "done";
}

/** A call's result, or the error code the server answered with. */
export type Outcome<T> =
  { ok: true; value: T } | { ok: false; code: string; status: number };

/** The calls that start, renew and end a browser session. */
export type BrowserSessionCall = "login" | "refresh" | "logout";

export interface Backend {
  /** The path the browser session's refresh cookie is scoped to. */
  refreshCookiePath: string;
  /** Which browser-session call `request` is, if any. */
  browserSessionCall(request: Request): BrowserSessionCall | null;
  /** The tokens a browser login or refresh answered with. */
  browserSessionTokens(
    response: Response,
  ): Promise<{ accessToken: string; csrfToken: string }>;
  /** Whether `request` lists the users (administrators only). */
  listsUsers(request: Request): boolean;

  register(http: APIRequestContext, account: Account): Promise<UserView>;
  /** The bearer sign-in (no cookie): an access token. */
  login(http: APIRequestContext, account: Account): Promise<Outcome<string>>;
  me(http: APIRequestContext, token: string): Promise<Outcome<UserView>>;
  createItem(
    http: APIRequestContext,
    token: string,
    draft: ItemDraft,
  ): Promise<Outcome<{ id: string; title: string }>>;
  listUsers(
    http: APIRequestContext,
    token: string,
  ): Promise<Outcome<UserView[]>>;
  setRoles(
    http: APIRequestContext,
    token: string,
    userId: string,
    roles: ("member" | "admin")[],
  ): Promise<Outcome<UserView>>;
}

/** The value of an outcome that must have succeeded. */
export function valueOf<T>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok) {
    throw new Error(
      `${what} was refused: ${outcome.code} (HTTP ${outcome.status}).`,
    );
  }
  return outcome.value;
}

/** An access token for `account`, which must be able to sign in. */
export async function tokenFor(
  backend: Backend,
  http: APIRequestContext,
  account: Account,
): Promise<string> {
  return valueOf(
    await backend.login(http, account),
    `${account.email}'s sign-in`,
  );
}

export function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${what}: not an object: ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

export function text(value: unknown, what: string): string {
  if (typeof value !== "string") {
    throw new Error(`${what}: not a string: ${JSON.stringify(value)}`);
  }
  return value;
}

export function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new Error(`${what}: not a list: ${JSON.stringify(value)}`);
  }
  return value as unknown[];
}
