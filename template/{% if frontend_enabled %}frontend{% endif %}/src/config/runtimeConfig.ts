/**
 * What the page learns at start from /config.json: the static server writes it
 * from its environment (API_ORIGIN), so one build serves every environment.
 * `npm run dev` serves public/config.json instead (same origin, through the proxy).
 */
export interface RuntimeConfig {
  /** "" for this page's own origin, else an origin such as "https://api.example.com". */
  apiOrigin: string;
}

export const RUNTIME_CONFIG_PATH = "/config.json";

/** `value` as a RuntimeConfig; throws when it is not one. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const apiOrigin =
    typeof value === "object" && value !== null && "apiOrigin" in value
      ? value.apiOrigin
      : undefined;
  if (apiOrigin === "") return { apiOrigin };
  if (typeof apiOrigin === "string" && URL.canParse(apiOrigin)) {
    const url = new URL(apiOrigin);
    if (
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.origin === apiOrigin.replace(/\/$/, "")
    ) {
      return { apiOrigin: url.origin };
    }
  }
  throw new Error(
    `${RUNTIME_CONFIG_PATH}: apiOrigin must be "" or an http(s) origin such as "https://api.example.com".`,
  );
}

export async function loadRuntimeConfig(
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  const response = await fetchImpl(RUNTIME_CONFIG_PATH, {
    cache: "no-store",
    credentials: "omit",
  });
  if (!response.ok) {
    throw new Error(
      `${RUNTIME_CONFIG_PATH} answered ${String(response.status)}.`,
    );
  }
  return parseRuntimeConfig(await response.json());
}
