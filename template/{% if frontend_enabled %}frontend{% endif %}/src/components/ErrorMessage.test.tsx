import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../api/ApiError";
import { ErrorMessage } from "./ErrorMessage";

describe("ErrorMessage", () => {
  it("shows nothing without an error", () => {
    const { container } = render(<ErrorMessage error={null} />);

    expect(container).toBeEmptyDOMElement();
  });

  it("announces the message and the fields the server named", () => {
    const error = new ApiError("invalid", "The request is invalid.", {
      fieldErrors: [{ field: "title", message: "Too long." }],
    });

    render(<ErrorMessage error={error} />);

    expect(screen.getByRole("alert")).toHaveTextContent(
      "The request is invalid.",
    );
    expect(screen.getByText("title: Too long.")).toBeInTheDocument();
  });
});
