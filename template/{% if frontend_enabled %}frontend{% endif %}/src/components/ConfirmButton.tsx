import { useState, type ReactNode } from "react";

interface ConfirmButtonProps {
  /** What the first button says, e.g. "Delete". */
  children: ReactNode;
  /** Its accessible name when `children` alone is ambiguous, e.g. 'Delete "Milk"'. */
  label?: string;
  /** What the second button says, e.g. "Yes, delete". */
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}

/** A button that asks once more before an action that cannot be undone. */
export function ConfirmButton({
  children,
  label,
  confirmLabel,
  onConfirm,
  disabled = false,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        aria-label={label}
        disabled={disabled}
        onClick={() => {
          setAsking(true);
        }}
      >
        {children}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        onClick={() => {
          setAsking(false);
        }}
      >
        Cancel
      </button>
    </span>
  );
}
