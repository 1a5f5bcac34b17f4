"""Queries: thin resolvers that authorise (via `guarded`) and call a service."""

import uuid

import strawberry

from ...models.item import ItemSort, ItemStatus
from ...models.page import PageRequest
from ...security.rbac import Permission
from .authorization import guarded_field
from .context import Context
from .types import ItemPageType, ItemType, PageInfoType, UserPageType, UserType


@strawberry.type
class Query:
    @guarded_field(Permission.PROFILE_READ)
    async def me(self, info: Context) -> UserType:
        """The signed-in user."""
        principal = await info.context.principal()
        return UserType.of(await info.context.services.users.get_me(principal))

    @guarded_field(Permission.USERS_READ)
    async def users(
        self, info: Context, limit: int = 20, offset: int = 0
    ) -> UserPageType:
        """Every user, oldest first (administrators)."""
        principal = await info.context.principal()
        page = await info.context.services.users.list_users(
            principal, PageRequest(limit=limit, offset=offset)
        )
        return UserPageType(
            items=[UserType.of(user) for user in page.items],
            page=PageInfoType.of(page),
        )

    @guarded_field(Permission.ITEMS_READ)
    async def item(self, info: Context, id: uuid.UUID) -> ItemType:
        principal = await info.context.principal()
        return ItemType.of(await info.context.services.items.get(principal, id))

    @guarded_field(Permission.ITEMS_READ)
    async def items(
        self,
        info: Context,
        limit: int = 20,
        offset: int = 0,
        status: ItemStatus | None = None,
        sort: ItemSort = ItemSort.CREATED_AT_DESC,
    ) -> ItemPageType:
        """The caller's items (everyone's for administrators), one page at a time."""
        principal = await info.context.principal()
        page = await info.context.services.items.list_items(
            principal, PageRequest(limit=limit, offset=offset), status=status, sort=sort
        )
        return ItemPageType(
            items=[ItemType.of(item) for item in page.items],
            page=PageInfoType.of(page),
        )
