/**
 * After one entry of a list page was removed: the offset of the page before when
 * that was the page's last entry (and not the first page), so the list never
 * shows an empty page; undefined when the same page should simply reload.
 */
export function pageBeforeIfEmptied(
  offset: number,
  limit: number,
  shownBeforeRemoval: number,
): number | undefined {
  if (shownBeforeRemoval > 1 || offset === 0) return undefined;
  return Math.max(0, offset - limit);
}
