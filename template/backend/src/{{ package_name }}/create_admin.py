"""Creates the first administrator: `python -m <package>.create_admin`.

Credentials come from the environment, never from a default: APP_ADMIN_EMAIL and
APP_ADMIN_PASSWORD (the password must pass the usual policy). Run it once after
the migrations. For an account that already exists the password must be that
account's own: it is then made an administrator (and reactivated), keeping its
password. Exit status: 0 done, 2 bad input, 3 the database could not be reached.
"""

import os
from functools import partial

from .commands import EXIT_BAD_INPUT, fail, run_command
from .services.registry import Services

COMMAND = "create_admin"
EMAIL_VARIABLE = "APP_ADMIN_EMAIL"
PASSWORD_VARIABLE = "APP_ADMIN_PASSWORD"  # noqa: S105 (a variable's name)
CHANGE_MESSAGES = {
    "created": "created",
    "promoted": "granted the administrator role",
    "reactivated": "reactivated",
    "unchanged": "is already an active administrator",
}


async def ensure_admin(services: Services, *, email: str, password: str) -> str:
    outcome = await services.users.ensure_admin(email=email, password=password)
    return f"{outcome.user.email} {CHANGE_MESSAGES[outcome.change]}"


def main() -> None:
    email = os.environ.get(EMAIL_VARIABLE, "")
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if not email or not password:
        fail(COMMAND, f"set {EMAIL_VARIABLE} and {PASSWORD_VARIABLE}", EXIT_BAD_INPUT)
    run_command(COMMAND, partial(ensure_admin, email=email, password=password))


if __name__ == "__main__":
    main()
