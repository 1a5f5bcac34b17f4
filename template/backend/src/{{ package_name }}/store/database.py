"""The database engine: creation, connecting with bounded retries, the health probe."""

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential_jitter,
)

from ..errors import DependencyUnavailableError
from ..logging import get_logger
from .sqlite import ensure_database_file_exists, prepare_sqlite_engine

logger = get_logger(__name__)

# Errors worth retrying: the server is starting, restarting or briefly unreachable.
TRANSIENT_ERRORS = (OSError, OperationalError, InterfaceError, DBAPIError)


def create_engine(url: str, *, pool_size: int) -> AsyncEngine:
    # pool_pre_ping replaces connections the server closed while they sat idle;
    # hide_parameters keeps bound values (passwords, tokens) out of error messages.
    engine = create_async_engine(
        url, pool_size=pool_size, pool_pre_ping=True, hide_parameters=True
    )
    if engine.dialect.name == "sqlite":
        prepare_sqlite_engine(engine)
    return engine


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: objects stay readable after the unit of work commits.
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    """Raises when the database cannot answer a trivial query."""
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
    if engine.dialect.name == "sqlite":
        ensure_database_file_exists(engine)


def _log_retry(state: RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome else None
    logger.warning(
        "database_connect_retry",
        attempt=state.attempt_number,
        next_wait_seconds=round(state.upcoming_sleep, 2),
        error=type(error).__name__,
    )


async def connect_with_retry(
    engine: AsyncEngine, *, attempts: int, max_backoff_seconds: float
) -> None:
    """Waits for the database with exponential backoff, jitter and a cap.

    Raises DependencyUnavailableError after `attempts` failures, naming the database.
    """
    retrying = AsyncRetrying(
        stop=stop_after_attempt(attempts),
        wait=wait_exponential_jitter(
            multiplier=0.2, max=max_backoff_seconds, jitter=0.5
        ),
        retry=retry_if_exception_type(TRANSIENT_ERRORS),
        before_sleep=_log_retry,
        reraise=True,
    )
    try:
        async for attempt in retrying:
            with attempt:
                await ping(engine)
    except TRANSIENT_ERRORS as error:
        logger.error(
            "database_unavailable", attempts=attempts, error=type(error).__name__
        )
        raise DependencyUnavailableError(
            "database",
            f"no connection after {attempts} attempts ({type(error).__name__})",
        ) from error
