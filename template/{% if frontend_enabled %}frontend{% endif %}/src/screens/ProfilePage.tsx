import { useApi } from "../api/useApi";
import { ErrorMessage } from "../components/ErrorMessage";
import { useLoad } from "../hooks/useLoad";

/** The signed-in user, as the server knows them now. */
export function ProfilePage() {
  const api = useApi();
  const me = useLoad("me", () => api.currentUser());
  return (
    <section aria-labelledby="profile-heading">
      <h1 id="profile-heading">Profile</h1>
      <ErrorMessage error={me.error} />
      {me.value === undefined ? (
        me.loading && <p role="status">Loading…</p>
      ) : (
        <dl>
          <dt>E-mail</dt>
          <dd>{me.value.email}</dd>
          <dt>Roles</dt>
          <dd>{me.value.roles.join(", ")}</dd>
          <dt>Member since</dt>
          <dd>
            <time dateTime={me.value.createdAt}>
              {new Date(me.value.createdAt).toLocaleDateString()}
            </time>
          </dd>
        </dl>
      )}
    </section>
  );
}
