"""Counts attempts per subject in shared counters and refuses those over a limit.

The counters live in the database every instance of the service uses, so a limit
holds across instances and restarts. Subjects (an email address, a client's IP
address, a user id) are stored only as a digest.
"""

import hashlib
import math
from datetime import datetime, timedelta

from ..errors import RateLimitedError
from ..logging import get_logger
from ..security.client_address import current_client_address
from ..security.rate_limits import RateLimit
from .ports import Clock, RateCounters

logger = get_logger(__name__)

TOO_MANY_ATTEMPTS = "Too many attempts; try again later."


def counter_key(action: str, subject: str) -> str:
    # surrogatepass: a hostile subject with a lone surrogate still has a digest.
    digest = hashlib.sha256(subject.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{action}:{digest}"


class RateLimiter:
    def __init__(self, counters: RateCounters, clock: Clock) -> None:
        self._counters = counters
        self._clock = clock

    async def spend(self, limit: RateLimit, *, action: str, subject: str) -> None:
        """Counts one attempt; raises RateLimitedError once the window's are used up.

        The window starts with the subject's first attempt and lasts
        `limit.window_seconds`; refused attempts count too, so hammering on does
        not shorten the wait.
        """
        now = self._clock()
        window_ends_at = now + timedelta(seconds=limit.window_seconds)
        attempts, ends_at = await self._counters.count(
            counter_key(action, subject), now=now, window_ends_at=window_ends_at
        )
        if attempts > limit.attempts:
            logger.warning("rate_limited", action=action, attempts=attempts)
            raise RateLimitedError(
                TOO_MANY_ATTEMPTS, retry_after_seconds=seconds_until(ends_at, now)
            )

    async def spend_per_client(self, limit: RateLimit, *, action: str) -> None:
        """`spend` with the calling client's address; outside a request, nothing."""
        address = current_client_address()
        if address is not None:
            await self.spend(limit, action=action, subject=address)

    async def forgive(self, *, action: str, subject: str) -> None:
        """Forgets the subject's attempts (say, after a successful sign-in)."""
        await self._counters.reset(counter_key(action, subject))

    async def purge_expired(self) -> int:
        """Deletes counters whose window has ended; how many."""
        return await self._counters.delete_expired(now=self._clock())


def seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, math.ceil((moment - now).total_seconds()))
