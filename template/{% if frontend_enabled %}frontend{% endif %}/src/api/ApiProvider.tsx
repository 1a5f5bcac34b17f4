import type { ReactNode } from "react";

import type { Api } from "./Api";
import { ApiContext } from "./apiContext";

/** Gives the components below the Api: the adapter in the app, a fake in tests. */
export function ApiProvider({
  api,
  children,
}: {
  api: Api;
  children: ReactNode;
}) {
  return <ApiContext value={api}>{children}</ApiContext>;
}
