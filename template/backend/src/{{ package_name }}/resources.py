"""What the running app holds open: the engine, sessions, health checks, services."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from .config import Settings
from .health import HealthChecker
from .services.registry import Services, build_services
from .store.database import (
    connect_with_retry,
    create_engine,
    create_session_factory,
    ping,
)
from .store.unit_of_work import sql_unit_of_work


@dataclass(frozen=True)
class Resources:
    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    health_checker: HealthChecker
    services: Services


@asynccontextmanager
async def open_resources(settings: Settings) -> AsyncIterator[Resources]:
    """Connects to every dependency (with retries) and closes them on exit."""
    engine = create_engine(
        settings.database_url.get_secret_value(), pool_size=settings.database_pool_size
    )
    try:
        await connect_with_retry(
            engine,
            attempts=settings.database_connect_attempts,
            max_backoff_seconds=settings.database_connect_max_backoff_seconds,
        )
        session_factory = create_session_factory(engine)
        yield Resources(
            settings=settings,
            engine=engine,
            session_factory=session_factory,
            health_checker=HealthChecker(
                {"database": partial(ping, engine)},
                timeout_seconds=settings.health_check_timeout_seconds,
            ),
            services=build_services(
                settings, partial(sql_unit_of_work, session_factory)
            ),
        )
    finally:
        await engine.dispose()
