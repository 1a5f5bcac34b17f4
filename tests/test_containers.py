"""Dockerfile, compose file and CI workflow, validated statically (no Docker engine).

Each database and object-storage answer renders different container files, so every
check runs on each combination of the two.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.commands import run
from tests.conftest import TEMPLATE_ROOT, render_template

CONTAINER_ANSWERS = [
    {"database": database, "object_storage": storage}
    for database in ["sqlite", "postgresql"]
    for storage in ["none", "s3"]
]
# Compose variables that hold credentials: each must come from .env, never a default.
STORAGE_SECRETS = [
    "MINIO_ROOT_USER",
    "MINIO_ROOT_PASSWORD",
    "APP_STORAGE_ACCESS_KEY_ID",
    "APP_STORAGE_SECRET_ACCESS_KEY",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Renders each combination once for the whole module."""
    projects: dict[str, Path] = {}

    def render(**answers: str) -> Path:
        name = "-".join(answers.values())
        if name not in projects:
            destination = tmp_path_factory.mktemp(name) / "my-service"
            projects[name] = render_template(destination, **answers)
        return projects[name]

    return render


@pytest.fixture(
    params=CONTAINER_ANSWERS, ids=lambda answers: "-".join(answers.values())
)
def project(rendered: Callable[..., Path], request: pytest.FixtureRequest) -> Path:
    return rendered(**request.param)


@pytest.fixture(params=["sqlite", "postgresql"])
def storage_project(
    rendered: Callable[..., Path], request: pytest.FixtureRequest
) -> Path:
    """The projects with object_storage=s3, one per database."""
    return rendered(database=request.param, object_storage="s3")


def compose_services(project: Path) -> dict[str, dict]:
    compose = yaml.safe_load((project / "docker-compose.yml").read_text())
    return compose["services"]


def answers_of(project: Path) -> dict[str, str]:
    return yaml.safe_load((project / ".copier-answers.yml").read_text())


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
    services = compose_services(project)
    answers = answers_of(project)
    assert services["migrate"]["command"] == ["alembic", "upgrade", "heads"]
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


def test_compose_serves_minio_only_with_object_storage(project: Path) -> None:
    services = compose_services(project)
    compose = yaml.safe_load((project / "docker-compose.yml").read_text())
    with_storage = answers_of(project)["object_storage"] == "s3"
    assert ("minio" in services) == with_storage
    assert ("createbucket" in services) == with_storage
    assert ("minio-data" in compose["volumes"]) == with_storage
    backend_environment = services["backend"]["environment"]
    assert any(name.startswith("APP_STORAGE_") for name in backend_environment) == (
        with_storage
    )


def test_compose_starts_the_backend_after_minio_and_its_bucket(
    storage_project: Path,
) -> None:
    services = compose_services(storage_project)
    images = tomllib.loads((TEMPLATE_ROOT / "extensions/versions.toml").read_text())
    minio, createbucket = services["minio"], services["createbucket"]
    assert minio["image"] == images["images"]["minio"]
    assert createbucket["image"] == images["images"]["minio-client"]
    assert "minio-data:/data" in minio["volumes"]
    assert minio["healthcheck"]["test"] == ["CMD", "mc", "ready", "local"]
    assert sorted(minio["ports"]) == ["127.0.0.1:9000:9000", "127.0.0.1:9001:9001"]
    assert createbucket["depends_on"]["minio"]["condition"] == "service_healthy"
    assert createbucket["restart"] == "no"
    script = createbucket["command"][0]
    assert 'mc mb --ignore-existing "local/$$BUCKET"' in script
    backend = services["backend"]
    condition = backend["depends_on"]["createbucket"]["condition"]
    assert condition == "service_completed_successfully"
    environment = backend["environment"]
    assert environment["APP_STORAGE_ENDPOINT_URL"] == "http://minio:9000"
    assert environment["APP_STORAGE_PUBLIC_ENDPOINT_URL"] == "http://127.0.0.1:9000"
    assert environment["APP_STORAGE_PATH_STYLE"] == "true"
    # The bucket the service uses is the bucket createbucket makes.
    assert environment["APP_STORAGE_BUCKET"] == createbucket["environment"]["BUCKET"]


def test_compose_takes_storage_credentials_only_from_the_environment(
    storage_project: Path,
) -> None:
    compose_text = (storage_project / "docker-compose.yml").read_text()
    for name in STORAGE_SECRETS:
        references = re.findall(r"\$\{" + name + r"(?P<rest>[^}]*)\}", compose_text)
        assert references, name
        # `:?` makes compose refuse to start when .env leaves the value unset or empty.
        assert all(rest.startswith(":?") for rest in references), name
    for service in compose_services(storage_project).values():
        for name, value in (service.get("environment") or {}).items():
            if any(word in name for word in ["PASSWORD", "SECRET", "KEY_ID", "USER"]):
                assert str(value).startswith("${"), f"{name} has a literal value"


def test_env_example_names_every_storage_credential_without_a_value(
    project: Path,
) -> None:
    example = (project / ".env.example").read_text()
    settings = dict(
        line.split("=", 1)
        for line in example.splitlines()
        if line and not line.startswith("#")
    )
    with_storage = answers_of(project)["object_storage"] == "s3"
    for name in STORAGE_SECRETS:
        assert (name in settings) == with_storage, name
        if with_storage:
            assert settings[name] == "", f"{name} ships a value"
    assert ".env" in (project / ".gitignore").read_text().splitlines()


@pytest.fixture(params=["sqlite", "postgresql"])
def frontend_project(
    rendered: Callable[..., Path], request: pytest.FixtureRequest
) -> Path:
    """The projects with the React front end (and object storage), one per database."""
    return rendered(database=request.param, object_storage="s3", frontend="react")


def test_the_front_end_image_is_multi_stage_non_root_and_passes_hadolint(
    frontend_project: Path,
) -> None:
    dockerfile_path = frontend_project / "frontend" / "Dockerfile"
    run(["hadolint", str(dockerfile_path)])
    dockerfile = dockerfile_path.read_text()
    runtime_stage = dockerfile.split(" AS runtime", 1)[1]
    assert "npm ci" in dockerfile.split(" AS runtime", 1)[0]
    assert "\nUSER 1000:1000\n" in runtime_stage
    assert "HEALTHCHECK" in runtime_stage
    # The runtime image holds the built app and the server, never the sources.
    assert "COPY --from=build /app/dist ./dist" in runtime_stage
    assert "COPY . ." not in runtime_stage


def test_compose_serves_the_front_end_locked_down_and_lets_it_call_the_backend(
    frontend_project: Path,
) -> None:
    compose = str(frontend_project / "docker-compose.yml")
    run(["check-jsonschema", "--builtin-schema", "vendor.compose-spec", compose])
    services = compose_services(frontend_project)
    frontend = services["frontend"]
    assert frontend["build"] == "./frontend"
    assert frontend["ports"] == ["127.0.0.1:8080:8080"]
    assert frontend["read_only"] is True
    assert frontend["cap_drop"] == ["ALL"]
    assert frontend["environment"] == {
        "API_ORIGIN": "http://127.0.0.1:8000",
        "OBJECT_STORE_ORIGIN": "http://127.0.0.1:9000",
    }
    backend_env = services["backend"]["environment"]
    assert backend_env["APP_CORS_ALLOW_ORIGINS"] == (
        "${APP_CORS_ALLOW_ORIGINS:-http://127.0.0.1:8080}"
    )
