"""Structured logs: one JSON object per line on stdout, with the request context.

Everything goes through the standard library's root logger, so uvicorn's and
SQLAlchemy's records come out in the same format as ours. Values under sensitive
keys are replaced before any record is written.
"""

import logging
import sys
from collections.abc import Mapping
from typing import Any, Literal

import structlog
import structlog.tracebacks
from structlog.types import EventDict, Processor

REDACTED = "[redacted]"
_SENSITIVE_KEY_PARTS = (
    "password",
    "passphrase",
    "secret",
    "token",
    "authorization",
    "cookie",
    "api_key",
    "apikey",
    "credential",
    "private_key",
)


def is_sensitive_key(key: str) -> bool:
    lowered = key.lower().replace("-", "_")
    return any(part in lowered for part in _SENSITIVE_KEY_PARTS)


_MAX_DEPTH = 32


def redact(value: Any, _depth: int = 0) -> Any:
    """A copy of `value` with every sensitive key's value replaced, at any depth.

    Structures nested deeper than any real payload are replaced whole.
    """
    if _depth > _MAX_DEPTH:
        return REDACTED
    if isinstance(value, Mapping):
        return {
            key: REDACTED if is_sensitive_key(str(key)) else redact(item, _depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(item, _depth + 1) for item in value]
    return value


def redact_sensitive_values(
    _logger: Any, _method_name: str, event_dict: EventDict
) -> EventDict:
    redacted: EventDict = redact(event_dict)
    return redacted


_LOGGED_MARK = "_already_logged_with_request_context"


def mark_logged(error: BaseException) -> None:
    """Marks an error whose full report is already logged, so servers skip theirs."""
    setattr(error, _LOGGED_MARK, True)


class SkipAlreadyLoggedErrors(logging.Filter):
    """Drops a server's second report of an error we logged with its request id."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not getattr(error, _LOGGED_MARK, False)


class StdoutHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to sys.stdout as it is at each record, so redirection is honoured."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stdout
        super().emit(record)


# Libraries whose debug output would put secrets in the logs.
SECRET_BEARING_LOGGERS = ("boto3", "botocore", "s3transfer", "urllib3", "sqlalchemy")


def configure_logging(
    *, level: str = "INFO", log_format: Literal["json", "console"] = "json"
) -> None:
    """Route structlog and standard logging to one stdout handler. Idempotent."""
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
        redact_sensitive_values,
    ]
    renderer: Processor = (
        structlog.processors.JSONRenderer()
        if log_format == "json"
        else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            # Frames without their local variables: locals hold request bodies.
            structlog.processors.ExceptionRenderer(
                structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
            ),
            renderer,
        ],
    )
    handler = StdoutHandler()
    handler.setFormatter(formatter)
    handler.addFilter(SkipAlreadyLoggedErrors())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    # uvicorn installs its own handlers; ours replace them, and its access log is
    # replaced by the request-context middleware's (which knows the request id).
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True
    # Their DEBUG records carry signed requests and URLs (signatures, credential
    # scopes) and SQL parameters: at most WARNING, whatever the service's level.
    for name in SECRET_BEARING_LOGGERS:
        quietest = max(logging.getLevelNamesMapping()[level], logging.WARNING)
        logging.getLogger(name).setLevel(quietest)


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    logger: structlog.stdlib.BoundLogger = structlog.stdlib.get_logger(name)
    return logger
