"""Items in the database: the one place their queries are written."""

import uuid
from typing import Any

from sqlalchemy import Select, UnaryExpression, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..models import Item
from ..models.item import ItemQuery, ItemSort
from ..models.page import Page, PageRequest

ORDER_BY: dict[ItemSort, tuple[UnaryExpression[Any], ...]] = {
    ItemSort.CREATED_AT: (Item.created_at.asc(), Item.id.asc()),
    ItemSort.CREATED_AT_DESC: (Item.created_at.desc(), Item.id.desc()),
    ItemSort.TITLE: (Item.title.asc(), Item.id.asc()),
    ItemSort.TITLE_DESC: (Item.title.desc(), Item.id.desc()),
}


def filtered(statement: Select[Item], query: ItemQuery) -> Select[Item]:
    if query.owner_id is not None:
        statement = statement.where(Item.owner_id == query.owner_id)
    if query.status is not None:
        statement = statement.where(Item.status == query.status)
    return statement


def list_statement(query: ItemQuery, page: PageRequest) -> Select[Item]:
    """The page query; public so the index tests can EXPLAIN exactly this."""
    return (
        filtered(select(Item), query)
        .order_by(*ORDER_BY[query.sort])
        .limit(page.limit)
        .offset(page.offset)
    )


def count_statement(query: ItemQuery) -> Select[int]:
    ids = filtered(select(Item), query).with_only_columns(Item.id).subquery()
    return select(func.count()).select_from(ids)


class ItemStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, item: Item) -> None:
        self._session.add(item)
        await self._session.flush()

    async def get(
        self, item_id: uuid.UUID, *, owner_id: uuid.UUID | None
    ) -> Item | None:
        statement = select(Item).where(Item.id == item_id)
        if owner_id is not None:
            statement = statement.where(Item.owner_id == owner_id)
        result = await self._session.scalars(statement)
        return result.one_or_none()

    async def list_page(self, query: ItemQuery, page: PageRequest) -> Page[Item]:
        total = await self._session.scalar(count_statement(query))
        rows = await self._session.scalars(list_statement(query, page))
        return Page(
            items=rows.all(), total=total or 0, limit=page.limit, offset=page.offset
        )

    async def delete(self, item: Item) -> None:
        await self._session.delete(item)
        await self._session.flush()
