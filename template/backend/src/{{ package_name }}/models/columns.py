"""Column types and defaults shared by every model, portable across databases."""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator


def new_id() -> uuid.UUID:
    # Random ids: they reveal neither how many rows exist nor which came first.
    return uuid.uuid4()


def utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Stores timezone-aware UTC datetimes and always returns them aware.

    SQLite keeps no time zone, so values come back naive there; this type makes both
    databases hand services the same kind of value, and refuses naive input.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("UtcDateTime needs a timezone-aware datetime")
        utc_value = value.astimezone(UTC)
        # SQLite stores text: without a zone, every value sorts and compares as UTC.
        return utc_value.replace(tzinfo=None) if dialect.name == "sqlite" else utc_value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        result: datetime = value
        if result.tzinfo is None:
            return result.replace(tzinfo=UTC)
        return result.astimezone(UTC)
