"""An order: owned by the member who placed it; amounts in cents, never floats."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from ...models.base import Base
from ...models.columns import UtcDateTime, new_id

MAX_AMOUNT_CENTS = 100_000_000


class OrderStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    CANCELLED = "cancelled"


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_cents_positive"),
        # A member's orders, newest first; the owner_id also serves the key.
        Index("ix_orders_owner_id_created_at", "owner_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE")
    )
    amount_cents: Mapped[int] = mapped_column(Integer)
    status: Mapped[OrderStatus] = mapped_column(
        Enum(OrderStatus, name="order_status", native_enum=False, length=16)
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
