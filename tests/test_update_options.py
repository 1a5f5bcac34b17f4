"""Turning an option on later is a `copier update`, and the team's changes survive.

Each case renders a project with the option's default (and the matrix's names),
makes the team's own changes (its orders feature added as the docs say, with the
contract regenerated, and two edits), updates with `--data <question>=<new
value>`, and checks the new feature's files and the team's changes. The updated
project must then be byte for byte the option rendered from the start with the
same changes, the contract the merge left included: that combination's whole
suite is what the matrix runs (the orders feature's own tests run in
tests/test_update_team_feature.py), so it is not run again here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.combinations import MATRIX_NAMES
from tests.commands import run
from tests.repositories import (
    commit_all,
    conflicted,
    copy_working_tree,
    render,
    tree,
)
from tests.repositories import update as update_project
from tests.team_feature import add_orders_feature, regenerate_contract

PACKAGE = MATRIX_NAMES["package_name"]


def postgresql_replaces_sqlite(project: Path) -> None:
    compose = yaml.safe_load((project / "docker-compose.yml").read_text())
    assert "db" in compose["services"]
    pyproject = (project / "backend" / "pyproject.toml").read_text()
    runtime = pyproject.split("[project.scripts]")[0]
    assert "asyncpg==" in runtime
    assert "aiosqlite==" not in runtime
    throwaway = (project / "backend" / "tests" / "throwaway_database.py").read_text()
    assert "CREATE DATABASE" in throwaway


def the_files_feature_arrives(project: Path) -> None:
    backend = project / "backend"
    package = backend / "src" / PACKAGE
    for relative in [
        "storage/s3.py",
        "services/file_service.py",
        "store/files.py",
        "api/rest/files.py",
        "purge_uploads.py",
    ]:
        assert (package / relative).is_file(), relative
    assert (backend / "migrations" / "versions" / "0003_files.py").is_file()
    assert '"boto3==' in (backend / "pyproject.toml").read_text()
    compose = yaml.safe_load((project / "docker-compose.yml").read_text())
    assert "minio" in compose["services"]


def end_to_end_encryption_arrives(project: Path) -> None:
    backend = project / "backend"
    assert (backend / "migrations" / "versions" / "0004_file_keys.py").is_file()
    assert (backend / "tests" / "e2e" / "test_e2ee_client.py").is_file()
    assert not (backend / "tests" / "e2e" / "test_files.py").exists()
    assert (project / "client" / "pyproject.toml").is_file()
    assert (project / "docs" / "security" / "e2ee.md").is_file()


def the_front_end_arrives(project: Path) -> None:
    frontend = project / "frontend"
    for relative in [
        "package.json",
        "src/App.tsx",
        "src/api/Api.ts",
        "server/main.js",
        "e2e/items.spec.ts",
        "Dockerfile",
    ]:
        assert (frontend / relative).is_file(), relative
    compose = yaml.safe_load((project / "docker-compose.yml").read_text())
    assert "frontend" in compose["services"]
    assert "browser_e2e" in (project / "noxfile.py").read_text()


@dataclass(frozen=True)
class OptionChange:
    question: str
    before: str
    after: str
    arrived: Callable[[Path], None]
    # Answers the option needs, kept the same on both sides of the update.
    given: tuple[str, ...] = ()


CHANGES = [
    OptionChange("database", "sqlite", "postgresql", postgresql_replaces_sqlite),
    OptionChange("object_storage", "none", "s3", the_files_feature_arrives),
    OptionChange(
        "e2ee",
        "false",
        "true",
        end_to_end_encryption_arrives,
        given=("object_storage=s3",),
    ),
    OptionChange("frontend", "none", "react", the_front_end_arrives),
]


def make_team_changes(project: Path) -> None:
    """The team's own work: its orders feature added as the docs say (with the
    contract regenerated), a README section, a changed setting."""
    add_orders_feature(project)
    regenerate_contract(project)
    package = project / "backend" / "src" / PACKAGE
    readme = project / "README.md"
    readme.write_text(readme.read_text() + "\n## On call\n\nPage the billing team.\n")
    config = package / "config.py"
    setting = "health_check_timeout_seconds: float = Field(default="
    config.write_text(config.read_text().replace(f"{setting}2.0", f"{setting}3.0"))


@dataclass(frozen=True)
class Update:
    project: Path
    # The same template version rendered straight with the final answers, and
    # the team's changes made to it: what the update must equal.
    expected: Path


def updated(tmp_path_factory: pytest.TempPathFactory, change: OptionChange) -> Update:
    workdir = tmp_path_factory.mktemp(f"update-{change.question}")
    template = workdir / "template"
    copy_working_tree(template)
    commit_all(template, "template")
    names = [f"--data={name}={value}" for name, value in MATRIX_NAMES.items()]
    given = [*names, *(f"--data={answer}" for answer in change.given)]
    project = render(
        template,
        workdir / "project",
        *given,
        f"--data={change.question}={change.before}",
    )
    make_team_changes(project)
    commit_all(project, "team changes")
    update_project(project, *given, f"--data={change.question}={change.after}")
    # As docs/updating.md says after an update that changes dependencies.
    run(["uv", "lock", "--quiet"], project / "backend")

    expected = render(
        template,
        workdir / "expected",
        *given,
        f"--data={change.question}={change.after}",
    )
    make_team_changes(expected)
    return Update(project, expected)


class OptionTurnedOn:
    """The checks of one option turned on by an update. A class per option:
    xdist's loadscope gives each class a worker, so the updates run side by side."""

    change: OptionChange

    @pytest.fixture(scope="class")
    @classmethod
    def update(cls, tmp_path_factory: pytest.TempPathFactory) -> Update:
        return updated(tmp_path_factory, cls.change)

    def test_the_answer_is_recorded(self, update: Update) -> None:
        answers = yaml.safe_load((update.project / ".copier-answers.yml").read_text())
        assert str(answers[self.change.question]).lower() == self.change.after

    def test_the_new_options_files_are_in_place(self, update: Update) -> None:
        self.change.arrived(update.project)

    def test_the_teams_changes_survive_without_conflicts(self, update: Update) -> None:
        package = update.project / "backend" / "src" / PACKAGE
        for module in ("models", "permissions", "repository", "service", "wiring"):
            assert (package / "features" / "orders" / f"{module}.py").is_file()
        assert "Page the billing team." in (update.project / "README.md").read_text()
        assert "Field(default=3.0" in (package / "config.py").read_text()
        assert conflicted(update.project) == []

    def test_the_update_equals_the_option_rendered_from_the_start(
        self, update: Update
    ) -> None:
        """So the suites of the updated project are those the matrix runs.

        The matrix renders every combination with the same names and runs its
        whole suite; the updated project holds exactly those bytes, plus the
        team's changes (the contract the merge left included).
        """
        updated_files = tree(update.project)
        expected = tree(update.expected)
        assert sorted(updated_files) == sorted(expected)
        differing = [n for n in updated_files if updated_files[n] != expected[n]]
        assert differing == []


class TestDatabaseToPostgresql(OptionTurnedOn):
    change = CHANGES[0]


class TestObjectStorage(OptionTurnedOn):
    change = CHANGES[1]


class TestEndToEndEncryption(OptionTurnedOn):
    change = CHANGES[2]


class TestReactFrontEnd(OptionTurnedOn):
    change = CHANGES[3]
