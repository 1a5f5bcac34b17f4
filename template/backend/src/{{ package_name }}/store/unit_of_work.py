"""One database transaction, with the repositories that work inside it."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .auth_sessions import AuthSessionStore
from .items import ItemStore
from .users import UserStore


class SqlUnitOfWork:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self.users = UserStore(session)
        self.auth_sessions = AuthSessionStore(session)
        self.items = ItemStore(session)

    async def commit(self) -> None:
        await self._session.commit()


@asynccontextmanager
async def sql_unit_of_work(
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[SqlUnitOfWork]:
    """Yields a unit of work; whatever it did not commit is rolled back on exit."""
    async with session_factory() as session:
        yield SqlUnitOfWork(session)
