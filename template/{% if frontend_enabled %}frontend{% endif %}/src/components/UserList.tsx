import type { User } from "../api/Api";
import { isAdmin } from "../session/permissions";
import { ConfirmButton } from "./ConfirmButton";

interface UserListProps {
  users: readonly User[];
  /** The signed-in administrator, who may not demote or deactivate themselves. */
  currentUserId: string;
  onToggleAdmin: (user: User) => void;
  onDeactivate: (user: User) => void;
}

export function UserList({
  users,
  currentUserId,
  onToggleAdmin,
  onDeactivate,
}: UserListProps) {
  return (
    <table className="users">
      <thead>
        <tr>
          <th scope="col">E-mail</th>
          <th scope="col">Roles</th>
          <th scope="col">Active</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const self = user.id === currentUserId;
          return (
            <tr key={user.id}>
              <td>
                {user.email}
                {self && " (you)"}
              </td>
              <td>{user.roles.join(", ")}</td>
              <td>{user.isActive ? "Yes" : "No"}</td>
              <td>
                <div className="actions">
                  <button
                    type="button"
                    disabled={self || !user.isActive}
                    aria-label={`${isAdmin(user) ? "Remove admin from" : "Make admin"} ${user.email}`}
                    onClick={() => {
                      onToggleAdmin(user);
                    }}
                  >
                    {isAdmin(user) ? "Remove admin" : "Make admin"}
                  </button>
                  <ConfirmButton
                    label={`Deactivate ${user.email}`}
                    confirmLabel="Yes, deactivate"
                    disabled={self || !user.isActive}
                    onConfirm={() => {
                      onDeactivate(user);
                    }}
                  >
                    Deactivate
                  </ConfirmButton>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
