import type { ReactNode } from "react";

import type { Page } from "../api/Api";
import type { ApiError } from "../api/ApiError";
import type { Load } from "../hooks/useLoad";
import { ErrorMessage } from "./ErrorMessage";
import { Pagination } from "./Pagination";

interface PagedResultsProps<T> {
  /** What is counted, for the pages' accessible name: "Items" gives "Items pages". */
  label: string;
  results: Load<Page<T>>;
  /** Why the latest action on the results failed, or null. */
  actionError: ApiError | null;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  /** The list of one page's items. */
  children: (items: readonly T[]) => ReactNode;
}

/**
 * A page of results as every list screen shows it: what failed, "Loading…" until
 * the first answer (later loads keep the old page in view), the list and its
 * pages.
 */
export function PagedResults<T>({
  label,
  results,
  actionError,
  limit,
  offset,
  onOffsetChange,
  children,
}: PagedResultsProps<T>) {
  return (
    <>
      <ErrorMessage error={results.error ?? actionError} />
      {results.loading && results.value === undefined && (
        <p role="status">Loading…</p>
      )}
      {results.value !== undefined && (
        <>
          {children(results.value.items)}
          <Pagination
            label={label}
            total={results.value.total}
            limit={limit}
            offset={offset}
            onChange={onOffsetChange}
          />
        </>
      )}
    </>
  );
}
