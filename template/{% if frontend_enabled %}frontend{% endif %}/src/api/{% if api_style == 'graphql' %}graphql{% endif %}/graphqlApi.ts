import type {
  Api,
  ApiOptions,
  BrowserSession,
  Item,
  ItemChanges,
  ItemSort,
  ItemStatus,
  Page,
  Role,
  User,
} from "../Api";
import { ApiError, asApiError, kindOfCode } from "../ApiError";
import {
  BrowserLoginDocument,
  BrowserLogoutDocument,
  BrowserRefreshDocument,
  CreateItemDocument,
  DeactivateUserDocument,
  DeleteItemDocument,
  ItemsDocument,
  MeDocument,
  RegisterDocument,
  SetRolesDocument,
  UpdateItemDocument,
  UsersDocument,
  type BrowserSessionFieldsFragment,
  type ItemFieldsFragment,
  type ItemSort as SchemaItemSort,
  type ItemStatus as SchemaItemStatus,
  type ItemUpdateInput,
  type PageFieldsFragment,
  type Role as SchemaRole,
  type TypedDocumentString,
  type UserFieldsFragment,
} from "../generated/graphql";

/** The header that proves a refresh or sign-out comes from this app's page. */
const CSRF_HEADER = "X-CSRF-Token";

const SORT_ARGUMENT: Readonly<Record<ItemSort, SchemaItemSort>> = {
  newest: "CREATED_AT_DESC",
  oldest: "CREATED_AT",
  title: "TITLE",
  "title-desc": "TITLE_DESC",
};

const STATUS_ARGUMENT: Readonly<Record<ItemStatus, SchemaItemStatus>> = {
  open: "OPEN",
  done: "DONE",
};

const STATUS_OF: Readonly<Record<SchemaItemStatus, ItemStatus>> = {
  OPEN: "open",
  DONE: "done",
};

const ROLE_ARGUMENT: Readonly<Record<Role, SchemaRole>> = {
  member: "MEMBER",
  admin: "ADMIN",
};

interface Caller {
  /** Sent as a bearer token. */
  accessToken?: string;
  /** Sent as X-CSRF-Token, with the refresh cookie (browser-session calls). */
  csrfToken?: string;
  /** Sends and accepts the session cookie (browser-session calls only). */
  withCookie?: boolean;
}

/**
 * The Api over GraphQL: each operation is a typed document generated from
 * src/api/graphql/operations/ against docs/api/schema.graphql, so a field or
 * argument the schema lacks does not compile.
 */
export function createGraphqlApi(options: ApiOptions): Api {
  const endpoint = `${options.apiOrigin}/graphql`;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  async function execute<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    variables: Variables,
    caller: Caller = {},
  ): Promise<Result> {
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
    };
    if (caller.accessToken !== undefined) {
      headers.Authorization = `Bearer ${caller.accessToken}`;
    }
    if (caller.csrfToken !== undefined) headers[CSRF_HEADER] = caller.csrfToken;
    let response: Response;
    let body: unknown;
    try {
      response = await fetchImpl(endpoint, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: document.toString(), variables }),
        credentials: caller.withCookie === true ? "include" : "omit",
      });
      body = await response.json().catch(() => null);
    } catch (error) {
      throw asApiError(error);
    }
    // The schema and the operation's generated type vouch for the data's shape.
    return dataOf(response, body) as Result;
  }

  async function asUser(): Promise<Caller> {
    const accessToken = await options.accessToken();
    if (accessToken === null) throw new ApiError("unauthenticated");
    return { accessToken };
  }

  return {
    async register(input) {
      const { register } = await execute(RegisterDocument, { input });
      return toUser(register);
    },

    async signIn(input) {
      const { browserLogin } = await execute(
        BrowserLoginDocument,
        { input },
        { withCookie: true },
      );
      return toSession(browserLogin);
    },

    async refreshSession(csrfToken) {
      const { browserRefresh } = await execute(
        BrowserRefreshDocument,
        {},
        { csrfToken, withCookie: true },
      );
      return toSession(browserRefresh);
    },

    async signOut(csrfToken) {
      await execute(BrowserLogoutDocument, {}, { csrfToken, withCookie: true });
    },

    async currentUser() {
      const { me } = await execute(MeDocument, {}, await asUser());
      return toUser(me);
    },

    async listItems({ limit, offset, status, sort }) {
      const { items } = await execute(
        ItemsDocument,
        {
          limit,
          offset,
          status: status === null ? null : STATUS_ARGUMENT[status],
          sort: SORT_ARGUMENT[sort],
        },
        await asUser(),
      );
      return toPage(items.page, items.items.map(toItem));
    },

    async createItem(draft) {
      const { createItem } = await execute(
        CreateItemDocument,
        {
          input: {
            title: draft.title,
            description: draft.description,
            status: STATUS_ARGUMENT[draft.status],
          },
        },
        await asUser(),
      );
      return toItem(createItem);
    },

    async updateItem(id, changes) {
      const { updateItem } = await execute(
        UpdateItemDocument,
        { id, input: itemUpdate(changes) },
        await asUser(),
      );
      return toItem(updateItem);
    },

    async deleteItem(id) {
      await execute(DeleteItemDocument, { id }, await asUser());
    },

    async listUsers({ limit, offset }) {
      const { users } = await execute(
        UsersDocument,
        { limit, offset },
        await asUser(),
      );
      return toPage(users.page, users.items.map(toUser));
    },

    async setRoles(userId, roles) {
      const { setRoles } = await execute(
        SetRolesDocument,
        { userId, roles: roles.map((role) => ROLE_ARGUMENT[role]) },
        await asUser(),
      );
      return toUser(setRoles);
    },

    async deactivateUser(userId) {
      const { deactivateUser } = await execute(
        DeactivateUserDocument,
        { userId },
        await asUser(),
      );
      return toUser(deactivateUser);
    },
  };
}

/** The data of a GraphQL answer, or its first error as an ApiError. */
function dataOf(response: Response, body: unknown): Record<string, unknown> {
  const answer = isRecord(body) ? body : {};
  const errors: unknown[] = Array.isArray(answer.errors) ? answer.errors : [];
  const first: unknown = errors[0];
  if (isRecord(first)) {
    const extensions = isRecord(first.extensions) ? first.extensions : {};
    const { code, request_id: requestId } = extensions;
    throw new ApiError(
      kindOfCode(typeof code === "string" ? code : undefined, response.status),
      typeof first.message === "string" ? first.message : undefined,
      {
        requestId:
          typeof requestId === "string"
            ? requestId
            : response.headers.get("x-request-id"),
      },
    );
  }
  if (!response.ok) throw new ApiError(kindOfCode(undefined, response.status));
  if (!isRecord(answer.data)) {
    throw new ApiError("unexpected", "The service sent an empty answer.");
  }
  return answer.data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function itemUpdate(changes: ItemChanges): ItemUpdateInput {
  const input: ItemUpdateInput = {};
  if (changes.title !== undefined) input.title = changes.title;
  if (changes.description !== undefined)
    input.description = changes.description;
  if (changes.status !== undefined)
    input.status = STATUS_ARGUMENT[changes.status];
  return input;
}

function toPage<T>(page: PageFieldsFragment, items: T[]): Page<T> {
  return { items, total: page.total, limit: page.limit, offset: page.offset };
}

function toSession(session: BrowserSessionFieldsFragment): BrowserSession {
  return {
    accessToken: session.accessToken,
    expiresInSeconds: session.expiresIn,
    csrfToken: session.csrfToken,
  };
}

function toUser(user: UserFieldsFragment): User {
  return {
    id: user.id,
    email: user.email,
    roles: user.roles,
    isActive: user.isActive,
    createdAt: user.createdAt,
  };
}

function toItem(item: ItemFieldsFragment): Item {
  return {
    id: item.id,
    ownerId: item.ownerId,
    title: item.title,
    description: item.description,
    status: STATUS_OF[item.status],
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
