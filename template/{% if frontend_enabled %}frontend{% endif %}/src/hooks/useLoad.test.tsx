import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../api/ApiError";
import { useLoad } from "./useLoad";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

function Show({ name, load }: { name: string; load: () => Promise<string> }) {
  const { value, error, loading } = useLoad(name, load);
  return (
    <p>
      {loading ? "loading" : "idle"} {value ?? "-"} {error?.message ?? ""}
    </p>
  );
}

describe("useLoad", () => {
  it("shows what the latest load answered, ignoring a slower older one", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const { rerender } = render(<Show name="a" load={() => first.promise} />);
    expect(screen.getByText(/loading -/)).toBeInTheDocument();

    rerender(<Show name="b" load={() => second.promise} />);
    await act(async () => {
      second.resolve("second");
      await second.promise;
    });
    await act(async () => {
      first.resolve("first");
      await first.promise;
    });

    expect(screen.getByText("idle second")).toBeInTheDocument();
  });

  it("reports a failure as an ApiError, keeping the last value", async () => {
    const failing = deferred<string>();
    const { rerender } = render(
      <Show name="a" load={() => Promise.resolve("old")} />,
    );
    await screen.findByText("idle old");

    rerender(<Show name="b" load={() => failing.promise} />);
    await act(async () => {
      failing.reject(new ApiError("unavailable", "Try later."));
      await failing.promise.catch(() => undefined);
    });

    expect(screen.getByText("idle old Try later.")).toBeInTheDocument();
  });
});
