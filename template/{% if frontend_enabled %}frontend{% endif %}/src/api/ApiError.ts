/** Why a call failed, in the terms a screen acts on. */
export type ApiErrorKind =
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "invalid"
  | "rate-limited"
  | "unavailable"
  | "network"
  | "unexpected";

export interface FieldError {
  field: string;
  message: string;
}

const KIND_BY_CODE: Readonly<Record<string, ApiErrorKind>> = {
  BAD_REQUEST: "invalid",
  BAD_USER_INPUT: "invalid",
  UNAUTHENTICATED: "unauthenticated",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not-found",
  CONFLICT: "conflict",
  REQUEST_TOO_LARGE: "invalid",
  UNSUPPORTED_MEDIA_TYPE: "invalid",
  RATE_LIMITED: "rate-limited",
  SERVICE_UNAVAILABLE: "unavailable",
};

const KIND_BY_STATUS: Readonly<Record<number, ApiErrorKind>> = {
  400: "invalid",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "invalid",
  415: "invalid",
  422: "invalid",
  429: "rate-limited",
  502: "unavailable",
  503: "unavailable",
  504: "unavailable",
};

const FALLBACK_MESSAGES: Readonly<Record<ApiErrorKind, string>> = {
  unauthenticated: "Please sign in again.",
  forbidden: "You are not allowed to do that.",
  "not-found": "It no longer exists.",
  conflict: "That conflicts with the current state.",
  invalid: "Please check what you entered.",
  "rate-limited": "Too many attempts: wait a moment and try again.",
  unavailable: "The service is unavailable: try again in a moment.",
  network: "The service could not be reached: check your connection.",
  unexpected: "Something went wrong.",
};

/**
 * A failed API call. `message` is safe to show: the server's own message (its
 * envelope promises that) or one of ours; screens render it as text only.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly requestId: string | null;
  readonly fieldErrors: readonly FieldError[];

  constructor(
    kind: ApiErrorKind,
    message?: string,
    options: {
      requestId?: string | null;
      fieldErrors?: readonly FieldError[];
      cause?: unknown;
    } = {},
  ) {
    super(message ?? FALLBACK_MESSAGES[kind], { cause: options.cause });
    this.name = "ApiError";
    this.kind = kind;
    this.requestId = options.requestId ?? null;
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

/** The kind of an error envelope's code (the same codes in REST and GraphQL). */
export function kindOfCode(
  code: string | undefined,
  status?: number,
): ApiErrorKind {
  const byCode = code === undefined ? undefined : KIND_BY_CODE[code];
  if (byCode !== undefined) return byCode;
  const byStatus = status === undefined ? undefined : KIND_BY_STATUS[status];
  return byStatus ?? "unexpected";
}

/** Any thrown value as an ApiError (a fetch that never reached the server is "network"). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TypeError)
    return new ApiError("network", undefined, { cause: error });
  return new ApiError("unexpected", undefined, { cause: error });
}

/** The answer of `call`, or null when the server says there is none (not-found). */
export async function nullWhenNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.kind === "not-found") return null;
    throw error;
  }
}
