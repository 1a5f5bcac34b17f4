// What every REST call does with its answer: the body of a success, or the
// error envelope as an ApiError.
import { ApiError, asApiError, kindOfCode, type FieldError } from "../ApiError";

/** What openapi-fetch resolves to. */
export interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function settle<T>(request: Promise<Outcome<T>>): Promise<Outcome<T>> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw asApiError(error);
  }
  if (!outcome.response.ok) throw errorOf(outcome.response, outcome.error);
  return outcome;
}

/** The body of a successful response, or the failure as an ApiError. */
export async function data<T>(request: Promise<Outcome<T>>): Promise<T> {
  const outcome = await settle(request);
  if (outcome.data === undefined) {
    throw new ApiError("unexpected", "The service sent an empty answer.");
  }
  return outcome.data;
}

export async function noContent(
  request: Promise<Outcome<unknown>>,
): Promise<void> {
  await settle(request);
}

/** The error envelope ({error: {code, message, request_id, details}}) as an ApiError. */
function errorOf(response: Response, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === "string" ? error.code : undefined;
  const message = typeof error.message === "string" ? error.message : undefined;
  const requestId =
    typeof error.request_id === "string"
      ? error.request_id
      : response.headers.get("x-request-id");
  const details = Array.isArray(error.details) ? error.details : [];
  const fieldErrors: FieldError[] = details.filter(
    (detail): detail is FieldError =>
      isRecord(detail) &&
      typeof detail.field === "string" &&
      typeof detail.message === "string",
  );
  return new ApiError(kindOfCode(code, response.status), message, {
    requestId,
    fieldErrors,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
