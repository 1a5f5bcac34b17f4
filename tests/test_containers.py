"""Dockerfile, compose file and CI workflow, validated statically (no Docker engine)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.commands import run
from tests.conftest import Render


def test_dockerfile_passes_hadolint(default_project: Path) -> None:
    run(["hadolint", str(default_project / "backend" / "Dockerfile")])


def test_dockerfile_runs_as_a_non_root_user_with_a_healthcheck(
    default_project: Path,
) -> None:
    dockerfile = (default_project / "backend" / "Dockerfile").read_text()
    runtime_stage = dockerfile.split(" AS runtime", 1)[1]
    assert "\nUSER 10001:10001\n" in runtime_stage
    assert "HEALTHCHECK" in runtime_stage
    assert "uv sync --locked --no-dev" in dockerfile


def test_compose_file_matches_the_compose_specification(default_project: Path) -> None:
    run(
        [
            "check-jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(default_project / "docker-compose.yml"),
        ]
    )


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_compose_runs_migrations_before_the_backend(
    render: Render, database: str
) -> None:
    project = render(database=database)
    run(
        [
            "check-jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(project / "docker-compose.yml"),
        ]
    )
    run(["hadolint", str(project / "backend" / "Dockerfile")])
    services = yaml.safe_load((project / "docker-compose.yml").read_text())["services"]
    assert services["migrate"]["command"] == ["alembic", "upgrade", "head"]
    condition = services["backend"]["depends_on"]["migrate"]["condition"]
    assert condition == "service_completed_successfully"
    ports = [port for service in services.values() for port in service.get("ports", [])]
    assert all(port.startswith("127.0.0.1:") for port in ports)
    # SQLite keeps its file on a volume; PostgreSQL runs as a service of its own.
    assert ("db" in services) == (database == "postgresql")
    if database == "sqlite":
        assert "data:/app/data" in services["backend"]["volumes"]


def test_ci_workflow_matches_the_github_schema(default_project: Path) -> None:
    run(
        [
            "check-jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(default_project / ".github" / "workflows" / "ci.yml"),
        ]
    )
