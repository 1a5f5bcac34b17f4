"""Bounded retries for requests that are safe to repeat (reads), never silent.

Only reads are retried: a repeated upload or share could act twice. A retry
waits with exponential backoff (or the server's Retry-After, capped), is logged
as a warning, and when the attempts run out the last failure is raised with how
many were made.
"""

import logging
import time
from collections.abc import Callable
from typing import TypeVar

import httpx

from .errors import TransferError

T = TypeVar("T")
ATTEMPTS = 3
FIRST_DELAY_SECONDS = 0.5
MAX_DELAY_SECONDS = 10.0
RETRYABLE_STATUSES = frozenset({502, 503, 504})
logger = logging.getLogger(__name__)


class RetryableError(Exception):
    """An answer worth another try: a gateway error or an unavailable dependency."""

    def __init__(self, reason: str, *, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


def check_retryable(response: httpx.Response) -> None:
    """Raises RetryableError for 502/503/504, so `with_retries` tries again."""
    if response.status_code in RETRYABLE_STATUSES:
        raise RetryableError(
            f"HTTP {response.status_code}", retry_after=retry_after_seconds(response)
        )


def with_retries(
    operation: Callable[[], T],
    *,
    what: str,
    attempts: int = ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Runs a safe-to-repeat `operation`, again after a network or 5xx failure."""
    attempt = 1
    while True:
        try:
            return operation()
        except (httpx.TransportError, RetryableError) as error:
            reason = str(error) or type(error).__name__
            if attempt >= attempts:
                raise TransferError(
                    f"{what} failed after {attempts} attempts: {reason}"
                ) from error
            backoff = FIRST_DELAY_SECONDS * 2 ** (attempt - 1)
            retry_after = getattr(error, "retry_after", None)
            delay = min(MAX_DELAY_SECONDS, retry_after or backoff)
            logger.warning(
                "%s failed (%s); attempt %d of %d in %.1fs",
                what,
                reason,
                attempt + 1,
                attempts,
                delay,
            )
            sleep(delay)
            attempt += 1
