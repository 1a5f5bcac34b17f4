import { use } from "react";

import type { Api } from "./Api";
import { ApiContext } from "./apiContext";

export function useApi(): Api {
  const api = use(ApiContext);
  if (api === null) throw new Error("useApi needs an <ApiProvider>.");
  return api;
}
