import { ApiError } from "../api/ApiError";

/**
 * A download link from the server, checked before this page uses it: only
 * http(s), never a javascript: or data: URL that would run in this page.
 */
export function checkedDownloadUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol !== "https:" && parsed?.protocol !== "http:") {
    throw new ApiError(
      "unexpected",
      "The service sent a download link this page will not open.",
    );
  }
  return parsed.href;
}

/**
 * Sends the browser to a download link. The store answers it with
 * Content-Disposition: attachment, so the page stays and the browser streams the
 * file to disk.
 */
export function openDownload(
  url: string,
  navigate: (url: string) => void = (target) => {
    window.location.assign(target);
  },
): void {
  navigate(checkedDownloadUrl(url));
}
