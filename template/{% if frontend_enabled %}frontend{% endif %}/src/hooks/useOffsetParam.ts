import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * The list offset in the address (`?offset=20`), so Back and a reload keep the
 * page; anything but a positive whole number is the first page.
 */
export function useOffsetParam(): [number, (offset: number) => void] {
  const [params, setParams] = useSearchParams();
  const requested = Number.parseInt(params.get("offset") ?? "", 10);
  const offset =
    Number.isSafeInteger(requested) && requested > 0 ? requested : 0;
  const setOffset = useCallback(
    (next: number) => {
      setParams(next > 0 ? { offset: String(next) } : {});
    },
    [setParams],
  );
  return [offset, setOffset];
}
