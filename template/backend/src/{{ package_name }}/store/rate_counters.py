"""Rate-limit counters in the database: one row per key, one upsert per attempt."""

from datetime import datetime
from typing import cast

from sqlalchemy import Table, case, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ..models.rate_counter import RateCounter
from .connection_loss import connection_loss_as_unavailable

COUNTERS = cast(Table, RateCounter.__table__)


class SqlRateCounters:
    """Each call is a transaction of its own, committed before it returns."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def count(
        self, key: str, *, now: datetime, window_ends_at: datetime
    ) -> tuple[int, datetime]:
        with connection_loss_as_unavailable():
            async with self._session_factory() as session:
                insert = (
                    postgresql.insert(COUNTERS)
                    if session.get_bind().dialect.name == "postgresql"
                    else sqlite.insert(COUNTERS)
                )
                ended = COUNTERS.c.window_ends_at <= now
                # One statement, so concurrent attempts on the key are all counted.
                upsert = (
                    insert.values(key=key, attempts=1, window_ends_at=window_ends_at)
                    .on_conflict_do_update(
                        index_elements=[COUNTERS.c.key],
                        set_={
                            "attempts": case((ended, 1), else_=COUNTERS.c.attempts + 1),
                            "window_ends_at": case(
                                (ended, insert.excluded.window_ends_at),
                                else_=COUNTERS.c.window_ends_at,
                            ),
                        },
                    )
                    .returning(COUNTERS.c.attempts, COUNTERS.c.window_ends_at)
                )
                attempts, ends_at = (await session.execute(upsert)).one()
                await session.commit()
        return attempts, ends_at

    async def reset(self, key: str) -> None:
        with connection_loss_as_unavailable():
            async with self._session_factory() as session:
                await session.execute(delete(COUNTERS).where(COUNTERS.c.key == key))
                await session.commit()

    async def delete_expired(self, *, now: datetime) -> int:
        with connection_loss_as_unavailable():
            async with self._session_factory() as session:
                result = await session.execute(
                    delete(COUNTERS).where(COUNTERS.c.window_ends_at <= now)
                )
                await session.commit()
        deleted: int = result.rowcount  # type: ignore[attr-defined]
        return deleted
