import type { ItemQuery, ItemSort, ItemStatus } from "../api/Api";

/** Items on one page of the list. */
export const PAGE_SIZE = 10;

const SORTS: readonly ItemSort[] = ["newest", "oldest", "title", "title-desc"];
const STATUSES: readonly ItemStatus[] = ["open", "done"];

function isOneOf<T extends string>(
  options: readonly T[],
  value: string | null,
): value is T {
  return value !== null && (options as readonly string[]).includes(value);
}

/**
 * The list's query as the address bar holds it (?status=open&sort=title&offset=10),
 * so a view can be bookmarked and Back works. Anything unknown means the default.
 */
export function itemQueryFrom(params: URLSearchParams): ItemQuery {
  const status = params.get("status");
  const sort = params.get("sort");
  const offset = Number.parseInt(params.get("offset") ?? "", 10);
  return {
    limit: PAGE_SIZE,
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
    status: isOneOf(STATUSES, status) ? status : null,
    sort: isOneOf(SORTS, sort) ? sort : "newest",
  };
}

/** The address-bar form of `query`, leaving out the defaults. */
export function itemQueryParams(query: ItemQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status !== null) params.set("status", query.status);
  if (query.sort !== "newest") params.set("sort", query.sort);
  if (query.offset > 0) params.set("offset", String(query.offset));
  return params;
}
