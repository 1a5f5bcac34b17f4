"""Deletes ended sign-in sessions: `python -m <package>.purge_sessions`.

Revoked and expired sessions, with their refresh tokens, are kept until this runs
(so a reused token is recognised while its session lives), and so are rate-limit
counters whose window has ended; run it daily from a scheduler (cron, a
Kubernetes CronJob). Exit status: 0 done, 2 bad settings, 3 a dependency could
not be reached (commands.py).
"""

from .commands import run_command
from .services.registry import Services


async def purge(services: Services) -> str:
    deleted = await services.auth.purge_ended_sessions()
    counters = await services.rate_limiter.purge_expired()
    return f"{deleted} ended sessions deleted, {counters} expired rate counters"


def main() -> None:
    run_command("purge_sessions", purge)


if __name__ == "__main__":
    main()
