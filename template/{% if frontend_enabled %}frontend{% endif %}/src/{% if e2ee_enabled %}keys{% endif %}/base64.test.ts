import { describe, expect, it } from "vitest";

import { fromBase64, toBase64 } from "./base64";

describe("base64", () => {
  it("round-trips every byte value", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);

    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it("writes padded base64", () => {
    expect(toBase64(new Uint8Array([1]))).toBe("AQ==");
  });

  it.each(["AQ", "A===", "AQ==\n", "a b=", "%%%%"])(
    "refuses %j: it is not padded base64",
    (text) => {
      expect(() => fromBase64(text)).toThrow("not base64");
    },
  );
});
