"""Turning an option on later is a `copier update`, and the team's changes survive.

Each case renders a project with the option's default, makes the team's own
changes, updates with `--data <question>=<new value>`, and checks the new
feature's files, the team's changes, and the suites of the parts it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.commands import run
from tests.repositories import commit_all, copy_working_tree, render, update


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
    package = backend / "src" / "my_service"
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


PYTEST = ["uv", "run", "--no-sync", "pytest", "-q", "-p", "no:cacheprovider"]
NPM_INSTALL = ["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"]


@dataclass(frozen=True)
class OptionChange:
    question: str
    before: str
    after: str
    arrived: Callable[[Path], None]
    # Answers the option needs, kept the same on both sides of the update.
    given: tuple[str, ...] = ()
    # The parts of the project whose suites the option changes.
    changes_backend: bool = True


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
    # The backend's bytes are the same with and without a front end (the matrix
    # proves it for every pair of twins), so only the front end's suite runs.
    OptionChange(
        "frontend", "none", "react", the_front_end_arrives, changes_backend=False
    ),
]


@pytest.fixture(scope="module", params=CHANGES, ids=lambda change: change.question)
def change(request: pytest.FixtureRequest) -> OptionChange:
    chosen: OptionChange = request.param
    return chosen


@pytest.fixture(scope="module")
def updated_project(
    tmp_path_factory: pytest.TempPathFactory, change: OptionChange
) -> Path:
    workdir = tmp_path_factory.mktemp("update")
    template = workdir / "template"
    copy_working_tree(template)
    commit_all(template, "template")
    given = [f"--data={answer}" for answer in change.given]
    project = render(
        template,
        workdir / "project",
        *given,
        f"--data={change.question}={change.before}",
    )

    # The team's own work: a new module, a README section, a changed setting.
    package = project / "backend" / "src" / "my_service"
    team_module = (
        '"""Team code."""\n\n\ndef greet(name: str) -> str:\n    return name\n'
    )
    (package / "services" / "greeting_service.py").write_text(team_module)
    readme = project / "README.md"
    readme.write_text(readme.read_text() + "\n## On call\n\nPage the billing team.\n")
    config = package / "config.py"
    setting = "health_check_timeout_seconds: float = Field(default="
    config.write_text(config.read_text().replace(f"{setting}2.0", f"{setting}3.0"))
    commit_all(project, "team changes")

    update(project, *given, f"--data={change.question}={change.after}")
    return project


def test_the_answer_is_recorded(updated_project: Path, change: OptionChange) -> None:
    answers = yaml.safe_load((updated_project / ".copier-answers.yml").read_text())
    assert str(answers[change.question]).lower() == change.after


def test_the_new_options_files_are_in_place(
    updated_project: Path, change: OptionChange
) -> None:
    change.arrived(updated_project)


def test_the_teams_changes_survive_without_conflicts(updated_project: Path) -> None:
    package = updated_project / "backend" / "src" / "my_service"
    assert (package / "services" / "greeting_service.py").is_file()
    assert "Page the billing team." in (updated_project / "README.md").read_text()
    assert "Field(default=3.0" in (package / "config.py").read_text()
    leftovers = [
        path
        for path in updated_project.rglob("*")
        if path.suffix == ".rej"
        or (
            path.is_file()
            and ".git" not in path.parts
            and "<<<<<<<" in path.read_text()
        )
    ]
    assert not leftovers


def test_the_updated_project_passes_its_suite(
    updated_project: Path, change: OptionChange
) -> None:
    if change.changes_backend:
        client = updated_project / "client"
        if client.is_dir():
            # The backend's E2E tests run the client's command.
            run(["uv", "sync", "--quiet"], client)
            run([*PYTEST], client)
        backend = updated_project / "backend"
        run(["uv", "sync", "--quiet"], backend)
        run(["uv", "run", "--no-sync", "ruff", "check", "."], backend)
        run(["uv", "run", "--no-sync", "mypy", "--strict"], backend)
        run([*PYTEST], backend)
    frontend = updated_project / "frontend"
    if frontend.is_dir():
        # Its generated client fresh, lint, format, types, tests and build.
        run(NPM_INSTALL, frontend)
        run(["npm", "run", "check"], frontend)
