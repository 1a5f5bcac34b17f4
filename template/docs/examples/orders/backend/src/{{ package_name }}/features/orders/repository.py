"""Orders in the database: the one place their queries are written."""

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from ...models.page import Page, PageRequest
from ...store.transactions import Transaction
from .models import Order


class OrderStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, order: Order) -> None:
        self._session.add(order)
        await self._session.flush()

    async def get(
        self, order_id: uuid.UUID, *, owner_id: uuid.UUID | None
    ) -> Order | None:
        statement = select(Order).where(Order.id == order_id)
        if owner_id is not None:
            statement = statement.where(Order.owner_id == owner_id)
        order: Order | None = await self._session.scalar(statement)
        return order

    async def list_page(
        self, *, owner_id: uuid.UUID | None, page: PageRequest
    ) -> Page[Order]:
        statement = select(Order)
        if owner_id is not None:
            statement = statement.where(Order.owner_id == owner_id)
        rows = await self._session.scalars(
            statement.order_by(Order.created_at.desc(), Order.id.desc())
            .limit(page.limit)
            .offset(page.offset)
        )
        total = await self._session.scalar(
            select(func.count()).select_from(statement.subquery())
        )
        return Page(
            items=list(rows), total=total or 0, limit=page.limit, offset=page.offset
        )


class SqlOrdersUnitOfWork(Transaction):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self.orders = OrderStore(session)
