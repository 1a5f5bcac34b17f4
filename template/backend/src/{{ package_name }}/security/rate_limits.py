"""Rate limits: how many attempts one subject may make in one window of time.

A limit is written `ATTEMPTS/SECONDS` in settings (`10/900`: ten per fifteen
minutes), so operators tune it without code.
"""

import re
from dataclasses import dataclass

_WRITTEN = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
MAX_WINDOW_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class RateLimit:
    attempts: int
    window_seconds: int

    def __str__(self) -> str:
        return f"{self.attempts}/{self.window_seconds}"


def parse_rate_limit(value: object) -> object:
    """`ATTEMPTS/SECONDS` as a RateLimit; anything else is left to fail validation."""
    if not isinstance(value, str):
        return value
    written = _WRITTEN.fullmatch(value)
    if written is None:
        raise ValueError("must be ATTEMPTS/SECONDS, e.g. 10/900")
    attempts, window_seconds = int(written[1]), int(written[2])
    if attempts < 1:
        raise ValueError("must allow at least 1 attempt")
    if not 1 <= window_seconds <= MAX_WINDOW_SECONDS:
        raise ValueError(f"the window must be 1 to {MAX_WINDOW_SECONDS} seconds")
    return RateLimit(attempts, window_seconds)


@dataclass(frozen=True)
class AccountRateLimits:
    """The limits on signing in and the other operations worth guessing at."""

    sign_in_per_account: RateLimit
    sign_in_per_client: RateLimit
    registration_per_client: RateLimit
    refresh_per_client: RateLimit
    password_change_per_account: RateLimit
