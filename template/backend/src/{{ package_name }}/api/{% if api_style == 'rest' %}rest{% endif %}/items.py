"""The example resource: a pattern to copy for a new feature."""

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, Field

from ...models import ItemStatus
from ...models.item import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, ItemSort
from ...models.page import PageRequest
from ...security.rbac import Permission, Principal
from ...services.item_service import ItemChanges
from ..dependencies import ServicesDep
from .authorization import requires
from .schemas import (
    PAGE_LIMIT_BOUNDS,
    PAGE_OFFSET_BOUNDS,
    PageInfo,
    RequestBody,
    ResponseBody,
    error_responses,
)

router = APIRouter(prefix="/items", tags=["items"])


class ItemCreate(RequestBody):
    title: str = Field(min_length=1, max_length=TITLE_MAX_LENGTH)
    description: str = Field(default="", max_length=DESCRIPTION_MAX_LENGTH)
    status: ItemStatus = ItemStatus.OPEN


class ItemUpdate(RequestBody):
    title: str | None = Field(default=None, min_length=1, max_length=TITLE_MAX_LENGTH)
    description: str | None = Field(default=None, max_length=DESCRIPTION_MAX_LENGTH)
    status: ItemStatus | None = None


class ItemResponse(ResponseBody):
    id: uuid.UUID
    owner_id: uuid.UUID
    title: str
    description: str
    status: ItemStatus
    created_at: datetime
    updated_at: datetime


class ItemPage(BaseModel):
    items: list[ItemResponse]
    page: PageInfo


ItemReader = Annotated[Principal, requires(Permission.ITEMS_READ)]
ItemWriter = Annotated[Principal, requires(Permission.ITEMS_WRITE)]


@router.post(
    "", status_code=status.HTTP_201_CREATED, responses=error_responses(401, 403, 422)
)
async def create_item(
    body: ItemCreate, principal: ItemWriter, services: ServicesDep
) -> ItemResponse:
    item = await services.items.create(
        principal, title=body.title, description=body.description, status=body.status
    )
    return ItemResponse.model_validate(item)


@router.get("", responses=error_responses(401, 403, 422))
async def list_items(
    *,
    principal: ItemReader,
    services: ServicesDep,
    limit: Annotated[int, Query(**PAGE_LIMIT_BOUNDS)] = 20,
    offset: Annotated[int, Query(**PAGE_OFFSET_BOUNDS)] = 0,
    status: ItemStatus | None = None,
    sort: ItemSort = ItemSort.CREATED_AT_DESC,
) -> ItemPage:
    """The caller's items (everyone's for administrators), one page at a time."""
    page = await services.items.list_items(
        principal, PageRequest(limit=limit, offset=offset), status=status, sort=sort
    )
    return ItemPage(
        items=[ItemResponse.model_validate(item) for item in page.items],
        page=PageInfo.of(page),
    )


@router.get("/{item_id}", responses=error_responses(401, 403, 404, 422))
async def get_item(
    item_id: uuid.UUID, principal: ItemReader, services: ServicesDep
) -> ItemResponse:
    return ItemResponse.model_validate(await services.items.get(principal, item_id))


@router.patch("/{item_id}", responses=error_responses(401, 403, 404, 422))
async def update_item(
    item_id: uuid.UUID, body: ItemUpdate, principal: ItemWriter, services: ServicesDep
) -> ItemResponse:
    """Changes the fields present in the body; others keep their values."""
    changes = ItemChanges(
        title=body.title, description=body.description, status=body.status
    )
    item = await services.items.update(principal, item_id, changes)
    return ItemResponse.model_validate(item)


@router.delete(
    "/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 403, 404, 422),
)
async def delete_item(
    item_id: uuid.UUID, principal: ItemWriter, services: ServicesDep
) -> None:
    await services.items.delete(principal, item_id)
