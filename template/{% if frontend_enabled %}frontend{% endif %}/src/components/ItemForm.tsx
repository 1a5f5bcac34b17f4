import { useState, type SubmitEvent } from "react";

import type { ItemDraft, ItemStatus } from "../api/Api";
import { asApiError, type ApiError } from "../api/ApiError";
import { ErrorMessage } from "./ErrorMessage";

const EMPTY: ItemDraft = { title: "", description: "", status: "open" };

function statusOf(value: string): ItemStatus {
  return value === "done" ? "done" : "open";
}

interface ItemFormProps {
  /** The form's heading, e.g. "New item". */
  title: string;
  submitLabel: string;
  initial?: ItemDraft;
  /** Saves the draft; a rejection (ApiError) is shown on the form. */
  onSubmit: (draft: ItemDraft) => Promise<void>;
  onCancel?: () => void;
}

/** Creates or edits an item; starts empty again after a successful save. */
export function ItemForm({
  title,
  submitLabel,
  initial = EMPTY,
  onSubmit,
  onCancel,
}: ItemFormProps) {
  const [draft, setDraft] = useState<ItemDraft>(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(draft);
      setDraft(initial);
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form aria-label={title} onSubmit={(event) => void submit(event)}>
      <h2>{title}</h2>
      <label>
        Title
        <input
          name="title"
          required
          maxLength={200}
          value={draft.title}
          onChange={(event) => {
            setDraft({ ...draft, title: event.target.value });
          }}
        />
      </label>
      <label>
        Description
        <textarea
          name="description"
          maxLength={10000}
          value={draft.description}
          onChange={(event) => {
            setDraft({ ...draft, description: event.target.value });
          }}
        />
      </label>
      <label>
        Status
        <select
          name="status"
          value={draft.status}
          onChange={(event) => {
            setDraft({
              ...draft,
              status: statusOf(event.target.value),
            });
          }}
        >
          <option value="open">Open</option>
          <option value="done">Done</option>
        </select>
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={saving}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
