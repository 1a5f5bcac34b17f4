"""The current user, and the administration of users."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, Field

from ...models.page import PageRequest
from ...security.password_policy import MAX_LENGTH as PASSWORD_MAX_LENGTH
from ...security.rbac import Permission, Principal, Role
from ..dependencies import ServicesDep
from .authorization import requires
from .schemas import (
    PAGE_LIMIT_BOUNDS,
    PAGE_OFFSET_BOUNDS,
    PageInfo,
    RequestBody,
    UserResponse,
    error_responses,
)

router = APIRouter(prefix="/users", tags=["users"])


class PasswordChange(RequestBody):
    current_password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)
    new_password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)


class RolesChange(RequestBody):
    roles: list[Role] = Field(min_length=1, max_length=len(Role))


class UserPage(BaseModel):
    items: list[UserResponse]
    page: PageInfo


@router.get("/me", responses=error_responses(401, 403))
async def get_me(
    principal: Annotated[Principal, requires(Permission.PROFILE_READ)],
    services: ServicesDep,
) -> UserResponse:
    """The signed-in user."""
    return UserResponse.model_validate(await services.users.get_me(principal))


@router.put(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 403, 409, 422, 429),
)
async def change_password(
    body: PasswordChange,
    principal: Annotated[Principal, requires(Permission.PROFILE_UPDATE)],
    services: ServicesDep,
) -> None:
    """Sets a new password; every other session of the user ends."""
    await services.auth.change_password(
        principal,
        current_password=body.current_password,
        new_password=body.new_password,
    )


@router.get("", responses=error_responses(401, 403, 422))
async def list_users(
    principal: Annotated[Principal, requires(Permission.USERS_READ)],
    services: ServicesDep,
    limit: Annotated[int, Query(**PAGE_LIMIT_BOUNDS)] = 20,
    offset: Annotated[int, Query(**PAGE_OFFSET_BOUNDS)] = 0,
) -> UserPage:
    """Every user, oldest first (administrators)."""
    page = await services.users.list_users(
        principal, PageRequest(limit=limit, offset=offset)
    )
    return UserPage(
        items=[UserResponse.model_validate(user) for user in page.items],
        page=PageInfo.of(page),
    )


@router.put("/{user_id}/roles", responses=error_responses(401, 403, 404, 409, 422))
async def set_roles(
    user_id: uuid.UUID,
    body: RolesChange,
    principal: Annotated[Principal, requires(Permission.USERS_MANAGE)],
    services: ServicesDep,
) -> UserResponse:
    """Replaces a user's roles (administrators)."""
    user = await services.users.set_roles(principal, user_id, body.roles)
    return UserResponse.model_validate(user)


@router.post(
    "/{user_id}/deactivate", responses=error_responses(401, 403, 404, 409, 422)
)
async def deactivate(
    user_id: uuid.UUID,
    principal: Annotated[Principal, requires(Permission.USERS_MANAGE)],
    services: ServicesDep,
) -> UserResponse:
    """Blocks the user's sign-in and ends their sessions (administrators)."""
    user = await services.users.deactivate(principal, user_id)
    return UserResponse.model_validate(user)
