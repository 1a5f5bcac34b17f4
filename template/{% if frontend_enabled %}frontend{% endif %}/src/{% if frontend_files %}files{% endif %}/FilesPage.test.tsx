import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { FakeApi } from "../test/FakeApi";
import { renderWithSession } from "../test/render";
import { FilesPage } from "./FilesPage";

function apiWithFiles(count: number) {
  const api = new FakeApi();
  const ada = api.addUser("ada@example.com");
  for (let index = 1; index <= count; index += 1) {
    api.addFile(ada, `file-${String(index).padStart(2, "0")}.txt`);
  }
  return api;
}

async function renderPage(api: FakeApi, navigate = vi.fn(), route = "/files") {
  const rendered = await renderWithSession(<FilesPage navigate={navigate} />, {
    api,
    signedInAs: "ada@example.com",
    route,
  });
  return { ...rendered, navigate };
}

function names() {
  return screen
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0]?.textContent);
}

describe("FilesPage", () => {
  it("lists the newest files first, a page at a time", async () => {
    const { user, location } = await renderPage(apiWithFiles(21));

    expect(await screen.findByText("file-21.txt")).toBeInTheDocument();
    expect(names()).toHaveLength(20);

    await user.click(screen.getByRole("button", { name: "Next" }));

    await waitFor(() => {
      expect(names()).toEqual(["file-01.txt"]);
    });
    expect(location()).toBe("/files?offset=20");
  });

  it("uploads a file and shows it at the top of the first page", async () => {
    const { user, location } = await renderPage(
      apiWithFiles(21),
      vi.fn(),
      "/files?offset=20",
    );
    await screen.findByText("file-01.txt");

    await user.upload(
      screen.getByLabelText("File"),
      new File(["hello"], "report.pdf", { type: "application/pdf" }),
    );
    await user.click(screen.getByRole("button", { name: "Upload" }));

    await waitFor(() => {
      expect(names()[0]).toBe("report.pdf");
    });
    expect(location()).toBe("/files");
  });

  it("opens the download link the server grants", async () => {
    const api = apiWithFiles(1);
    const { user, navigate } = await renderPage(api);

    await user.click(
      await screen.findByRole("button", { name: 'Download "file-01.txt"' }),
    );

    await waitFor(() => {
      expect(navigate).toHaveBeenCalledWith(
        `https://files.example.com/bucket/${api.files[0]?.id ?? ""}`,
      );
    });
  });

  it("refuses a download link that would run script in the page", async () => {
    const api = apiWithFiles(1);
    vi.spyOn(api, "fileDownloadUrl").mockResolvedValue(
      "javascript:alert(document.cookie)",
    );
    const { user, navigate } = await renderPage(api);

    await user.click(
      await screen.findByRole("button", { name: 'Download "file-01.txt"' }),
    );

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "download link this page will not open",
    );
    expect(navigate).not.toHaveBeenCalled();
  });

  it("deletes a file once confirmed", async () => {
    const api = apiWithFiles(2);
    const { user } = await renderPage(api);

    await user.click(
      await screen.findByRole("button", { name: 'Delete "file-02.txt"' }),
    );
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));

    await waitFor(() => {
      expect(names()).toEqual(["file-01.txt"]);
    });
    expect(api.files.map((file) => file.filename)).toEqual(["file-01.txt"]);
  });

  it("shows the page before when the last file of a page goes", async () => {
    const api = apiWithFiles(21);
    const { user, location } = await renderPage(
      api,
      vi.fn(),
      "/files?offset=20",
    );

    await user.click(
      await screen.findByRole("button", { name: 'Delete "file-01.txt"' }),
    );
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));

    await waitFor(() => {
      expect(location()).toBe("/files");
    });
    expect(await screen.findByText("file-21.txt")).toBeInTheDocument();
    expect(names()).toHaveLength(20);
  });

  it("shows why a delete failed", async () => {
    const api = apiWithFiles(1);
    vi.spyOn(api, "deleteFile").mockRejectedValue(new TypeError("offline"));
    const { user } = await renderPage(api);

    await user.click(
      await screen.findByRole("button", { name: 'Delete "file-01.txt"' }),
    );
    await user.click(screen.getByRole("button", { name: "Yes, delete" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "could not be reached",
    );
  });
});
