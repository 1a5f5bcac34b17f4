"""Rate-limit counters in the database: one row per key, one upsert per attempt."""

from datetime import datetime
from typing import cast

from sqlalchemy import Table, case, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ..models.rate_counter import RateCounter
from .transactions import Transaction, units_of_work

COUNTERS = cast(Table, RateCounter.__table__)


class SqlRateCounters:
    """Each call is a transaction of its own, committed before it returns."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        # A connection lost on the way is DependencyUnavailableError, as anywhere.
        self._transaction = units_of_work(session_factory, Transaction)

    async def count(
        self, key: str, *, now: datetime, window_ends_at: datetime
    ) -> tuple[int, datetime]:
        async with self._transaction() as transaction:
            insert = (
                postgresql.insert(COUNTERS)
                if transaction.session.get_bind().dialect.name == "postgresql"
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
            attempts, ends_at = (await transaction.session.execute(upsert)).one()
            await transaction.commit()
        return attempts, ends_at

    async def reset(self, key: str) -> None:
        async with self._transaction() as transaction:
            await transaction.session.execute(
                delete(COUNTERS).where(COUNTERS.c.key == key)
            )
            await transaction.commit()

    async def delete_expired(self, *, now: datetime) -> int:
        async with self._transaction() as transaction:
            result = await transaction.session.execute(
                delete(COUNTERS).where(COUNTERS.c.window_ends_at <= now)
            )
            await transaction.commit()
        deleted: int = result.rowcount  # type: ignore[attr-defined]
        return deleted
