"""Deletes ended sign-in sessions: `python -m <package>.purge_sessions`.

Revoked and expired sessions, with their refresh tokens, are kept until this runs
(so a reused token is recognised while its session lives); run it daily from a
scheduler (cron, a Kubernetes CronJob). Exit status: 0 done, 2 bad settings,
3 the database could not be reached.
"""

import asyncio
import sys

from .errors import DependencyUnavailableError
from .logging import configure_logging
from .resources import open_resources
from .server import load_settings


async def purge() -> None:
    settings = load_settings()
    configure_logging(level=settings.log_level, log_format=settings.log_format)
    try:
        async with open_resources(settings) as resources:
            deleted = await resources.services.auth.purge_ended_sessions()
    except DependencyUnavailableError as error:
        print(f"purge_sessions: {error}", file=sys.stderr)
        raise SystemExit(3) from None
    print(f"purge_sessions: {deleted} ended sessions deleted", file=sys.stderr)


def main() -> None:
    asyncio.run(purge())


if __name__ == "__main__":
    main()
