"""What every maintenance command shares: settings, logs, resources, exit statuses.

A command module (`python -m <package>.purge_sessions`, say) hands its work to
`run_command` as a function of the running services that returns the line to
report. Exit status: 0 done, 2 bad settings or input, 3 a dependency (the
database, the object store) could not be reached.
"""

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import NoReturn

from .config import load_settings
from .errors import DependencyUnavailableError, DomainError
from .logging import configure_logging
from .resources import open_resources
from .services.registry import Services
from .store.schema import SchemaBehindError

EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 3

Action = Callable[[Services], Awaitable[str]]


def fail(command: str, message: str, status: int) -> NoReturn:
    print(f"{command}: {message}", file=sys.stderr)
    raise SystemExit(status)


async def run_action(command: str, action: Action) -> None:
    settings = load_settings()
    configure_logging(level=settings.log_level, log_format=settings.log_format)
    try:
        async with open_resources(settings) as resources:
            report = await action(resources.services)
    except DomainError as error:
        fail(command, error.message, EXIT_BAD_INPUT)
    except (DependencyUnavailableError, SchemaBehindError) as error:
        fail(command, str(error), EXIT_UNAVAILABLE)
    print(f"{command}: {report}", file=sys.stderr)


def run_command(command: str, action: Action) -> None:
    """Runs `action` on the service's resources and exits as documented above."""
    asyncio.run(run_action(command, action))
