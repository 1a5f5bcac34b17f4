"""add orders

The first revision of the project's own branch ("team"): it starts from nothing
(down_revision None) and depends on the template's revision that creates
`users`, which its foreign key needs. Made by `nox -s migration -- "add orders"`.

Revision ID: b12da1db6250
Revises:
Create Date: 2026-12-07 22:11:47.084693
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b12da1db6250"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ("team",)
depends_on: str | Sequence[str] | None = "0002_users_sessions_items"


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "OPEN",
                "PAID",
                "CANCELLED",
                name="order_status",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "amount_cents > 0", name=op.f("ck_orders_amount_cents_positive")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_orders_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
    )
    op.create_index(
        "ix_orders_owner_id_created_at",
        "orders",
        ["owner_id", "created_at", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_orders_owner_id_created_at", table_name="orders")
    op.drop_table("orders")
