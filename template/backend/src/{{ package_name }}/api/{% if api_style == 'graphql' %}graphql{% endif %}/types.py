"""The GraphQL types: read models of the domain, and the inputs operations take."""

import uuid
from datetime import datetime
from typing import Any, Self

import strawberry

from ...models import Item, ItemStatus, User
from ...models.item import ItemSort
from ...models.page import Page
from ...security.rbac import Role
from ...services.auth_service import TokenPair
from .context import Context

# The domain's enums, exposed under their own names.
strawberry.enum(ItemStatus, name="ItemStatus")
strawberry.enum(ItemSort, name="ItemSort")
strawberry.enum(Role, name="Role")


@strawberry.type(name="User")
class UserType:
    id: uuid.UUID
    email: str
    roles: list[str]
    is_active: bool
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> Self:
        return cls(
            id=user.id,
            email=user.email,
            roles=list(user.roles),
            is_active=user.is_active,
            created_at=user.created_at,
        )


async def resolve_owner(root: "ItemType", info: Context) -> UserType | None:
    # Through the request's DataLoader: a page of items costs one owner query.
    user = await info.context.users_by_id.load(root.owner_id)
    return UserType.of(user) if user is not None else None


@strawberry.type(name="Item")
class ItemType:
    id: uuid.UUID
    owner_id: uuid.UUID
    title: str
    description: str
    status: ItemStatus
    created_at: datetime
    updated_at: datetime

    owner: UserType | None = strawberry.field(
        resolver=resolve_owner,
        description="The owner, when the caller may see them.",
    )

    @classmethod
    def of(cls, item: Item) -> Self:
        return cls(
            id=item.id,
            owner_id=item.owner_id,
            title=item.title,
            description=item.description,
            status=item.status,
            created_at=item.created_at,
            updated_at=item.updated_at,
        )


@strawberry.type(name="PageInfo")
class PageInfoType:
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, page: Page[Any]) -> Self:
        return cls(total=page.total, limit=page.limit, offset=page.offset)


@strawberry.type(name="UserPage")
class UserPageType:
    items: list[UserType]
    page: PageInfoType


@strawberry.type(name="ItemPage")
class ItemPageType:
    items: list[ItemType]
    page: PageInfoType


@strawberry.type(name="TokenPair")
class TokenPairType:
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int = strawberry.field(
        description="Seconds until the access token expires."
    )

    @classmethod
    def of(cls, pair: TokenPair) -> Self:
        return cls(
            access_token=pair.access_token,
            refresh_token=pair.refresh_token,
            token_type="bearer",  # noqa: S106 (the scheme's name)
            expires_in=pair.expires_in_seconds,
        )


@strawberry.input
class CredentialsInput:
    email: str
    password: str


@strawberry.input
class ItemCreateInput:
    title: str
    description: str = ""
    status: ItemStatus = ItemStatus.OPEN


@strawberry.input(description="Fields left out (or null) keep their values.")
class ItemUpdateInput:
    title: str | None = None
    description: str | None = None
    status: ItemStatus | None = None
