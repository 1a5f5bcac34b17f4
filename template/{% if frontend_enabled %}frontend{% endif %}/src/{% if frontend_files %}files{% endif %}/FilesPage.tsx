import { useState } from "react";
import { useSearchParams } from "react-router";

import { asApiError, type ApiError } from "../api/ApiError";
import { useApi } from "../api/useApi";
import { ErrorMessage } from "../components/ErrorMessage";
import { Pagination } from "../components/Pagination";
import { useLoad } from "../hooks/useLoad";
import { FileList } from "./FileList";
import { FileUploadForm } from "./FileUploadForm";
import { openDownload } from "./openDownload";

const PAGE_SIZE = 20;

interface FilesPageProps {
  /** Where a download link goes; the browser's own navigation by default. */
  navigate?: (url: string) => void;
}

/** The caller's files: upload with progress, download, delete. */
export function FilesPage({ navigate }: FilesPageProps) {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const requested = Number.parseInt(params.get("offset") ?? "", 10);
  const offset =
    Number.isSafeInteger(requested) && requested > 0 ? requested : 0;
  const files = useLoad(String(offset), () =>
    api.listFiles({ limit: PAGE_SIZE, offset }),
  );
  const [actionError, setActionError] = useState<ApiError | null>(null);

  function act(action: Promise<unknown>, then: () => void = files.reload) {
    setActionError(null);
    action.then(then, (error: unknown) => {
      setActionError(asApiError(error));
    });
  }

  function showFirstPage() {
    if (offset === 0) files.reload();
    else setParams({});
  }

  return (
    <section aria-labelledby="files-heading">
      <h1 id="files-heading">Files</h1>
      <FileUploadForm
        upload={(file, options) => api.uploadFile(file, options)}
        onUploaded={showFirstPage}
      />
      <ErrorMessage error={files.error ?? actionError} />
      {files.loading && files.value === undefined && (
        <p role="status">Loading…</p>
      )}
      {files.value !== undefined && (
        <>
          <FileList
            files={files.value.items}
            onDownload={(file) => {
              act(
                api.fileDownloadUrl(file.id).then((url) => {
                  openDownload(url, navigate);
                }),
                () => undefined,
              );
            }}
            onDelete={(file) => {
              act(api.deleteFile(file.id));
            }}
          />
          <Pagination
            label="Files"
            total={files.value.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => {
              setParams(next > 0 ? { offset: String(next) } : {});
            }}
          />
        </>
      )}
    </section>
  );
}
