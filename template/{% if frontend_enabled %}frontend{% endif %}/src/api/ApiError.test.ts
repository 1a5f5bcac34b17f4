import { describe, expect, it } from "vitest";

import { ApiError, asApiError, kindOfCode, nullWhenNotFound } from "./ApiError";

describe("kindOfCode", () => {
  it("maps the envelope's codes", () => {
    expect(kindOfCode("UNAUTHENTICATED")).toBe("unauthenticated");
    expect(kindOfCode("FORBIDDEN")).toBe("forbidden");
    expect(kindOfCode("BAD_USER_INPUT")).toBe("invalid");
    expect(kindOfCode("SERVICE_UNAVAILABLE")).toBe("unavailable");
  });

  it("falls back to the HTTP status, then to unexpected", () => {
    expect(kindOfCode(undefined, 409)).toBe("conflict");
    expect(kindOfCode("SOMETHING_NEW", 404)).toBe("not-found");
    expect(kindOfCode(undefined, 500)).toBe("unexpected");
  });
});

describe("asApiError", () => {
  it("keeps an ApiError as it is", () => {
    const error = new ApiError("conflict", "Taken.");

    expect(asApiError(error)).toBe(error);
  });

  it("reports a failed fetch (a TypeError) as a network error with a message to show", () => {
    const error = asApiError(new TypeError("Failed to fetch"));

    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/could not be reached/);
  });

  it("reports anything else as unexpected", () => {
    expect(asApiError(new Error("boom")).kind).toBe("unexpected");
  });
});

describe("nullWhenNotFound", () => {
  it("answers the call's value, or null for not-found", async () => {
    expect(await nullWhenNotFound(Promise.resolve("key"))).toBe("key");
    expect(
      await nullWhenNotFound(Promise.reject(new ApiError("not-found"))),
    ).toBeNull();
  });

  it("passes every other failure on", async () => {
    await expect(
      nullWhenNotFound(Promise.reject(new ApiError("forbidden"))),
    ).rejects.toMatchObject({ kind: "forbidden" });
  });
});
