"""One mapping from every failure to the error envelope and its HTTP status."""

from collections.abc import Mapping
from typing import cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import (
    DependencyUnavailableError,
    DomainError,
    ErrorCode,
    RateLimitedError,
    error_envelope,
)
from ..logging import get_logger
from ..middleware.request_context import current_request_id

logger = get_logger(__name__)

STATUS_BY_CODE: dict[ErrorCode, int] = {
    ErrorCode.BAD_REQUEST: 400,
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.CONFLICT: 409,
    ErrorCode.REQUEST_TOO_LARGE: 413,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE: 415,
    ErrorCode.BAD_USER_INPUT: 422,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.INTERNAL: 500,
    ErrorCode.SERVICE_UNAVAILABLE: 503,
}
CODE_BY_STATUS = {status: code for code, status in STATUS_BY_CODE.items()}
# Messages for framework errors, so clients never see framework wording change.
MESSAGE_BY_CODE = {
    ErrorCode.NOT_FOUND: "No resource matches this path.",
    ErrorCode.METHOD_NOT_ALLOWED: "This method is not allowed on this path.",
    ErrorCode.BAD_USER_INPUT: "The request is not valid.",
    ErrorCode.SERVICE_UNAVAILABLE: "A dependency is unavailable; try again shortly.",
}
# Seconds a client should wait before retrying after a 503.
RETRY_AFTER_SECONDS = 5


def envelope_response(
    code: ErrorCode,
    message: str,
    *,
    details: list[dict[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
    status: int | None = None,
) -> JSONResponse:
    return JSONResponse(
        status_code=status or STATUS_BY_CODE[code],
        content=error_envelope(code, message, current_request_id(), details),
        headers=headers,
    )


async def handle_domain_error(_request: Request, error: Exception) -> JSONResponse:
    domain_error = cast(DomainError, error)  # registered for DomainError only
    return envelope_response(
        domain_error.code, domain_error.message, headers=headers_for(domain_error)
    )


def headers_for(error: DomainError) -> dict[str, str] | None:
    # RFC 6750: a 401 names the scheme the client should authenticate with.
    if error.code is ErrorCode.UNAUTHENTICATED:
        return {"WWW-Authenticate": "Bearer"}
    # RFC 6585: a 429 may say when to try again.
    if isinstance(error, RateLimitedError) and error.retry_after_seconds:
        return {"Retry-After": str(error.retry_after_seconds)}
    return None


async def handle_http_error(_request: Request, error: Exception) -> JSONResponse:
    http_error = cast(HTTPException, error)  # registered for HTTPException only
    code = CODE_BY_STATUS.get(http_error.status_code, ErrorCode.BAD_REQUEST)
    message = MESSAGE_BY_CODE.get(code) or str(http_error.detail)
    return envelope_response(
        code, message, headers=http_error.headers, status=http_error.status_code
    )


async def handle_validation_error(_request: Request, error: Exception) -> JSONResponse:
    invalid = cast(RequestValidationError, error)  # registered for it only
    # Field and reason only: the rejected input may be a secret and is never echoed.
    details = [
        {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
        for item in invalid.errors()
    ]
    code = ErrorCode.BAD_USER_INPUT
    return envelope_response(code, MESSAGE_BY_CODE[code], details=details)


async def handle_dependency_error(_request: Request, error: Exception) -> JSONResponse:
    unavailable = cast(DependencyUnavailableError, error)  # registered for it only
    # Which dependency failed is for operators (the log), not for clients.
    logger.error(
        "dependency_unavailable",
        dependency=unavailable.dependency,
        reason=unavailable.reason,
    )
    code = ErrorCode.SERVICE_UNAVAILABLE
    return envelope_response(
        code,
        MESSAGE_BY_CODE[code],
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, handle_domain_error)
    app.add_exception_handler(DependencyUnavailableError, handle_dependency_error)
    app.add_exception_handler(HTTPException, handle_http_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
