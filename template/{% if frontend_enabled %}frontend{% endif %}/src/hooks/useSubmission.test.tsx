import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../api/ApiError";
import { useSubmission } from "./useSubmission";

describe("useSubmission", () => {
  it("is busy while the action runs and stays so after a success", async () => {
    let finish: () => void = () => undefined;
    const { result } = renderHook(() =>
      useSubmission(
        () =>
          new Promise<void>((resolve) => {
            finish = resolve;
          }),
      ),
    );

    let running: Promise<void> = Promise.resolve();
    act(() => {
      running = result.current.run();
    });
    expect(result.current.busy).toBe(true);

    await act(async () => {
      finish();
      await running;
    });
    expect(result.current).toMatchObject({ busy: true, error: null });
  });

  it("keeps a failure as an ApiError and is ready again", async () => {
    const { result } = renderHook(() =>
      useSubmission(() => Promise.reject(new TypeError("offline"))),
    );

    await act(() => result.current.run());

    expect(result.current.busy).toBe(false);
    expect(result.current.error?.kind).toBe("network");
  });

  it("shows a refusal found before any run", () => {
    const { result } = renderHook(() => useSubmission(() => Promise.resolve()));

    act(() => {
      result.current.refuse(new ApiError("invalid", "Too short."));
    });

    expect(result.current.error?.message).toBe("Too short.");
  });
});
