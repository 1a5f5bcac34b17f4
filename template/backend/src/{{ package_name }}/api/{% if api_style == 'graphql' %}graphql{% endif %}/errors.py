"""Every GraphQL error in the envelope's terms: code, message and request id.

Domain errors keep their safe message and get their code; errors the query itself
caused (syntax, validation, limits) are BAD_USER_INPUT; an unreachable dependency
(database, object store) is SERVICE_UNAVAILABLE, worth a retry; anything else is
masked as INTERNAL. Details go to the log only, never to the client.
"""

import re
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from ...errors import (
    DependencyUnavailableError,
    DomainError,
    ErrorCode,
    RateLimitedError,
)
from ...logging import get_logger
from ...middleware.request_context import current_request_id
from ..errors import MESSAGE_BY_CODE, RETRY_AFTER_SECONDS

INTERNAL_MESSAGE = "An internal error occurred."
# The same words as REST's 503: which dependency failed is for the log only.
UNAVAILABLE_MESSAGE = MESSAGE_BY_CODE[ErrorCode.SERVICE_UNAVAILABLE]
logger = get_logger(__name__)
# Validation quotes a whole input object literal ("..., found: {email: ...,
# password: ...}"): a password sent with a misspelt or extra field would come back.
_QUOTED_INPUT = re.compile(r",? [Ff]ound: .*", re.DOTALL)
# "Did you mean 'limit'?" names arguments, enum values, input fields and types.
_SUGGESTION = re.compile(r" ?Did you mean .*?\?")


def is_invalid_variable(error: GraphQLError) -> bool:
    """A variable the request sent that does not fit its declared type.

    Raised while coercing the variables, before any resolver ran: the caller's
    fault, and its message quotes the value (which may be a password).
    """
    return error.path is None and isinstance(error.original_error, GraphQLError)


def invalid_variable_message(error: GraphQLError) -> str:
    variable, found, _ = error.message.partition(" has invalid value")
    return f"{variable} has an invalid value." if found else "A variable is invalid."


def without_quoted_input(message: str) -> str:
    kept = _QUOTED_INPUT.sub("", message)
    return kept if kept.endswith((".", "?")) else kept + "."


def envelope_error(
    error: GraphQLError, *, hide_suggestions: bool = False
) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DomainError):
        code, message = original.code, original.message
    elif original is None:
        code, message = ErrorCode.BAD_USER_INPUT, without_quoted_input(error.message)
        if hide_suggestions:
            message = _SUGGESTION.sub("", message)
    elif is_invalid_variable(error):
        code, message = ErrorCode.BAD_USER_INPUT, invalid_variable_message(error)
    elif isinstance(original, DependencyUnavailableError):
        code, message = ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE
    else:
        code, message = ErrorCode.INTERNAL, INTERNAL_MESSAGE
    extensions: dict[str, Any] = {
        "code": code.value,
        "request_id": current_request_id(),
    }
    if code is ErrorCode.SERVICE_UNAVAILABLE:
        # What REST says with Retry-After: the answer is HTTP 200 here.
        extensions["retry_after_seconds"] = RETRY_AFTER_SECONDS
    if isinstance(original, RateLimitedError) and original.retry_after_seconds:
        extensions["retry_after_seconds"] = original.retry_after_seconds
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )


def log_if_unexpected(error: GraphQLError) -> None:
    """Logs an error that is not the caller's fault, with its stack trace."""
    original = error.original_error
    if original is None or isinstance(original, DomainError):
        return
    if is_invalid_variable(error):
        return
    path = [str(part) for part in error.path or ()]
    if isinstance(original, DependencyUnavailableError):
        # An outage, not a bug: the dependency's name says all, without a stack.
        logger.error(
            "dependency_unavailable",
            dependency=original.dependency,
            reason=original.reason,
            path=path,
        )
        return
    logger.error(
        "unhandled_error",
        path=path,
        exc_info=original,
    )


class ErrorEnvelope(SchemaExtension):
    """Rewrites the errors of each result; the schema itself logs nothing.

    With `hide_suggestions` (production), no message suggests names of the schema.
    """

    def __init__(
        self,
        *,
        hide_suggestions: bool = False,
        execution_context: ExecutionContext | None = None,
    ) -> None:
        super().__init__(execution_context=execution_context)
        self.hide_suggestions = hide_suggestions

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            for error in result.errors:
                log_if_unexpected(error)
            result.errors = [
                envelope_error(error, hide_suggestions=self.hide_suggestions)
                for error in result.errors
            ]
