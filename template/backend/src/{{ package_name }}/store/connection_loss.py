"""A database connection lost or refused mid-request, told apart from a bug.

An outage (the server restarting, a network cut, an exhausted pool) is worth a
retry: it becomes DependencyUnavailableError, which both APIs answer with
SERVICE_UNAVAILABLE and a retry delay. Any other database error is a bug and
stays what it is (INTERNAL, with its stack trace in the log).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from ..errors import DependencyUnavailableError

# OSError: refused, reset or timed-out sockets the driver lets through as they are.
CONNECTION_ERRORS = (OSError, InterfaceError, OperationalError, PoolTimeoutError)


def is_connection_loss(error: BaseException) -> bool:
    if isinstance(error, CONNECTION_ERRORS):
        return True
    # The driver saw the connection die and SQLAlchemy discarded it.
    return isinstance(error, DBAPIError) and error.connection_invalidated


@contextmanager
def connection_loss_as_unavailable() -> Iterator[None]:
    try:
        yield
    except Exception as error:
        if not is_connection_loss(error):
            raise
        raise DependencyUnavailableError("database", type(error).__name__) from error
