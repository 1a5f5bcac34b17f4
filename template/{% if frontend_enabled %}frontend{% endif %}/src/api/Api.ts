/**
 * The port: every operation the screens use, in the app's own terms.
 *
 * One adapter per API style implements it with the client generated from the
 * committed contract (api/rest or api/graphql, chosen by api/adapter.ts); the
 * components and their tests know only this interface, so they are the same for
 * both styles. An adapter reports every failure as an ApiError.
 */

export type ItemStatus = "open" | "done";

/** List orders: newest first is the default. */
export type ItemSort = "newest" | "oldest" | "title" | "title-desc";

export type Role = "member" | "admin";

export interface User {
  id: string;
  email: string;
  /** Role names as the server stores them ("member", "admin"). */
  roles: readonly string[];
  isActive: boolean;
  /** ISO 8601 date and time. */
  createdAt: string;
}

export interface Item {
  id: string;
  ownerId: string;
  title: string;
  description: string;
  status: ItemStatus;
  createdAt: string;
  updatedAt: string;
}

export interface ItemDraft {
  title: string;
  description: string;
  status: ItemStatus;
}

/** Fields left out keep their values. */
export type ItemChanges = Partial<ItemDraft>;

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface ItemQuery extends PageRequest {
  /** Only items with this status; null for all. */
  status: ItemStatus | null;
  sort: ItemSort;
}

export interface Page<T> {
  items: readonly T[];
  /** How many match in all, across every page. */
  total: number;
  limit: number;
  offset: number;
}

export interface Credentials {
  email: string;
  password: string;
}

/**
 * A browser session as sign-in and refresh return it. The refresh token never
 * reaches the page: it travels in an HttpOnly cookie the server sets.
 */
export interface BrowserSession {
  accessToken: string;
  expiresInSeconds: number;
  /** Sent back as X-CSRF-Token to refresh and sign out; the same for the session. */
  csrfToken: string;
}

/** The operations that need no access token: they start, renew or end a session. */
export interface SessionApi {
  register(credentials: Credentials): Promise<User>;
  signIn(credentials: Credentials): Promise<BrowserSession>;
  refreshSession(csrfToken: string): Promise<BrowserSession>;
  signOut(csrfToken: string): Promise<void>;
}

export interface Api extends SessionApi {
  currentUser(): Promise<User>;
  listItems(query: ItemQuery): Promise<Page<Item>>;
  createItem(draft: ItemDraft): Promise<Item>;
  updateItem(id: string, changes: ItemChanges): Promise<Item>;
  deleteItem(id: string): Promise<void>;
  /** Administrators only; the server refuses everyone else. */
  listUsers(page: PageRequest): Promise<Page<User>>;
  setRoles(userId: string, roles: readonly Role[]): Promise<User>;
  deactivateUser(userId: string): Promise<User>;
}

/** A valid access token (refreshed when needed), or null when signed out. */
export type AccessTokenSource = () => Promise<string | null>;

export interface ApiOptions {
  /** Where the API is: "" for this page's own origin, else "https://api.example.com". */
  apiOrigin: string;
  accessToken: AccessTokenSource;
  fetch?: typeof fetch;
}
