import { useMemo, useState, type ReactNode } from "react";

import { useSession } from "../session/useSession";
import {
  KeyringContext,
  type Keyring,
  type UnlockedKey,
} from "./keyringContext";

/**
 * Holds the unlocked key in memory for as long as the same user stays signed in
 * in this tab: signing out (even to sign in again) or in as someone else forgets
 * it, and so does a reload. Nothing of it reaches storage, where injected script could read it.
 */
export function KeyringProvider({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const userId = state.status === "signed-in" ? state.user.id : null;
  const [held, setHeld] = useState<{ userId: string; key: UnlockedKey } | null>(
    null,
  );
  // Dropped (not only hidden) once its user is not the one signed in: signing
  // out and back in, in the same tab, needs the passphrase again.
  if (held !== null && held.userId !== userId) setHeld(null);
  const keyring = useMemo<Keyring>(
    () => ({
      unlocked: held !== null && held.userId === userId ? held.key : null,
      unlock: (key) => {
        setHeld(userId === null ? null : { userId, key });
      },
    }),
    [held, userId],
  );
  return <KeyringContext value={keyring}>{children}</KeyringContext>;
}
