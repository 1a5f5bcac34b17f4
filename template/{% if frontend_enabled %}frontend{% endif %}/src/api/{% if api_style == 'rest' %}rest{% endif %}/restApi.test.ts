import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../ApiError";
import { createRestApi } from "./restApi";

const ORIGIN = "http://api.test";
const SESSION = {
  access_token: "at",
  token_type: "bearer",
  expires_in: 900,
  csrf_token: "ct",
};
const ITEM = {
  id: "i1",
  owner_id: "u1",
  title: "Milk",
  description: "",
  status: "open",
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

/** An Api whose server answers `answer` and records every request. */
function setUp(answer: () => Response, token: string | null = "access-token") {
  const requests: Request[] = [];
  const fetchStub = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return Promise.resolve(answer());
  });
  const api = createRestApi({
    apiOrigin: ORIGIN,
    accessToken: () => Promise.resolve(token),
    fetch: fetchStub,
  });
  return { api, requests };
}

describe("createRestApi", () => {
  it("signs in with the browser-session route, accepting its cookie", async () => {
    const { api, requests } = setUp(() => Response.json(SESSION));

    const session = await api.signIn({
      email: "ada@example.com",
      password: "pw",
    });

    expect(session).toEqual({
      accessToken: "at",
      expiresInSeconds: 900,
      csrfToken: "ct",
    });
    const [request] = requests;
    expect(request?.url).toBe(`${ORIGIN}/api/v1/auth/browser/login`);
    expect(request?.credentials).toBe("include");
    expect(await request?.json()).toEqual({
      email: "ada@example.com",
      password: "pw",
    });
  });

  it("refreshes with the CSRF token and the cookie, no bearer token", async () => {
    const { api, requests } = setUp(() => Response.json(SESSION));

    await api.refreshSession("ct");

    const [request] = requests;
    expect(request?.url).toBe(`${ORIGIN}/api/v1/auth/browser/refresh`);
    expect(request?.headers.get("X-CSRF-Token")).toBe("ct");
    expect(request?.headers.get("Authorization")).toBeNull();
    expect(request?.credentials).toBe("include");
  });

  it("signs out with the CSRF token and accepts the empty answer", async () => {
    const { api, requests } = setUp(() => new Response(null, { status: 204 }));

    await api.signOut("ct");

    expect(requests[0]?.url).toBe(`${ORIGIN}/api/v1/auth/browser/logout`);
    expect(requests[0]?.headers.get("X-CSRF-Token")).toBe("ct");
  });

  it("lists items with the bearer token, no cookie, and the query in the contract's terms", async () => {
    const { api, requests } = setUp(() =>
      Response.json({
        items: [ITEM],
        page: { total: 1, limit: 10, offset: 0 },
      }),
    );

    const page = await api.listItems({
      limit: 10,
      offset: 0,
      status: null,
      sort: "title-desc",
    });

    expect(page).toMatchObject({
      total: 1,
      items: [{ id: "i1", ownerId: "u1", title: "Milk" }],
    });
    const url = new URL(requests[0]?.url ?? "");
    expect(url.pathname).toBe("/api/v1/items");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      limit: "10",
      offset: "0",
      sort: "-title",
    });
    expect(requests[0]?.headers.get("Authorization")).toBe(
      "Bearer access-token",
    );
    expect(requests[0]?.credentials).toBe("omit");
  });

  it("sends only the changed fields of an item", async () => {
    const { api, requests } = setUp(() => Response.json(ITEM));

    await api.updateItem("i1", { status: "done" });

    expect(requests[0]?.method).toBe("PATCH");
    expect(requests[0]?.url).toBe(`${ORIGIN}/api/v1/items/i1`);
    expect(await requests[0]?.json()).toEqual({ status: "done" });
  });

  it("reports the error envelope as an ApiError", async () => {
    const { api } = setUp(() =>
      Response.json(
        {
          error: {
            code: "BAD_USER_INPUT",
            message: "The request is invalid.",
            request_id: "r1",
            details: [{ field: "title", message: "Too long." }],
          },
        },
        { status: 422 },
      ),
    );

    const failure = api.createItem({
      title: "x",
      description: "",
      status: "open",
    });

    await expect(failure).rejects.toMatchObject({
      kind: "invalid",
      message: "The request is invalid.",
      requestId: "r1",
      fieldErrors: [{ field: "title", message: "Too long." }],
    });
  });

  it("reports an unreachable service as a network error", async () => {
    const api = createRestApi({
      apiOrigin: ORIGIN,
      accessToken: () => Promise.resolve("t"),
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
    });

    await expect(api.currentUser()).rejects.toMatchObject({
      kind: "network",
    });
  });

  it("makes no call that needs a session without one", async () => {
    const { api, requests } = setUp(() => Response.json({}), null);

    await expect(api.currentUser()).rejects.toBeInstanceOf(ApiError);
    expect(requests).toEqual([]);
  });
});
