"""Creates the first administrator: `python -m <package>.create_admin`.

Credentials come from the environment, never from a default: APP_ADMIN_EMAIL and
APP_ADMIN_PASSWORD (the password must pass the usual policy). Run it once after
the migrations. For an account that already exists the password must be that
account's own: it is then made an administrator (and reactivated), keeping its
password. Exit status: 0 done, 2 bad input, 3 the database could not be reached.
"""

import asyncio
import os
import sys

from .errors import DependencyUnavailableError, DomainError
from .logging import configure_logging
from .resources import open_resources
from .server import load_settings

EMAIL_VARIABLE = "APP_ADMIN_EMAIL"
PASSWORD_VARIABLE = "APP_ADMIN_PASSWORD"  # noqa: S105 (a variable's name)
CHANGE_MESSAGES = {
    "created": "created",
    "promoted": "granted the administrator role",
    "reactivated": "reactivated",
    "unchanged": "is already an active administrator",
}


def fail(message: str, status: int) -> None:
    print(f"create_admin: {message}", file=sys.stderr)
    raise SystemExit(status)


async def ensure_admin(email: str, password: str) -> None:
    settings = load_settings()
    configure_logging(level=settings.log_level, log_format=settings.log_format)
    try:
        async with open_resources(settings) as resources:
            outcome = await resources.services.users.ensure_admin(
                email=email, password=password
            )
    except DomainError as error:
        fail(error.message, 2)
    except DependencyUnavailableError as error:
        fail(str(error), 3)
    else:
        message = CHANGE_MESSAGES[outcome.change]
        print(f"create_admin: {outcome.user.email} {message}", file=sys.stderr)


def main() -> None:
    email = os.environ.get(EMAIL_VARIABLE, "")
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if not email or not password:
        fail(f"set {EMAIL_VARIABLE} and {PASSWORD_VARIABLE}", 2)
    asyncio.run(ensure_admin(email, password))


if __name__ == "__main__":
    main()
