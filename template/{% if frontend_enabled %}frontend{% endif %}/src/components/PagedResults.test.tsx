import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Page } from "../api/Api";
import { ApiError } from "../api/ApiError";
import type { Load } from "../hooks/useLoad";
import { PagedResults } from "./PagedResults";

const PAGE: Page<string> = {
  items: ["first", "second"],
  total: 12,
  limit: 2,
  offset: 10,
};

function show(
  results: Partial<Load<Page<string>>>,
  actionError: ApiError | null = null,
) {
  render(
    <PagedResults
      label="Words"
      results={{
        value: undefined,
        error: null,
        loading: false,
        reload: vi.fn(),
        ...results,
      }}
      actionError={actionError}
      limit={2}
      offset={10}
      onOffsetChange={vi.fn()}
    >
      {(items) => (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </PagedResults>,
  );
}

describe("PagedResults", () => {
  it("says it is loading until the first answer", () => {
    show({ loading: true });

    expect(screen.getByRole("status")).toHaveTextContent("Loading…");
    expect(screen.queryByRole("list")).not.toBeInTheDocument();
  });

  it("keeps the page in view while the next one loads", () => {
    show({ value: PAGE, loading: true });

    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    expect(
      screen.getByRole("navigation", { name: "Words pages" }),
    ).toHaveTextContent("11–12 of 12");
  });

  it("shows why loading failed, before why an action did", () => {
    show(
      { value: PAGE, error: new ApiError("unavailable", "Down.") },
      new ApiError("conflict", "Taken."),
    );

    expect(screen.getByRole("alert")).toHaveTextContent("Down.");
  });
});
