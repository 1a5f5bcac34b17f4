import { useState } from "react";
import { useSearchParams } from "react-router";

import type { Role, User } from "../api/Api";
import { asApiError, type ApiError } from "../api/ApiError";
import { useApi } from "../api/useApi";
import { ErrorMessage } from "../components/ErrorMessage";
import { Pagination } from "../components/Pagination";
import { UserList } from "../components/UserList";
import { useLoad } from "../hooks/useLoad";
import { isAdmin } from "../session/permissions";
import { useSession } from "../session/useSession";

const PAGE_SIZE = 20;

/** User management for administrators: roles and deactivation. */
export function AdminUsersPage() {
  const api = useApi();
  const { state } = useSession();
  const currentUserId = state.status === "signed-in" ? state.user.id : "";
  const [params, setParams] = useSearchParams();
  const requested = Number.parseInt(params.get("offset") ?? "", 10);
  const offset =
    Number.isSafeInteger(requested) && requested > 0 ? requested : 0;
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
      <ErrorMessage error={users.error ?? actionError} />
      {users.loading && users.value === undefined && (
        <p role="status">Loading…</p>
      )}
      {users.value !== undefined && (
        <>
          <UserList
            users={users.value.items}
            currentUserId={currentUserId}
            onToggleAdmin={toggleAdmin}
            onDeactivate={(user) => {
              act(api.deactivateUser(user.id));
            }}
          />
          <Pagination
            label="Users"
            total={users.value.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => {
              setParams(next > 0 ? { offset: String(next) } : {});
            }}
          />
        </>
      )}
    </section>
  );
}
