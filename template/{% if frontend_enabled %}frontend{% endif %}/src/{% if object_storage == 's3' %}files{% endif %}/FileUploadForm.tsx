import { useEffect, useRef, useState, type SubmitEvent } from "react";

import { ApiError, asApiError } from "../api/ApiError";
import type { UploadOptions } from "../api/postUploadForm";
import { ErrorMessage } from "../components/ErrorMessage";
import { formatBytes } from "./formatBytes";

interface FileUploadFormProps {
  /** Sends the file (as it is, or sealed first); rejects with an ApiError. */
  upload: (file: File, options: UploadOptions) => Promise<unknown>;
  onUploaded: () => void;
}

interface Progress {
  loaded: number;
  total: number;
}

/** Picks one file and uploads it, showing its progress; it can be cancelled. */
export function FileUploadForm({ upload, onUploaded }: FileUploadFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const transfer = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  // Leaving the screen cancels the transfer (and so discards the pending upload).
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      transfer.current?.abort();
    };
  }, []);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (file === undefined) {
      setError(new ApiError("invalid", "Choose a file first."));
      return;
    }
    if (file.size === 0) {
      setError(new ApiError("invalid", "The file is empty."));
      return;
    }
    const controller = new AbortController();
    transfer.current = controller;
    setError(null);
    setProgress({ loaded: 0, total: file.size });
    upload(file, { onProgress: setProgress, signal: controller.signal })
      .then(() => {
        if (!mounted.current) return;
        if (input.current !== null) input.current.value = "";
        onUploaded();
      })
      .catch((caught: unknown) => {
        setError(asApiError(caught));
      })
      .finally(() => {
        transfer.current = null;
        setProgress(null);
      });
  }

  const uploading = progress !== null;
  // Once every byte is sent only the confirmation is left: too late to cancel.
  const cancellable = progress !== null && progress.loaded < progress.total;
  return (
    <form aria-label="Upload a file" onSubmit={submit}>
      <label>
        File
        <input ref={input} type="file" name="file" disabled={uploading} />
      </label>
      {progress !== null && (
        <p className="upload-progress">
          <progress
            aria-label="Upload progress"
            value={progress.loaded}
            max={Math.max(progress.total, 1)}
          />{" "}
          {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={uploading}>
          Upload
        </button>
        {cancellable && (
          <button
            type="button"
            onClick={() => {
              transfer.current?.abort();
            }}
          >
            Cancel upload
          </button>
        )}
      </div>
    </form>
  );
}
