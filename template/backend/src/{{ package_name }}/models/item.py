"""Items: the example resource owned by users; copy its shape for your own."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .columns import UtcDateTime, new_id, utc_now

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 10_000


class ItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class ItemSort(StrEnum):
    """List orders; a leading "-" means descending. The id breaks ties."""

    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    TITLE = "title"
    TITLE_DESC = "-title"


@dataclass(frozen=True)
class ItemQuery:
    """Which items a list shows. owner_id None means everyone's (administrators)."""

    owner_id: uuid.UUID | None
    status: ItemStatus | None = None
    sort: ItemSort = ItemSort.CREATED_AT_DESC


class Item(Base):
    __tablename__ = "items"
    # Every list query filters by owner, then by status, and sorts by one column with
    # the id as a tie-breaker: each index below serves one of those shapes whole, so
    # pages come from the index without sorting (tests/integration checks with
    # EXPLAIN). The leading owner_id also serves the foreign key.
    __table_args__ = (
        Index("ix_items_owner_id_created_at", "owner_id", "created_at", "id"),
        Index("ix_items_owner_id_title", "owner_id", "title", "id"),
        Index(
            "ix_items_owner_id_status_created_at",
            "owner_id",
            "status",
            "created_at",
            "id",
        ),
        # Administrators list everyone's items, newest first.
        Index("ix_items_created_at", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE")
    )
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ItemStatus] = mapped_column(
        Enum(
            ItemStatus,
            native_enum=False,
            length=16,
            values_callable=lambda statuses: [status.value for status in statuses],
        ),
        default=ItemStatus.OPEN,
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
