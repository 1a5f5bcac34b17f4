import { describe, expect, it } from "vitest";

import { itemQueryFrom, itemQueryParams, PAGE_SIZE } from "./itemQuery";

describe("itemQueryFrom", () => {
  it("reads status, order and offset from the address", () => {
    expect(
      itemQueryFrom(new URLSearchParams("status=done&sort=title&offset=20")),
    ).toEqual({
      limit: PAGE_SIZE,
      offset: 20,
      status: "done",
      sort: "title",
    });
  });

  it("falls back to the defaults for anything unknown", () => {
    expect(
      itemQueryFrom(new URLSearchParams("status=lost&sort=random&offset=-5")),
    ).toEqual({
      limit: PAGE_SIZE,
      offset: 0,
      status: null,
      sort: "newest",
    });
  });
});

describe("itemQueryParams", () => {
  it("writes only what differs from the defaults, and reads back the same", () => {
    const query = {
      limit: PAGE_SIZE,
      offset: 10,
      status: "open" as const,
      sort: "oldest" as const,
    };

    expect(itemQueryParams(query).toString()).toBe(
      "status=open&sort=oldest&offset=10",
    );
    expect(itemQueryFrom(itemQueryParams(query))).toEqual(query);
    expect(
      itemQueryParams(itemQueryFrom(new URLSearchParams())).toString(),
    ).toBe("");
  });
});
