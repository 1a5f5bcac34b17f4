"""Baseline: the empty schema every later migration builds on.

Migrations shipped by the template are history once released: template updates
only ever add new revisions after the ones a project already has. They form the
branch labelled "template"; a project's own revisions form the branch "team"
(in migrations/team/), so neither ever forks the other's history.

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

revision: str = "0001_baseline"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = ("template",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing yet: the first feature adds its tables in the next revision."""


def downgrade() -> None:
    """Nothing to undo."""
