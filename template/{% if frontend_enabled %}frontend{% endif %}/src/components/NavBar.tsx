import { NavLink, useNavigate } from "react-router";

import { isAdmin } from "../session/permissions";
import { useSession } from "../session/useSession";

export function NavBar() {
  const { state, signOut } = useSession();
  const navigate = useNavigate();

  if (state.status !== "signed-in") {
    return (
      <nav aria-label="Main" className="navbar">
        <NavLink to="/login">Sign in</NavLink>
        <NavLink to="/register">Register</NavLink>
      </nav>
    );
  }
  return (
    <nav aria-label="Main" className="navbar">
      <NavLink to="/" end>
        Items
      </NavLink>
      <NavLink to="/profile">Profile</NavLink>
      {isAdmin(state.user) && <NavLink to="/admin/users">Users</NavLink>}
      <span className="who">{state.user.email}</span>
      <button
        type="button"
        onClick={() => {
          void signOut().then(() => navigate("/login"));
        }}
      >
        Sign out
      </button>
    </nav>
  );
}
