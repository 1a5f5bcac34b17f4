import { describe, expect, it } from "vitest";

import type { User } from "../api/Api";
import { isAdmin } from "./permissions";

const member: User = {
  id: "u1",
  email: "member@example.com",
  roles: ["member"],
  isActive: true,
  createdAt: "2026-01-01T00:00:00Z",
};

describe("isAdmin", () => {
  it("is true with the admin role only", () => {
    expect(isAdmin(member)).toBe(false);
    expect(isAdmin({ ...member, roles: ["admin", "member"] })).toBe(true);
  });
});
