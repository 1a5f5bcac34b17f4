import { describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/ApiError";
import { checkedDownloadUrl, openDownload } from "./openDownload";

describe("openDownload", () => {
  it("opens an https link", () => {
    const navigate = vi.fn();

    openDownload("https://files.example.com/b/f1?X-Amz-Signature=s", navigate);

    expect(navigate).toHaveBeenCalledWith(
      "https://files.example.com/b/f1?X-Amz-Signature=s",
    );
  });

  it.each([
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "blob:https://files.example.com/f1",
    "not a url",
    "",
  ])("refuses %j: it would run in this page or go nowhere", (url) => {
    const navigate = vi.fn();

    expect(() => {
      openDownload(url, navigate);
    }).toThrow(ApiError);
    expect(navigate).not.toHaveBeenCalled();
  });

  it("checks a link without opening it", () => {
    expect(checkedDownloadUrl("http://127.0.0.1:9000/b/f1")).toBe(
      "http://127.0.0.1:9000/b/f1",
    );
    expect(() => checkedDownloadUrl("javascript:alert(1)")).toThrow(ApiError);
  });
});
