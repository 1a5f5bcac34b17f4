"""The example resource: items that belong to the user who created them.

The access rule is written once (`Principal.owner_scope`): a principal sees and
changes only their own items unless a `-any` permission widens it. Someone else's
item is reported as missing, so its existence is never revealed.
"""

import uuid
from dataclasses import dataclass

from ..errors import InvalidInputError, NotFoundError
from ..models import Item, ItemStatus
from ..models.item import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, ItemQuery, ItemSort
from ..models.page import Page, PageRequest
from ..security.rbac import Permission, Principal, require
from .pages import checked_page
from .ports import Clock, UnitOfWork, UnitOfWorkFactory

NO_SUCH_ITEM = "No item with this id."


@dataclass(frozen=True)
class ItemChanges:
    """A partial update: None leaves a field as it is."""

    title: str | None = None
    description: str | None = None
    status: ItemStatus | None = None


def checked_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise InvalidInputError("The title must not be empty.")
    if len(title) > TITLE_MAX_LENGTH:
        raise InvalidInputError(
            f"The title must have at most {TITLE_MAX_LENGTH} characters."
        )
    return title


def checked_description(description: str) -> str:
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise InvalidInputError(
            f"The description must have at most {DESCRIPTION_MAX_LENGTH} characters."
        )
    return description


async def _find(uow: UnitOfWork, item_id: uuid.UUID, owner: uuid.UUID | None) -> Item:
    """The item, or NotFoundError: someone else's item looks exactly like none."""
    item = await uow.items.get(item_id, owner_id=owner)
    if item is None:
        raise NotFoundError(NO_SUCH_ITEM)
    return item


class ItemService:
    def __init__(self, *, unit_of_work: UnitOfWorkFactory, clock: Clock) -> None:
        self._unit_of_work = unit_of_work
        self._clock = clock

    async def create(
        self,
        principal: Principal,
        *,
        title: str,
        description: str = "",
        status: ItemStatus = ItemStatus.OPEN,
    ) -> Item:
        require(principal, Permission.ITEMS_WRITE)
        now = self._clock()
        item = Item(
            id=uuid.uuid4(),
            owner_id=principal.user_id,
            title=checked_title(title),
            description=checked_description(description),
            status=ItemStatus(status),
            created_at=now,
            updated_at=now,
        )
        async with self._unit_of_work() as uow:
            await uow.items.add(item)
            await uow.commit()
        return item

    async def get(self, principal: Principal, item_id: uuid.UUID) -> Item:
        require(principal, Permission.ITEMS_READ)
        owner = principal.owner_scope(Permission.ITEMS_READ_ANY)
        async with self._unit_of_work() as uow:
            return await _find(uow, item_id, owner)

    async def list_items(
        self,
        principal: Principal,
        page: PageRequest,
        *,
        status: ItemStatus | None = None,
        sort: ItemSort = ItemSort.CREATED_AT_DESC,
    ) -> Page[Item]:
        require(principal, Permission.ITEMS_READ)
        query = ItemQuery(
            owner_id=principal.owner_scope(Permission.ITEMS_READ_ANY),
            status=status,
            sort=sort,
        )
        async with self._unit_of_work() as uow:
            return await uow.items.list_page(query, checked_page(page))

    async def update(
        self, principal: Principal, item_id: uuid.UUID, changes: ItemChanges
    ) -> Item:
        require(principal, Permission.ITEMS_WRITE)
        owner = principal.owner_scope(Permission.ITEMS_WRITE_ANY)
        async with self._unit_of_work() as uow:
            item = await _find(uow, item_id, owner)
            if changes.title is not None:
                item.title = checked_title(changes.title)
            if changes.description is not None:
                item.description = checked_description(changes.description)
            if changes.status is not None:
                item.status = ItemStatus(changes.status)
            item.updated_at = self._clock()
            await uow.commit()
        return item

    async def delete(self, principal: Principal, item_id: uuid.UUID) -> None:
        require(principal, Permission.ITEMS_WRITE)
        owner = principal.owner_scope(Permission.ITEMS_WRITE_ANY)
        async with self._unit_of_work() as uow:
            item = await _find(uow, item_id, owner)
            await uow.items.delete(item)
            await uow.commit()
