"""Request and response bodies shared by several REST features.

Requests refuse unknown fields, so a typo or an injected field (say, "roles" on
registration) fails loudly instead of being ignored, and text no database or
hasher can take (storable_text.py).
"""

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from ...models.page import MAX_OFFSET, MAX_PAGE_SIZE, Page
from ...storable_text import UNSTORABLE_TEXT_MESSAGE, holds_unstorable_text


class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    @model_validator(mode="before")
    @classmethod
    def refuse_unstorable_text(cls, data: Any) -> Any:
        """NUL or an unpaired surrogate anywhere in the body: 422, before any work."""
        if holds_unstorable_text(data):
            raise ValueError(UNSTORABLE_TEXT_MESSAGE)
        return data


class ResponseBody(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorDetail(BaseModel):
    field: str
    message: str


class Error(BaseModel):
    code: str
    message: str
    request_id: str | None
    details: list[ErrorDetail] | None = None


class ErrorEnvelope(BaseModel):
    """The body of every error response."""

    error: Error


class UserResponse(ResponseBody):
    id: uuid.UUID
    email: str
    roles: list[str]
    is_active: bool
    created_at: datetime


class PageInfo(BaseModel):
    total: int
    limit: int
    offset: int

    @classmethod
    def of(cls, page: Page[Any]) -> "PageInfo":
        return cls(total=page.total, limit=page.limit, offset=page.offset)


PAGE_LIMIT_BOUNDS = {"ge": 1, "le": MAX_PAGE_SIZE}
PAGE_OFFSET_BOUNDS = {"ge": 0, "le": MAX_OFFSET}


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI entries saying these statuses answer with the error envelope."""
    return {status: {"model": ErrorEnvelope} for status in statuses}
