"""Dependency health: runs every check concurrently, each bounded by a timeout."""

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from .logging import get_logger

HealthCheck = Callable[[], Awaitable[None]]
logger = get_logger(__name__)


class ExplainedHealthError(Exception):
    """A check's failure whose message is safe to log: it names no secret."""


@dataclass(frozen=True)
class HealthReport:
    """Which dependencies answered; the failure reasons stay in the logs."""

    results: Mapping[str, bool]

    @property
    def healthy(self) -> bool:
        return all(self.results.values())

    @property
    def failed(self) -> list[str]:
        return sorted(name for name, ok in self.results.items() if not ok)


class HealthChecker:
    def __init__(
        self, checks: Mapping[str, HealthCheck], *, timeout_seconds: float
    ) -> None:
        self._checks = dict(checks)
        self._timeout_seconds = timeout_seconds

    async def check(self) -> HealthReport:
        names = list(self._checks)
        outcomes = await asyncio.gather(*(self._run(name) for name in names))
        return HealthReport(results=dict(zip(names, outcomes, strict=True)))

    async def _run(self, name: str) -> bool:
        try:
            await asyncio.wait_for(self._checks[name](), timeout=self._timeout_seconds)
        # Any failure at all means unhealthy; the reason goes to the log.
        except Exception as error:  # noqa: BLE001
            reason = str(error) if isinstance(error, ExplainedHealthError) else None
            logger.warning(
                "health_check_failed",
                dependency=name,
                error=type(error).__name__,
                reason=reason,
            )
            return False
        return True
