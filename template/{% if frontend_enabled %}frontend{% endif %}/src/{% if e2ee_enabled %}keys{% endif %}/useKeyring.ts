import { use } from "react";

import { KeyringContext, type Keyring } from "./keyringContext";

export function useKeyring(): Keyring {
  const keyring = use(KeyringContext);
  if (keyring === null)
    throw new Error("useKeyring needs a <KeyringProvider>.");
  return keyring;
}
