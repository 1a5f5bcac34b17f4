import type { StoredFile } from "../api/FilesApi";
import { ConfirmButton } from "../components/ConfirmButton";
import { formatBytes } from "./formatBytes";

interface FileListProps {
  files: readonly StoredFile[];
  onDownload: (file: StoredFile) => void;
  onDelete: (file: StoredFile) => void;
}

/**
 * The files, names as text only: a file name is chosen by whoever uploaded it,
 * so it is never parsed as HTML (React escapes it; the lint rules forbid the
 * escape hatches).
 */
export function FileList({ files, onDownload, onDelete }: FileListProps) {
  if (files.length === 0) return <p>No files.</p>;
  return (
    <table className="files">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Size</th>
          <th scope="col">Uploaded</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.id}>
            <td>{file.filename}</td>
            <td>{formatBytes(file.sizeBytes)}</td>
            <td>
              <time dateTime={file.createdAt}>
                {new Date(file.createdAt).toLocaleString()}
              </time>
            </td>
            <td>
              <div className="actions">
                <button
                  type="button"
                  aria-label={`Download "${file.filename}"`}
                  onClick={() => {
                    onDownload(file);
                  }}
                >
                  Download
                </button>
                <ConfirmButton
                  label={`Delete "${file.filename}"`}
                  confirmLabel="Yes, delete"
                  onConfirm={() => {
                    onDelete(file);
                  }}
                >
                  Delete
                </ConfirmButton>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
