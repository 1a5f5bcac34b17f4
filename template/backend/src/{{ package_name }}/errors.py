"""Domain errors and the one error envelope every failure is reported in.

Services raise these errors; the API layer maps each code to its transport's status.
The envelope is `{"error": {"code", "message", "request_id"}}`, with an optional
`details` list for input errors. It never carries stack traces, SQL or input values.
"""

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    BAD_REQUEST = "BAD_REQUEST"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    CONFLICT = "CONFLICT"
    REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    RATE_LIMITED = "RATE_LIMITED"
    INTERNAL = "INTERNAL"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"


class DomainError(Exception):
    """A failure the caller can act on; its message is safe to show to clients."""

    code: ErrorCode = ErrorCode.BAD_REQUEST

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(DomainError):
    code = ErrorCode.NOT_FOUND


class ConflictError(DomainError):
    code = ErrorCode.CONFLICT


class PermissionDeniedError(DomainError):
    code = ErrorCode.FORBIDDEN


class AuthenticationError(DomainError):
    code = ErrorCode.UNAUTHENTICATED


class InvalidInputError(DomainError):
    code = ErrorCode.BAD_USER_INPUT


class RateLimitedError(DomainError):
    code = ErrorCode.RATE_LIMITED

    def __init__(self, message: str, *, retry_after_seconds: int | None = None) -> None:
        super().__init__(message)
        # When the client may try again; None when waiting would not help.
        self.retry_after_seconds = retry_after_seconds


class DependencyUnavailableError(Exception):
    """A dependency (database, object store) could not be reached; not client-safe."""

    def __init__(self, dependency: str, reason: str) -> None:
        super().__init__(f"{dependency} is unavailable: {reason}")
        self.dependency = dependency
        # What failed, for the log (an exception's type name, a status), never data.
        self.reason = reason


def error_envelope(
    code: ErrorCode,
    message: str,
    request_id: str | None,
    details: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "code": code.value,
        "message": message,
        "request_id": request_id,
    }
    if details:
        error["details"] = details
    return {"error": error}
