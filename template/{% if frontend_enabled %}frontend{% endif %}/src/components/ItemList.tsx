import type { Item } from "../api/Api";
import { ConfirmButton } from "./ConfirmButton";

interface ItemListProps {
  items: readonly Item[];
  onEdit: (item: Item) => void;
  onDelete: (item: Item) => void;
}

/**
 * The items, as text only: a title or description is user data, so it is never
 * parsed as HTML (React escapes it; the lint rules forbid the escape hatches).
 */
export function ItemList({ items, onEdit, onDelete }: ItemListProps) {
  if (items.length === 0) return <p>No items.</p>;
  return (
    <ul className="items">
      {items.map((item) => (
        <li key={item.id}>
          <h3>{item.title}</h3>
          <p className={`status status-${item.status}`}>
            {item.status === "done" ? "Done" : "Open"}
          </p>
          {item.description !== "" && <p>{item.description}</p>}
          <div className="actions">
            <button
              type="button"
              aria-label={`Edit "${item.title}"`}
              onClick={() => {
                onEdit(item);
              }}
            >
              Edit
            </button>
            <ConfirmButton
              label={`Delete "${item.title}"`}
              confirmLabel="Yes, delete"
              onConfirm={() => {
                onDelete(item);
              }}
            >
              Delete
            </ConfirmButton>
          </div>
        </li>
      ))}
    </ul>
  );
}
