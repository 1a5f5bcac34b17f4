import { useState } from "react";
import { useSearchParams } from "react-router";

import type { Item, ItemDraft, ItemQuery } from "../api/Api";
import { asApiError, type ApiError } from "../api/ApiError";
import { useApi } from "../api/useApi";
import { ItemFilters } from "../components/ItemFilters";
import { ItemForm } from "../components/ItemForm";
import { ItemList } from "../components/ItemList";
import { PagedResults } from "../components/PagedResults";
import { pageBeforeIfEmptied } from "../components/pageBeforeIfEmptied";
import { useLoad } from "../hooks/useLoad";
import { itemQueryFrom, itemQueryParams } from "./itemQuery";

/** The example resource: list (paged, filtered, sorted), create, edit, delete. */
export function ItemsPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const query = itemQueryFrom(params);
  const page = useLoad(itemQueryParams(query).toString(), () =>
    api.listItems(query),
  );
  const [editing, setEditing] = useState<Item | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  function show(changes: Partial<ItemQuery>) {
    setParams(itemQueryParams({ ...query, ...changes }));
  }

  async function create(draft: ItemDraft) {
    await api.createItem(draft);
    page.reload();
  }

  async function update(item: Item, draft: ItemDraft) {
    await api.updateItem(item.id, draft);
    setEditing(null);
    page.reload();
  }

  function remove(item: Item) {
    setActionError(null);
    api.deleteItem(item.id).then(
      () => {
        const shown = page.value?.items.length ?? 0;
        const before = pageBeforeIfEmptied(query.offset, query.limit, shown);
        if (before === undefined) page.reload();
        else show({ offset: before });
      },
      (error: unknown) => {
        setActionError(asApiError(error));
      },
    );
  }

  return (
    <section aria-labelledby="items-heading">
      <h1 id="items-heading">Items</h1>
      {editing === null ? (
        <ItemForm title="New item" submitLabel="Create" onSubmit={create} />
      ) : (
        <ItemForm
          key={editing.id}
          title={`Edit "${editing.title}"`}
          submitLabel="Save"
          initial={{
            title: editing.title,
            description: editing.description,
            status: editing.status,
          }}
          onSubmit={(draft) => update(editing, draft)}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
      <ItemFilters
        status={query.status}
        sort={query.sort}
        onChange={(filters) => {
          show({ ...filters, offset: 0 });
        }}
      />
      <PagedResults
        label="Items"
        results={page}
        actionError={actionError}
        limit={query.limit}
        offset={query.offset}
        onOffsetChange={(offset) => {
          show({ offset });
        }}
      >
        {(items) => (
          <ItemList items={items} onEdit={setEditing} onDelete={remove} />
        )}
      </PagedResults>
    </section>
  );
}
