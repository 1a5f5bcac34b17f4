import { describe, expect, it } from "vitest";

import { pageBeforeIfEmptied } from "./pageBeforeIfEmptied";

describe("pageBeforeIfEmptied", () => {
  it("goes back a page when the last entry of a later page went", () => {
    expect(pageBeforeIfEmptied(40, 20, 1)).toBe(20);
  });

  it("never goes before the first page", () => {
    expect(pageBeforeIfEmptied(5, 20, 1)).toBe(0);
  });

  it("stays when entries are left on the page", () => {
    expect(pageBeforeIfEmptied(40, 20, 2)).toBeUndefined();
  });

  it("stays on the first page, even when it is now empty", () => {
    expect(pageBeforeIfEmptied(0, 20, 1)).toBeUndefined();
  });
});
