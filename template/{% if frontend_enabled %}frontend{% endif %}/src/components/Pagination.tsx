interface PaginationProps {
  /** What is counted, for the accessible name: "Items" gives "Items pages". */
  label: string;
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}

export function Pagination({
  label,
  total,
  limit,
  offset,
  onChange,
}: PaginationProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <nav aria-label={`${label} pages`} className="pagination">
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => {
          onChange(Math.max(0, offset - limit));
        }}
      >
        Previous
      </button>
      <span>
        {first}–{last} of {total}
      </span>
      <button
        type="button"
        disabled={offset + limit >= total}
        onClick={() => {
          onChange(offset + limit);
        }}
      >
        Next
      </button>
    </nav>
  );
}
