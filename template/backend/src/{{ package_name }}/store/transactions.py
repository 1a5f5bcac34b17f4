"""What a feature package's unit of work is built on: one session, one commit.

A feature's unit of work subclasses Transaction and adds its repositories
(`self.orders = OrderStore(self.session)`); `units_of_work` turns that class into
the factory its service opens a unit of work with. Whatever a unit of work did
not commit is rolled back when it closes; a connection lost or refused on the way
is DependencyUnavailableError (SERVICE_UNAVAILABLE to clients).
"""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .connection_loss import connection_loss_as_unavailable


class Transaction:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def commit(self) -> None:
        await self.session.commit()


UnitOfWorkT = TypeVar("UnitOfWorkT", bound=Transaction)


def units_of_work(
    session_factory: async_sessionmaker[AsyncSession],
    unit_of_work: Callable[[AsyncSession], UnitOfWorkT],
) -> Callable[[], AbstractAsyncContextManager[UnitOfWorkT]]:
    """A factory of `unit_of_work`s, each on a session of its own."""

    @asynccontextmanager
    async def open_unit_of_work() -> AsyncIterator[UnitOfWorkT]:
        with connection_loss_as_unavailable():
            async with session_factory() as session:
                yield unit_of_work(session)

    return open_unit_of_work
