import { createContext } from "react";

import type { Api } from "./Api";

export const ApiContext = createContext<Api | null>(null);
