import type { User } from "../api/Api";

/**
 * Whether `user` may see the administration screens. Only a matter of what to
 * show: the server checks every call, whatever the page shows.
 */
export function isAdmin(user: User): boolean {
  return user.roles.includes("admin");
}
