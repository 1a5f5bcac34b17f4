import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { User } from "../api/Api";
import { UserList } from "./UserList";

function user(email: string, changes: Partial<User> = {}): User {
  return {
    id: email,
    email,
    roles: ["member"],
    isActive: true,
    createdAt: "2026-01-01T00:00:00Z",
    ...changes,
  };
}

describe("UserList", () => {
  it("promotes and demotes other users", async () => {
    const actor = userEvent.setup();
    const onToggleAdmin = vi.fn();
    const bob = user("bob@example.com");
    const eve = user("eve@example.com", { roles: ["admin", "member"] });
    render(
      <UserList
        users={[bob, eve]}
        currentUserId="ada@example.com"
        onToggleAdmin={onToggleAdmin}
        onDeactivate={vi.fn()}
      />,
    );

    await actor.click(
      screen.getByRole("button", { name: "Make admin bob@example.com" }),
    );
    await actor.click(
      screen.getByRole("button", {
        name: "Remove admin from eve@example.com",
      }),
    );

    expect(onToggleAdmin.mock.calls).toEqual([[bob], [eve]]);
  });

  it("deactivates once confirmed", async () => {
    const actor = userEvent.setup();
    const onDeactivate = vi.fn();
    const bob = user("bob@example.com");
    render(
      <UserList
        users={[bob]}
        currentUserId="ada@example.com"
        onToggleAdmin={vi.fn()}
        onDeactivate={onDeactivate}
      />,
    );

    await actor.click(
      screen.getByRole("button", { name: "Deactivate bob@example.com" }),
    );
    await actor.click(screen.getByRole("button", { name: "Yes, deactivate" }));

    expect(onDeactivate).toHaveBeenCalledWith(bob);
  });

  it("offers no action on the administrator's own account or on inactive ones", () => {
    render(
      <UserList
        users={[
          user("ada@example.com", { roles: ["admin", "member"] }),
          user("old@example.com", { isActive: false }),
        ]}
        currentUserId="ada@example.com"
        onToggleAdmin={vi.fn()}
        onDeactivate={vi.fn()}
      />,
    );

    expect(screen.getByText(/ada@example.com \(you\)/)).toBeInTheDocument();
    for (const button of screen.getAllByRole("button"))
      expect(button).toBeDisabled();
  });
});
