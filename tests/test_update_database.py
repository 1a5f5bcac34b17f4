"""Turning PostgreSQL on later is a `copier update`, and the team's changes survive."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.commands import run
from tests.repositories import commit_all, copy_working_tree, render, update


@pytest.fixture(scope="module")
def updated_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("update")
    template = workdir / "template"
    copy_working_tree(template)
    commit_all(template, "template")
    project = render(template, workdir / "project", "--data=database=sqlite")

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

    update(project, "--data=database=postgresql")
    return project


def test_the_answer_is_recorded(updated_project: Path) -> None:
    answers = yaml.safe_load((updated_project / ".copier-answers.yml").read_text())
    assert answers["database"] == "postgresql"


def test_the_postgresql_files_replace_the_sqlite_ones(updated_project: Path) -> None:
    compose = yaml.safe_load((updated_project / "docker-compose.yml").read_text())
    assert "db" in compose["services"]
    pyproject = (updated_project / "backend" / "pyproject.toml").read_text()
    runtime = pyproject.split("[project.scripts]")[0]
    assert "asyncpg==" in runtime
    assert "aiosqlite==" not in runtime
    throwaway = (
        updated_project / "backend" / "tests" / "throwaway_database.py"
    ).read_text()
    assert "CREATE DATABASE" in throwaway


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


def test_the_updated_project_passes_its_suite_on_postgresql(
    updated_project: Path,
) -> None:
    backend = updated_project / "backend"
    run(["uv", "sync", "--quiet"], backend)
    run(["uv", "run", "--no-sync", "ruff", "check", "."], backend)
    run(["uv", "run", "--no-sync", "mypy", "--strict"], backend)
    run(["uv", "run", "--no-sync", "pytest", "-q", "-p", "no:cacheprovider"], backend)
