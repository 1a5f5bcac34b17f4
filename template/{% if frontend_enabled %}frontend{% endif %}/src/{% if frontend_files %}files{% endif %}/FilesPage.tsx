import { useState } from "react";

import { asApiError, type ApiError } from "../api/ApiError";
import { useApi } from "../api/useApi";
import { PagedResults } from "../components/PagedResults";
import { pageBeforeIfEmptied } from "../components/pageBeforeIfEmptied";
import { useLoad } from "../hooks/useLoad";
import { useOffsetParam } from "../hooks/useOffsetParam";
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
  const [offset, setOffset] = useOffsetParam();
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
    else setOffset(0);
  }

  return (
    <section aria-labelledby="files-heading">
      <h1 id="files-heading">Files</h1>
      <FileUploadForm
        upload={(file, options) => api.uploadFile(file, options)}
        onUploaded={showFirstPage}
      />
      <PagedResults
        label="Files"
        results={files}
        actionError={actionError}
        limit={PAGE_SIZE}
        offset={offset}
        onOffsetChange={setOffset}
      >
        {(page) => (
          <FileList
            files={page}
            onDownload={(file) => {
              act(
                api.fileDownloadUrl(file.id).then((url) => {
                  openDownload(url, navigate);
                }),
                () => undefined,
              );
            }}
            onDelete={(file) => {
              act(api.deleteFile(file.id), () => {
                const before = pageBeforeIfEmptied(
                  offset,
                  PAGE_SIZE,
                  page.length,
                );
                if (before === undefined) files.reload();
                else setOffset(before);
              });
            }}
          />
        )}
      </PagedResults>
    </section>
  );
}
