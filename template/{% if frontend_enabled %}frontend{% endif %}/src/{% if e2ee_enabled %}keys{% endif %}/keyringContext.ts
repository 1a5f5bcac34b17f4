import { createContext } from "react";

/** The signed-in user's key, unlocked in this tab. */
export interface UnlockedKey {
  /** The secret key: in memory only, never stored, never sent. */
  identity: string;
  recipient: string;
}

export interface Keyring {
  /** The key unlocked in this tab, or null. */
  unlocked: UnlockedKey | null;
  unlock: (key: UnlockedKey) => void;
}

export const KeyringContext = createContext<Keyring | null>(null);
