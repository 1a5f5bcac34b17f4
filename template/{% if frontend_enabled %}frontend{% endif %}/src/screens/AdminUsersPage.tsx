import { useState } from "react";

import type { Role, User } from "../api/Api";
import { asApiError, type ApiError } from "../api/ApiError";
import { useApi } from "../api/useApi";
import { PagedResults } from "../components/PagedResults";
import { UserList } from "../components/UserList";
import { useLoad } from "../hooks/useLoad";
import { useOffsetParam } from "../hooks/useOffsetParam";
import { isAdmin } from "../session/permissions";
import { useSession } from "../session/useSession";

const PAGE_SIZE = 20;

/** User management for administrators: roles and deactivation. */
export function AdminUsersPage() {
  const api = useApi();
  const { state } = useSession();
  const currentUserId = state.status === "signed-in" ? state.user.id : "";
  const [offset, setOffset] = useOffsetParam();
  const users = useLoad(String(offset), () =>
    api.listUsers({ limit: PAGE_SIZE, offset }),
  );
  const [actionError, setActionError] = useState<ApiError | null>(null);

  function act(action: Promise<unknown>) {
    setActionError(null);
    action.then(users.reload, (error: unknown) => {
      setActionError(asApiError(error));
    });
  }

  function toggleAdmin(user: User) {
    const roles: Role[] = isAdmin(user) ? ["member"] : ["admin", "member"];
    act(api.setRoles(user.id, roles));
  }

  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      <PagedResults
        label="Users"
        results={users}
        actionError={actionError}
        limit={PAGE_SIZE}
        offset={offset}
        onOffsetChange={setOffset}
      >
        {(page) => (
          <UserList
            users={page}
            currentUserId={currentUserId}
            onToggleAdmin={toggleAdmin}
            onDeactivate={(user) => {
              act(api.deactivateUser(user.id));
            }}
          />
        )}
      </PagedResults>
    </section>
  );
}
