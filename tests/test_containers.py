"""Dockerfile, compose file and CI workflow, validated statically (no Docker engine).

Each database renders different container files, so every check runs on both.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.commands import run
from tests.conftest import render_template


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def project(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Path:
    destination = tmp_path_factory.mktemp(request.param) / "my-service"
    return render_template(destination, database=request.param)


def test_dockerfile_passes_hadolint(project: Path) -> None:
    run(["hadolint", str(project / "backend" / "Dockerfile")])


def test_dockerfile_runs_as_a_non_root_user_with_a_healthcheck(project: Path) -> None:
    dockerfile = (project / "backend" / "Dockerfile").read_text()
    runtime_stage = dockerfile.split(" AS runtime", 1)[1]
    assert "\nUSER 10001:10001\n" in runtime_stage
    assert "HEALTHCHECK" in runtime_stage
    assert "uv sync --locked --no-dev" in dockerfile


def test_compose_file_matches_the_compose_specification(project: Path) -> None:
    compose = str(project / "docker-compose.yml")
    run(["check-jsonschema", "--builtin-schema", "vendor.compose-spec", compose])


def test_compose_runs_migrations_before_the_backend(project: Path) -> None:
    services = yaml.safe_load((project / "docker-compose.yml").read_text())["services"]
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert services["migrate"]["command"] == ["alembic", "upgrade", "head"]
    condition = services["backend"]["depends_on"]["migrate"]["condition"]
    assert condition == "service_completed_successfully"
    ports = [port for service in services.values() for port in service.get("ports", [])]
    assert all(port.startswith("127.0.0.1:") for port in ports)
    # SQLite keeps its file on a volume; PostgreSQL runs as a service of its own.
    assert ("db" in services) == (answers["database"] == "postgresql")
    if answers["database"] == "sqlite":
        assert "data:/app/data" in services["backend"]["volumes"]


def test_ci_workflow_matches_the_github_schema(project: Path) -> None:
    workflow = str(project / ".github" / "workflows" / "ci.yml")
    run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow])
