"""A team's own feature survives a template release that grows the template.

Plays the team: renders version 1 (the working tree), adds the orders feature
exactly as the rendered docs say (the example package, its tests and its
migration on the "team" branch, the contract regenerated), migrates a database,
commits; then updates to version 2, which grows the template the way releases
do: a model, a migration on the "template" branch, a permission, each in a file
the template owns. The update must merge without a conflict, leave one head per
migration branch, upgrade the database migrated at version 1, and the project's
whole suite (the team's feature included) must pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.combinations import MATRIX_NAMES
from tests.commands import run
from tests.repositories import commit_all, conflicted, copy_working_tree, render
from tests.repositories import update as update_project
from tests.team_feature import NOX, add_orders_feature, regenerate_contract

PACKAGE_SOURCE = Path("template/backend/src/{{ package_name }}")
PACKAGE = MATRIX_NAMES["package_name"]
NAMES = [f"--data={name}={value}" for name, value in MATRIX_NAMES.items()]
RELEASE_NOTE_MODEL = '''"""Release notes: what version 2 of the template adds."""

import uuid

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .columns import new_id


class ReleaseNote(Base):
    __tablename__ = "release_notes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    text: Mapped[str] = mapped_column(String(200))
'''
RELEASE_NOTE_MIGRATION = '''"""Release notes.

Revision ID: 0099_release_notes
Revises: {{ template_head }}
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0099_release_notes"
down_revision: str | Sequence[str] | None = "{{ template_head }}"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "release_notes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_notes")),
    )


def downgrade() -> None:
    op.drop_table("release_notes")
'''.replace(
    "{{ template_head }}",
    "{{ '0004_file_keys' if e2ee_enabled else '0003_files' "
    "if object_storage == 's3' else '0002_users_sessions_items' }}",
)


def grow_the_template(template: Path) -> None:
    """Version 2: a model, its migration and a permission, in template files."""
    package = template / PACKAGE_SOURCE
    (package / "models" / "release_note.py").write_text(RELEASE_NOTE_MODEL)
    models = package / "models" / "__init__.py.jinja"
    text = models.read_text()
    text = text.replace(
        "from .rate_counter import RateCounter\n",
        "from .rate_counter import RateCounter\n"
        "from .release_note import ReleaseNote\n",
    )
    text = text.replace(
        '    "RefreshToken",\n', '    "RefreshToken",\n    "ReleaseNote",\n'
    )
    models.write_text(text)
    versions = template / "template" / "backend" / "migrations" / "versions"
    (versions / "0099_release_notes.py.jinja").write_text(RELEASE_NOTE_MIGRATION)
    rbac = package / "security" / "rbac.py.jinja"
    rbac.write_text(
        rbac.read_text().replace(
            '    USERS_MANAGE = "users:manage"\n',
            '    USERS_MANAGE = "users:manage"\n    NOTES_READ = "notes:read"\n',
        )
    )


def in_backend(project: Path, *command: str, database: Path) -> str:
    """A command in the project's backend environment, on the team's database."""
    return run(
        ["uv", "run", "--no-sync", *command],
        project / "backend",
        extra_env={"APP_DATABASE_URL": f"sqlite+aiosqlite:///{database}"},
    )


@pytest.fixture(scope="module")
def team_project(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    workdir = tmp_path_factory.mktemp("team-feature")
    template = workdir / "template"
    copy_working_tree(template)
    commit_all(template, "version 1", tag="v1.0.0")
    project = render(template, workdir / "project", *NAMES, "--vcs-ref=v1.0.0")

    add_orders_feature(project)
    regenerate_contract(project)  # syncs backend/.venv too
    database = workdir / "team.db"
    in_backend(project, "alembic", "upgrade", "heads", database=database)
    commit_all(project, "orders")

    grow_the_template(template)
    commit_all(template, "version 2", tag="v2.0.0")
    update_project(project, *NAMES)
    return {"project": project, "database": database}


def test_the_update_merges_without_a_conflict(team_project: dict[str, Path]) -> None:
    project = team_project["project"]
    assert conflicted(project) == []
    assert (project / "backend/migrations/versions/0099_release_notes.py").is_file()


def test_the_teams_files_are_untouched(team_project: dict[str, Path]) -> None:
    project = team_project["project"]
    added = add_orders_feature(project)  # copies the example again: no change
    status = run(["git", "status", "--porcelain", *added], project)
    assert status == ""


def test_the_database_of_version_1_upgrades_to_every_head(
    team_project: dict[str, Path],
) -> None:
    project, database = team_project["project"], team_project["database"]
    run(["uv", "sync", "--quiet"], project / "backend")
    in_backend(project, "alembic", "upgrade", "heads", database=database)
    current = in_backend(project, "alembic", "current", database=database)
    assert "0099_release_notes (head)" in current
    heads = in_backend(project, "alembic", "heads", database=database)
    # Every branch's head: the template's, its rate_limits branch, the team's.
    revisions = [
        {line.split()[0] for line in text.splitlines()} for text in (current, heads)
    ]
    assert revisions[0] == revisions[1]


AUDIT_MODEL = '''"""What happened to orders, for the team's auditors."""

import uuid
from datetime import datetime

from sqlalchemy.orm import Mapped, mapped_column

from ...models.base import Base
from ...models.columns import UtcDateTime, new_id


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    happened_at: Mapped[datetime] = mapped_column(UtcDateTime)
'''


def test_the_teams_next_revision_follows_its_branch(
    team_project: dict[str, Path],
) -> None:
    """A second team feature's models, migrated as the docs say."""
    project, database = team_project["project"], team_project["database"]
    audit = project / "backend" / "src" / PACKAGE / "features" / "audit"
    audit.mkdir()
    (audit / "__init__.py").write_text('"""Audit entries."""\n')
    (audit / "models.py").write_text(AUDIT_MODEL)
    team_migrations = project / "backend" / "migrations" / "team"
    before = set(team_migrations.glob("*.py"))

    run(
        [NOX, "--non-interactive", "-s", "migration", "--", "add audit entries"],
        project,
        extra_env={"APP_DATABASE_URL": f"sqlite+aiosqlite:///{database}"},
    )

    [revision] = set(team_migrations.glob("*.py")) - before
    text = revision.read_text()
    assert 'down_revision: str | Sequence[str] | None = "b12da1db6250"' in text
    # The app's column type as what it stores: the revision imports nothing of
    # the app. The post-write hooks formatted it; the whole suite lints it.
    assert "sa.DateTime(timezone=True)" in text
    assert PACKAGE not in text


def test_a_merge_revision_passes_the_projects_checks(
    team_project: dict[str, Path],
) -> None:
    """Nobody needs one (the branches never fork), but script.py.mako renders
    every revision, merges included, as code that passes ruff, black and mypy."""
    backend = team_project["project"] / "backend"
    try:
        run(
            [
                *("uv", "run", "--no-sync", "alembic", "merge", "heads"),
                *("-m", "merge check", "--rev-id", "merge_check"),
            ],
            backend,
        )
        [merge] = list((backend / "migrations").rglob("merge_check_*.py"))
        text = merge.read_text()
        assert "down_revision: str | Sequence[str] | None = (" in text
        for check in (["ruff", "check"], ["black", "--check"], ["mypy", "--strict"]):
            run(["uv", "run", "--no-sync", *check, str(merge)], backend)
    finally:
        for leftover in (backend / "migrations").rglob("merge_check_*.py"):
            leftover.unlink()


def test_the_updated_project_passes_its_whole_suite(
    team_project: dict[str, Path],
) -> None:
    """One migration head per branch, the team's orders tests and everyone else's."""
    run([NOX, "--non-interactive"], team_project["project"])
