"""Mutations: thin resolvers that authorise (via `guarded`) and call a service."""

import uuid

import strawberry

from ...security.rbac import Permission, Role
from ...services.item_service import ItemChanges
from .authorization import guarded_mutation
from .context import Context
from .types import (
    CredentialsInput,
    ItemCreateInput,
    ItemType,
    ItemUpdateInput,
    TokenPairType,
    UserType,
)


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def register(self, info: Context, input: CredentialsInput) -> UserType:
        """Creates a member account."""
        info.context.spend_password_check()
        user = await info.context.services.auth.register(
            email=input.email, password=input.password
        )
        return UserType.of(user)

    @strawberry.mutation
    async def login(self, info: Context, input: CredentialsInput) -> TokenPairType:
        """Starts a session: a short-lived access token and a refresh token."""
        info.context.spend_password_check()
        pair = await info.context.services.auth.login(
            email=input.email, password=input.password
        )
        return TokenPairType.of(pair)

    @strawberry.mutation
    async def refresh(self, info: Context, refresh_token: str) -> TokenPairType:
        """Exchanges a refresh token for a new pair; presenting one twice ends
        its session."""
        pair = await info.context.services.auth.refresh(refresh_token=refresh_token)
        return TokenPairType.of(pair)

    @strawberry.mutation
    async def logout(self, info: Context, refresh_token: str) -> bool:
        """Ends the session the refresh token belongs to."""
        await info.context.services.auth.logout(refresh_token=refresh_token)
        return True

    @guarded_mutation(Permission.PROFILE_UPDATE)
    async def change_password(
        self, info: Context, current_password: str, new_password: str
    ) -> bool:
        """Sets a new password; every other session of the user ends."""
        info.context.spend_password_check()
        await info.context.services.auth.change_password(
            await info.context.principal(),
            current_password=current_password,
            new_password=new_password,
        )
        return True

    @guarded_mutation(Permission.USERS_MANAGE)
    async def set_roles(
        self, info: Context, user_id: uuid.UUID, roles: list[Role]
    ) -> UserType:
        """Replaces a user's roles (administrators)."""
        user = await info.context.services.users.set_roles(
            await info.context.principal(), user_id, roles
        )
        return UserType.of(user)

    @guarded_mutation(Permission.USERS_MANAGE)
    async def deactivate_user(self, info: Context, user_id: uuid.UUID) -> UserType:
        """Blocks the user's sign-in and ends their sessions (administrators)."""
        user = await info.context.services.users.deactivate(
            await info.context.principal(), user_id
        )
        return UserType.of(user)

    @guarded_mutation(Permission.ITEMS_WRITE)
    async def create_item(self, info: Context, input: ItemCreateInput) -> ItemType:
        item = await info.context.services.items.create(
            await info.context.principal(),
            title=input.title,
            description=input.description,
            status=input.status,
        )
        return ItemType.of(item)

    @guarded_mutation(Permission.ITEMS_WRITE)
    async def update_item(
        self, info: Context, id: uuid.UUID, input: ItemUpdateInput
    ) -> ItemType:
        """Changes the fields given; others keep their values."""
        changes = ItemChanges(
            title=input.title, description=input.description, status=input.status
        )
        item = await info.context.services.items.update(
            await info.context.principal(), id, changes
        )
        return ItemType.of(item)

    @guarded_mutation(Permission.ITEMS_WRITE)
    async def delete_item(self, info: Context, id: uuid.UUID) -> bool:
        await info.context.services.items.delete(await info.context.principal(), id)
        return True
