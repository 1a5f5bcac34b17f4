import type { ItemSort, ItemStatus } from "../api/Api";

export const SORT_LABELS: Readonly<Record<ItemSort, string>> = {
  newest: "Newest first",
  oldest: "Oldest first",
  title: "Title, A to Z",
  "title-desc": "Title, Z to A",
};

const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  open: "Open",
  done: "Done",
};

interface ItemFiltersProps {
  status: ItemStatus | null;
  sort: ItemSort;
  onChange: (filters: { status: ItemStatus | null; sort: ItemSort }) => void;
}

function isStatus(value: string): value is ItemStatus {
  return value in STATUS_LABELS;
}

function isSort(value: string): value is ItemSort {
  return value in SORT_LABELS;
}

/** Which items to show (by status) and in which order. */
export function ItemFilters({ status, sort, onChange }: ItemFiltersProps) {
  return (
    <div role="search" aria-label="Filter items" className="filters">
      <label>
        Status
        <select
          value={status ?? ""}
          onChange={(event) => {
            const value = event.target.value;
            onChange({
              status: isStatus(value) ? value : null,
              sort,
            });
          }}
        >
          <option value="">All</option>
          {Object.entries(STATUS_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <label>
        Order
        <select
          value={sort}
          onChange={(event) => {
            const value = event.target.value;
            if (isSort(value)) onChange({ status, sort: value });
          }}
        >
          {Object.entries(SORT_LABELS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
