import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { FakeApi } from "../test/FakeApi";
import { ApiProvider } from "./ApiProvider";
import { useApi } from "./useApi";

function Probe({ expected }: { expected: unknown }) {
  return <p>{useApi() === expected ? "same api" : "other api"}</p>;
}

describe("ApiProvider", () => {
  it("gives its Api to the components below it", () => {
    const api = new FakeApi();

    render(
      <ApiProvider api={api}>
        <Probe expected={api} />
      </ApiProvider>,
    );

    expect(screen.getByText("same api")).toBeInTheDocument();
  });

  it("is required by useApi", () => {
    expect(() => render(<Probe expected={null} />)).toThrow(/ApiProvider/);
  });
});
