import { describe, expect, it, vi } from "vitest";

import { loadRuntimeConfig, parseRuntimeConfig } from "./runtimeConfig";

describe("parseRuntimeConfig", () => {
  it("accepts the page's own origin, written as an empty string", () => {
    expect(parseRuntimeConfig({ apiOrigin: "" })).toEqual({
      apiOrigin: "",
    });
  });

  it("accepts an http(s) origin, without a trailing slash", () => {
    expect(
      parseRuntimeConfig({ apiOrigin: "https://api.example.com/" }),
    ).toEqual({
      apiOrigin: "https://api.example.com",
    });
  });

  it.each([
    ["a path", "https://api.example.com/v1"],
    ["another scheme", "javascript:alert(1)"],
    ["no URL", "api.example.com"],
    ["no string", 42],
  ])("refuses %s", (_case, apiOrigin) => {
    expect(() => parseRuntimeConfig({ apiOrigin })).toThrow(/apiOrigin/);
  });
});

describe("loadRuntimeConfig", () => {
  it("reads /config.json, never from the cache", async () => {
    const fetchConfig = vi.fn(() =>
      Promise.resolve(Response.json({ apiOrigin: "http://127.0.0.1:8000" })),
    );

    await expect(loadRuntimeConfig(fetchConfig)).resolves.toEqual({
      apiOrigin: "http://127.0.0.1:8000",
    });
    expect(fetchConfig).toHaveBeenCalledWith("/config.json", {
      cache: "no-store",
      credentials: "omit",
    });
  });

  it("fails when the server has no configuration", async () => {
    const fetchConfig = () =>
      Promise.resolve(new Response("missing", { status: 404 }));

    await expect(loadRuntimeConfig(fetchConfig)).rejects.toThrow(/404/);
  });
});
