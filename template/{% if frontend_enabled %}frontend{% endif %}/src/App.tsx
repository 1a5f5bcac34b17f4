import { Route, Routes } from "react-router";

import { NavBar } from "./components/NavBar";
import { RequireAdmin } from "./components/RequireAdmin";
import { RequireSession } from "./components/RequireSession";
import { AdminUsersPage } from "./screens/AdminUsersPage";
import { ItemsPage } from "./screens/ItemsPage";
import { LoginPage } from "./screens/LoginPage";
import { NotFoundPage } from "./screens/NotFoundPage";
import { ProfilePage } from "./screens/ProfilePage";
import { RegisterPage } from "./screens/RegisterPage";
import { useSession } from "./session/useSession";

/** The screens, once the session of an earlier visit is restored (or not). */
export function App() {
  const { state } = useSession();
  if (state.status === "starting") return <p role="status">Loading…</p>;
  return (
    <>
      <header>
        <NavBar />
      </header>
      <main>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<ItemsPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route
              path="/admin/users"
              element={
                <RequireAdmin>
                  <AdminUsersPage />
                </RequireAdmin>
              }
            />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </>
  );
}
