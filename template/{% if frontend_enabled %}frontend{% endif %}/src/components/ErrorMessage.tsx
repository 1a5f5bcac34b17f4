import type { ApiError } from "../api/ApiError";

/** A failure, as text: its message and the fields the server named. */
export function ErrorMessage({ error }: { error: ApiError | null }) {
  if (error === null) return null;
  return (
    <div role="alert" className="error">
      <p>{error.message}</p>
      {error.fieldErrors.length > 0 && (
        <ul>
          {error.fieldErrors.map((fieldError) => (
            <li key={fieldError.field}>
              {fieldError.field}: {fieldError.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
