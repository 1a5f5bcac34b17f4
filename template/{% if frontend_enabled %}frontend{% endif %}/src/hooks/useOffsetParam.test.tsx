import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderWithSession } from "../test/render";
import { useOffsetParam } from "./useOffsetParam";

function Probe() {
  const [offset, setOffset] = useOffsetParam();
  return (
    <button
      type="button"
      onClick={() => {
        setOffset(offset === 0 ? 20 : 0);
      }}
    >
      {`offset ${String(offset)}`}
    </button>
  );
}

describe("useOffsetParam", () => {
  it.each([
    ["/list?offset=40", 40],
    ["/list", 0],
    ["/list?offset=-5", 0],
    ["/list?offset=abc", 0],
    ["/list?offset=9007199254740993", 0],
  ])("reads %s as offset %d", async (route, offset) => {
    await renderWithSession(<Probe />, { route });

    expect(screen.getByRole("button")).toHaveTextContent(
      `offset ${String(offset)}`,
    );
  });

  it("writes the offset into the address, and the first page as none", async () => {
    const { user, location } = await renderWithSession(<Probe />, {
      route: "/list",
    });

    await user.click(screen.getByRole("button"));
    expect(location()).toBe("/list?offset=20");

    await user.click(screen.getByRole("button"));
    expect(location()).toBe("/list");
  });
});
