import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../ApiError";
import { createGraphqlApi } from "./graphqlApi";

const ORIGIN = "http://api.test";
const ITEM = {
  id: "i1",
  ownerId: "u1",
  title: "Milk",
  description: "",
  status: "DONE",
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

interface Sent {
  request: Request;
  body: { query: string; variables: Record<string, unknown> };
}

/** An Api whose server answers `answer` and records every request. */
function setUp(answer: () => Response, token: string | null = "access-token") {
  const sent: Sent[] = [];
  const fetchStub = vi.fn(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push({
        request,
        body: (await request.clone().json()) as Sent["body"],
      });
      return answer();
    },
  );
  const api = createGraphqlApi({
    apiOrigin: ORIGIN,
    accessToken: () => Promise.resolve(token),
    fetch: fetchStub,
  });
  return { api, sent };
}

describe("createGraphqlApi", () => {
  it("signs in with browserLogin, accepting the session cookie", async () => {
    const { api, sent } = setUp(() =>
      Response.json({
        data: {
          browserLogin: {
            accessToken: "at",
            expiresIn: 900,
            csrfToken: "ct",
          },
        },
      }),
    );

    const session = await api.signIn({
      email: "ada@example.com",
      password: "pw",
    });

    expect(session).toEqual({
      accessToken: "at",
      expiresInSeconds: 900,
      csrfToken: "ct",
    });
    expect(sent[0]?.request.url).toBe(`${ORIGIN}/graphql`);
    expect(sent[0]?.request.credentials).toBe("include");
    expect(sent[0]?.body.query).toContain("browserLogin(input: $input)");
    expect(sent[0]?.body.variables).toEqual({
      input: { email: "ada@example.com", password: "pw" },
    });
  });

  it("refreshes and signs out with the CSRF token and the cookie, no bearer token", async () => {
    const { api, sent } = setUp(() =>
      Response.json({
        data: {
          browserRefresh: {
            accessToken: "at",
            expiresIn: 900,
            csrfToken: "ct",
          },
          browserLogout: true,
        },
      }),
    );

    await api.refreshSession("ct");
    await api.signOut("ct");

    for (const { request } of sent) {
      expect(request.headers.get("X-CSRF-Token")).toBe("ct");
      expect(request.headers.get("Authorization")).toBeNull();
      expect(request.credentials).toBe("include");
    }
    expect(sent.map(({ body }) => body.query)).toEqual([
      expect.stringContaining("browserRefresh"),
      expect.stringContaining("browserLogout"),
    ]);
  });

  it("lists items with the bearer token, no cookie, and arguments in the schema's terms", async () => {
    const { api, sent } = setUp(() =>
      Response.json({
        data: {
          items: {
            items: [ITEM],
            page: { total: 1, limit: 10, offset: 0 },
          },
        },
      }),
    );

    const page = await api.listItems({
      limit: 10,
      offset: 0,
      status: "done",
      sort: "oldest",
    });

    expect(page).toMatchObject({
      total: 1,
      items: [{ id: "i1", status: "done" }],
    });
    expect(sent[0]?.body.variables).toEqual({
      limit: 10,
      offset: 0,
      status: "DONE",
      sort: "CREATED_AT",
    });
    expect(sent[0]?.request.headers.get("Authorization")).toBe(
      "Bearer access-token",
    );
    expect(sent[0]?.request.credentials).toBe("omit");
  });

  it("sends roles as the schema's enum", async () => {
    const { api, sent } = setUp(() =>
      Response.json({
        data: {
          setRoles: {
            id: "u2",
            email: "bob@example.com",
            roles: ["admin", "member"],
            isActive: true,
            createdAt: "2026-01-01T00:00:00Z",
          },
        },
      }),
    );

    const user = await api.setRoles("u2", ["admin", "member"]);

    expect(sent[0]?.body.variables).toEqual({
      userId: "u2",
      roles: ["ADMIN", "MEMBER"],
    });
    expect(user.roles).toEqual(["admin", "member"]);
  });

  it("reports the first GraphQL error as an ApiError", async () => {
    const { api } = setUp(() =>
      Response.json({
        data: null,
        errors: [
          {
            message: "Administrators only.",
            extensions: { code: "FORBIDDEN", request_id: "r1" },
          },
        ],
      }),
    );

    await expect(api.listUsers({ limit: 20, offset: 0 })).rejects.toMatchObject(
      {
        kind: "forbidden",
        message: "Administrators only.",
        requestId: "r1",
      },
    );
  });

  it("reports an unreachable service as a network error", async () => {
    const api = createGraphqlApi({
      apiOrigin: ORIGIN,
      accessToken: () => Promise.resolve("t"),
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
    });

    await expect(api.currentUser()).rejects.toMatchObject({
      kind: "network",
    });
  });

  it("makes no call that needs a session without one", async () => {
    const { api, sent } = setUp(() => Response.json({}), null);

    await expect(api.currentUser()).rejects.toBeInstanceOf(ApiError);
    expect(sent).toEqual([]);
  });
});
