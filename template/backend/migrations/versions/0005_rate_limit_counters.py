"""Rate limits: attempt counters shared by every instance of the service.

A branch of its own ("rate_limits"), not the next revision on "template": that
line ends with revisions that options add (files, encryption), and one that every
project gets must not sit after them, or a project that turns an option on later
would find that option's revision inserted into history it already applied.

Revision ID: 0005_rate_limit_counters
Revises:
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_rate_limit_counters"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = ("rate_limits",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("window_ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_counters")),
    )
    op.create_index(
        op.f("ix_rate_limit_counters_window_ends_at"),
        "rate_limit_counters",
        ["window_ends_at"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_rate_limit_counters_window_ends_at"),
        table_name="rate_limit_counters",
    )
    op.drop_table("rate_limit_counters")
