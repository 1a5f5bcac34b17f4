import createClient from "openapi-fetch";

import type {
  Api,
  ApiOptions,
  BrowserSession,
  Item,
  ItemChanges,
  ItemSort,
  Page,
  User,
} from "../Api";
import { ApiError, asApiError, kindOfCode, type FieldError } from "../ApiError";
import type { components, paths } from "../generated/openapi";

type Schemas = components["schemas"];

/** The header that proves a refresh or sign-out comes from this app's page. */
const CSRF_HEADER = "X-CSRF-Token";

const SORT_PARAMETER: Readonly<Record<ItemSort, Schemas["ItemSort"]>> = {
  newest: "-created_at",
  oldest: "created_at",
  title: "title",
  "title-desc": "-title",
};

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The Api over REST, with openapi-fetch typed by the paths generated from
 * docs/api/openapi.json: a route, parameter or field the contract lacks does
 * not compile.
 */
export function createRestApi(options: ApiOptions): Api {
  const client = createClient<paths>({
    baseUrl: options.apiOrigin,
    // Bearer calls carry no cookies; the browser-session calls opt in below.
    credentials: "omit",
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });

  async function bearer(): Promise<{ Authorization: string }> {
    const token = await options.accessToken();
    if (token === null) throw new ApiError("unauthenticated");
    return { Authorization: `Bearer ${token}` };
  }

  return {
    async register(credentials) {
      return toUser(
        await data(client.POST("/api/v1/auth/register", { body: credentials })),
      );
    },

    async signIn(credentials) {
      return toSession(
        await data(
          client.POST("/api/v1/auth/browser/login", {
            body: credentials,
            credentials: "include",
          }),
        ),
      );
    },

    async refreshSession(csrfToken) {
      return toSession(
        await data(
          client.POST("/api/v1/auth/browser/refresh", {
            params: { header: { [CSRF_HEADER]: csrfToken } },
            credentials: "include",
          }),
        ),
      );
    },

    async signOut(csrfToken) {
      await noContent(
        client.POST("/api/v1/auth/browser/logout", {
          params: { header: { [CSRF_HEADER]: csrfToken } },
          credentials: "include",
        }),
      );
    },

    async currentUser() {
      return toUser(
        await data(client.GET("/api/v1/users/me", { headers: await bearer() })),
      );
    },

    async listItems({ limit, offset, status, sort }) {
      const page = await data(
        client.GET("/api/v1/items", {
          params: {
            query: {
              limit,
              offset,
              status,
              sort: SORT_PARAMETER[sort],
            },
          },
          headers: await bearer(),
        }),
      );
      return { ...page.page, items: page.items.map(toItem) };
    },

    async createItem(draft) {
      return toItem(
        await data(
          client.POST("/api/v1/items", {
            body: draft,
            headers: await bearer(),
          }),
        ),
      );
    },

    async updateItem(id, changes) {
      return toItem(
        await data(
          client.PATCH("/api/v1/items/{item_id}", {
            params: { path: { item_id: id } },
            body: itemUpdate(changes),
            headers: await bearer(),
          }),
        ),
      );
    },

    async deleteItem(id) {
      await noContent(
        client.DELETE("/api/v1/items/{item_id}", {
          params: { path: { item_id: id } },
          headers: await bearer(),
        }),
      );
    },

    async listUsers({ limit, offset }): Promise<Page<User>> {
      const page = await data(
        client.GET("/api/v1/users", {
          params: { query: { limit, offset } },
          headers: await bearer(),
        }),
      );
      return { ...page.page, items: page.items.map(toUser) };
    },

    async setRoles(userId, roles) {
      return toUser(
        await data(
          client.PUT("/api/v1/users/{user_id}/roles", {
            params: { path: { user_id: userId } },
            body: { roles: [...roles] },
            headers: await bearer(),
          }),
        ),
      );
    },

    async deactivateUser(userId) {
      return toUser(
        await data(
          client.POST("/api/v1/users/{user_id}/deactivate", {
            params: { path: { user_id: userId } },
            headers: await bearer(),
          }),
        ),
      );
    },
  };
}

async function settle<T>(request: Promise<Outcome<T>>): Promise<Outcome<T>> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw asApiError(error);
  }
  if (!outcome.response.ok) throw errorOf(outcome.response, outcome.error);
  return outcome;
}

/** The body of a successful response, or the failure as an ApiError. */
async function data<T>(request: Promise<Outcome<T>>): Promise<T> {
  const outcome = await settle(request);
  if (outcome.data === undefined) {
    throw new ApiError("unexpected", "The service sent an empty answer.");
  }
  return outcome.data;
}

async function noContent(request: Promise<Outcome<unknown>>): Promise<void> {
  await settle(request);
}

/** The error envelope ({error: {code, message, request_id, details}}) as an ApiError. */
function errorOf(response: Response, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === "string" ? error.code : undefined;
  const message = typeof error.message === "string" ? error.message : undefined;
  const requestId =
    typeof error.request_id === "string"
      ? error.request_id
      : response.headers.get("x-request-id");
  const details = Array.isArray(error.details) ? error.details : [];
  const fieldErrors: FieldError[] = details.filter(
    (detail): detail is FieldError =>
      isRecord(detail) &&
      typeof detail.field === "string" &&
      typeof detail.message === "string",
  );
  return new ApiError(kindOfCode(code, response.status), message, {
    requestId,
    fieldErrors,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function itemUpdate(changes: ItemChanges): Schemas["ItemUpdate"] {
  const update: Schemas["ItemUpdate"] = {};
  if (changes.title !== undefined) update.title = changes.title;
  if (changes.description !== undefined)
    update.description = changes.description;
  if (changes.status !== undefined) update.status = changes.status;
  return update;
}

function toSession(session: {
  access_token: string;
  expires_in: number;
  csrf_token: string;
}): BrowserSession {
  return {
    accessToken: session.access_token,
    expiresInSeconds: session.expires_in,
    csrfToken: session.csrf_token,
  };
}

function toUser(user: Schemas["UserResponse"]): User {
  return {
    id: user.id,
    email: user.email,
    roles: user.roles,
    isActive: user.is_active,
    createdAt: user.created_at,
  };
}

function toItem(item: Schemas["ItemResponse"]): Item {
  return {
    id: item.id,
    ownerId: item.owner_id,
    title: item.title,
    description: item.description,
    status: item.status,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
  };
}
