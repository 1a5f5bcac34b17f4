"""The rendered repository's shape: layout, no template residue, tests mirror code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Render, render_template

# Openings only: a closing "}}" is ordinary in code (nested dicts, f-strings).
JINJA_MARKERS = ("{{", "{%", "%}", "{#")
SCRIPT_SUFFIXES = frozenset({".js", ".mjs", ".ts", ".tsx"})


def text_files(root: Path) -> list[Path]:
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and ".git" not in path.parts and path.suffix != ".mako"
    ]


def test_the_three_tier_layout_is_rendered(default_project: Path) -> None:
    for relative in [
        "README.md",
        "LICENSE",
        "noxfile.py",
        "docker-compose.yml",
        ".env.example",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".github/workflows/ci.yml",
        "docs/api/openapi.json",
        "docs/architecture.md",
        "docs/configuration.md",
        "docs/runbook.md",
        "docs/security/auth.md",
        "backend/Dockerfile",
        "backend/pyproject.toml",
        "backend/alembic.ini",
        "backend/migrations/env.py",
        "backend/src/my_service/main.py",
        "backend/src/my_service/api/rest/router.py",
        "backend/src/my_service/security/rbac.py",
        "backend/src/my_service/security/common_passwords.txt",
        "backend/migrations/versions/0002_users_sessions_items.py",
        "backend/tests/unit",
        "backend/tests/integration",
        "backend/tests/e2e",
        "backend/testdata",
    ]:
        assert (default_project / relative).exists(), relative


def test_no_template_syntax_is_left_in_any_file(
    default_project: Path,
    files_projects: dict[str, Path],
    e2ee_projects: dict[str, Path],
    frontend_projects: dict[str, Path],
) -> None:
    for project in [
        default_project,
        *files_projects.values(),
        *e2ee_projects.values(),
        *frontend_projects.values(),
    ]:
        for path in text_files(project):
            text = path.read_text(encoding="utf-8")
            if path.name == "ci.yml":  # GitHub expressions are ${{ ... }} by design
                text = text.replace("${{", "")
            if path.suffix in SCRIPT_SUFFIXES:  # an object literal in JSX: {{ a }}
                text = text.replace("{{", "")
            for marker in JINJA_MARKERS:
                assert marker not in text, f"{marker!r} left in {path}"


def test_no_file_keeps_the_template_suffix(default_project: Path) -> None:
    assert not [path for path in text_files(default_project) if path.suffix == ".jinja"]


@pytest.fixture(scope="module")
def graphql_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_template(
        tmp_path_factory.mktemp("graphql") / "project", api_style="graphql"
    )


@pytest.fixture(scope="module")
def files_projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both API styles with object storage on, by style."""
    return {
        style: render_template(
            tmp_path_factory.mktemp(f"files-{style}") / "project",
            api_style=style,
            object_storage="s3",
        )
        for style in ["rest", "graphql"]
    }


@pytest.fixture(scope="module")
def e2ee_projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both API styles with object storage and end-to-end encryption, by style."""
    return {
        style: render_template(
            tmp_path_factory.mktemp(f"e2ee-{style}") / "project",
            api_style=style,
            object_storage="s3",
            e2ee=True,
        )
        for style in ["rest", "graphql"]
    }


@pytest.fixture(scope="module")
def frontend_projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both API styles with the React front end, by style."""
    return {
        style: render_template(
            tmp_path_factory.mktemp(f"frontend-{style}") / "project",
            api_style=style,
            frontend="react",
        )
        for style in ["rest", "graphql"]
    }


@pytest.mark.parametrize(
    ("style", "storage"),
    [
        ("rest", "none"),
        ("graphql", "none"),
        ("rest", "s3"),
        ("graphql", "s3"),
        ("rest", "e2ee"),
        ("graphql", "e2ee"),
    ],
)
def test_every_backend_module_has_its_unit_test_file(
    style: str,
    storage: str,
    default_project: Path,
    graphql_project: Path,
    files_projects: dict[str, Path],
    e2ee_projects: dict[str, Path],
) -> None:
    if storage == "e2ee":
        project = e2ee_projects[style]
    elif storage == "s3":
        project = files_projects[style]
    else:
        project = graphql_project if style == "graphql" else default_project
    backend = project / "backend"
    package = backend / "src" / "my_service"
    missing = []
    for module in package.rglob("*.py"):
        if module.name == "__init__.py":
            continue
        relative = module.relative_to(package)
        expected = backend / "tests" / "unit" / relative.parent / f"test_{module.name}"
        if not expected.is_file():
            missing.append(str(expected.relative_to(backend)))
    assert not missing, f"modules without unit tests: {missing}"


FILES_FEATURE = [
    "backend/src/my_service/storage/s3.py",
    "backend/src/my_service/models/stored_file.py",
    "backend/src/my_service/services/file_service.py",
    "backend/src/my_service/store/files.py",
    "backend/src/my_service/purge_uploads.py",
    "backend/migrations/versions/0003_files.py",
    "backend/tests/object_store_server.py",
]


def test_object_storage_adds_the_files_feature_and_none_leaves_no_trace(
    default_project: Path, files_projects: dict[str, Path]
) -> None:
    for relative in FILES_FEATURE:
        assert (files_projects["rest"] / relative).is_file(), relative
        assert not (default_project / relative).exists(), relative
    rest_files = files_projects["rest"] / "backend/src/my_service/api/rest/files.py"
    assert rest_files.is_file()
    without = (default_project / "backend/pyproject.toml").read_text()
    with_files = (files_projects["rest"] / "backend/pyproject.toml").read_text()
    for package in ['"boto3==', '"moto[s3,server]==', '"types-boto3[s3]==']:
        assert package in with_files, package
        assert package not in without, package
    rendered = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (default_project / "backend").rglob("*.py")
    )
    # (Logging names boto3's logger in every project; that is not a trace.)
    for trace in [
        "import boto3",
        "object_store",
        "StoredFile",
        "FILES_READ",
        "storage_bucket",
    ]:
        assert trace not in rendered, trace


E2EE_FEATURE = [
    "client/pyproject.toml",
    "client/README.md",
    "docs/security/e2ee.md",
    "backend/migrations/versions/0004_file_keys.py",
    "backend/tests/e2e/test_e2ee_client.py",
    "backend/tests/e2e/client_cli.py",
    "backend/tests/benchmarks/e2ee_roundtrip.py",
]


def test_e2ee_adds_the_client_and_its_proofs_and_plain_s3_has_no_trace(
    files_projects: dict[str, Path], e2ee_projects: dict[str, Path]
) -> None:
    for style, project in e2ee_projects.items():
        for relative in E2EE_FEATURE:
            assert (project / relative).is_file(), (style, relative)
            assert not (files_projects[style] / relative).exists(), relative
        # Plain uploads (a name and a type) are not the e2ee API.
        assert not (project / "backend/tests/e2e/test_files.py").exists()
        assert (files_projects[style] / "backend/tests/e2e/test_files.py").is_file()
    plain = files_projects["rest"]
    assert not (plain / "client").exists()
    assert "pyrage" not in (plain / "backend/pyproject.toml").read_text()
    assert '"pyrage==' in (e2ee_projects["rest"] / "backend/pyproject.toml").read_text()
    rendered = "\n".join(
        path.read_text(encoding="utf-8")
        for path in [*plain.rglob("*.py"), *plain.rglob("*.md"), *plain.rglob("*.json")]
        if ".git" not in path.parts
    )
    for trace in ["wrapped_key", "sealed_metadata", "user_keys", "e2ee"]:
        assert trace not in rendered, trace


FRONTEND_FEATURE = [
    "frontend/package.json",
    "frontend/Dockerfile",
    "frontend/README.md",
    "frontend/index.html",
    "frontend/server/main.js",
    "frontend/server/securityHeaders.js",
    "frontend/src/api/Api.ts",
    "frontend/src/App.tsx",
]
GENERATED_CLIENTS = {
    "rest": "frontend/src/api/generated/openapi.ts",
    "graphql": "frontend/src/api/generated/graphql.ts",
}


def test_react_adds_the_front_end_tier_and_none_leaves_no_trace(
    default_project: Path, frontend_projects: dict[str, Path]
) -> None:
    for style, project in frontend_projects.items():
        for relative in [*FRONTEND_FEATURE, GENERATED_CLIENTS[style]]:
            assert (project / relative).is_file(), (style, relative)
        other = GENERATED_CLIENTS["graphql" if style == "rest" else "rest"]
        assert not (project / other).exists()
        package = json.loads((project / "frontend/package.json").read_text())
        # Exact pins only: the lock file records the rest.
        pins = {**package["dependencies"], **package["devDependencies"]}
        assert all(version[0].isdigit() for version in pins.values()), pins
        compose = (project / "docker-compose.yml").read_text()
        assert "  frontend:\n    build: ./frontend" in compose
        assert (
            "CORS_ALLOW_ORIGINS: ${APP_CORS_ALLOW_ORIGINS:-http://127.0.0.1:8080}"
            in (compose)
        )
        noxfile = (project / "noxfile.py").read_text()
        assert 'nox.options.sessions += ["frontend", "browser_e2e"]' in noxfile
    assert not (default_project / "frontend").exists()
    for name in ["docker-compose.yml", "noxfile.py", "README.md"]:
        text = (default_project / name).read_text()
        assert "frontend" not in text.lower(), name


def test_e2ee_without_object_storage_is_not_asked_and_leaves_no_trace(
    render: Render,
) -> None:
    # Forced with --data, the answer is ignored: there is no bucket to encrypt for.
    project = render(e2ee=True)
    assert not (project / "client").exists()
    assert not (project / "docs/security/e2ee.md").exists()
    assert "pyrage" not in (project / "backend/pyproject.toml").read_text()


def test_the_api_style_chooses_one_api_folder_and_its_contract(
    default_project: Path, graphql_project: Path
) -> None:
    api = Path("backend/src/my_service/api")
    assert (default_project / api / "rest" / "router.py").is_file()
    assert not (default_project / api / "graphql").exists()
    assert (default_project / "docs/api/openapi.json").is_file()
    assert not (default_project / "docs/api/schema.graphql").exists()
    assert (graphql_project / api / "graphql" / "schema.py").is_file()
    assert not (graphql_project / api / "rest").exists()
    assert (graphql_project / "docs/api/schema.graphql").is_file()
    assert not (graphql_project / "docs/api/openapi.json").exists()


def test_only_the_graphql_style_depends_on_strawberry(
    default_project: Path, graphql_project: Path
) -> None:
    rest = (default_project / "backend/pyproject.toml").read_text()
    graphql = (graphql_project / "backend/pyproject.toml").read_text()
    assert "strawberry-graphql" not in rest
    assert '"strawberry-graphql==' in graphql


@pytest.mark.parametrize("storage", ["none", "s3", "e2ee"])
def test_the_services_store_and_models_are_the_same_files_in_both_styles(
    storage: str,
    default_project: Path,
    graphql_project: Path,
    files_projects: dict[str, Path],
    e2ee_projects: dict[str, Path],
) -> None:
    if storage == "e2ee":
        rest_project, graphql = e2ee_projects["rest"], e2ee_projects["graphql"]
    elif storage == "s3":
        rest_project, graphql = files_projects["rest"], files_projects["graphql"]
    else:
        rest_project, graphql = default_project, graphql_project
    package = Path("backend/src/my_service")
    for layer in ["services", "store", "models", "security", "storage"]:
        rest_files = {
            path.relative_to(rest_project): path.read_bytes()
            for path in (rest_project / package / layer).rglob("*.py")
        }
        graphql_files = {
            path.relative_to(graphql): path.read_bytes()
            for path in (graphql / package / layer).rglob("*.py")
        }
        assert rest_files == graphql_files, layer


def test_local_secrets_and_data_are_git_ignored(default_project: Path) -> None:
    ignored = (default_project / ".gitignore").read_text().splitlines()
    assert ".env" in ignored
    assert not (default_project / ".env").exists()


@pytest.mark.parametrize(
    ("license_name", "expected"),
    [
        ("MIT", "MIT License"),
        ("Apache-2.0", "Apache License"),
        ("LicenseRef-Proprietary", "All rights reserved."),
    ],
)
def test_the_chosen_licence_is_rendered(
    render: Render, license_name: str, expected: str
) -> None:
    project = render(license=license_name, author_name="Ada Ops")
    assert expected in (project / "LICENSE").read_text()
    pyproject = (project / "backend" / "pyproject.toml").read_text()
    assert f'license = "{license_name}"' in pyproject


def test_without_ci_no_workflow_is_rendered(render: Render) -> None:
    project = render(ci="none")
    assert not (project / ".github").exists()


def test_python_version_sets_the_image_and_ci_but_not_the_code_floor(
    render: Render,
) -> None:
    project = render(python_version="3.13")
    assert (
        "FROM python:3.13-slim-bookworm AS build"
        in (project / "backend" / "Dockerfile").read_text()
    )
    assert (
        'python-version: "3.13"'
        in (project / ".github" / "workflows" / "ci.yml").read_text()
    )
    assert (
        'requires-python = ">=3.11"'
        in (project / "backend" / "pyproject.toml").read_text()
    )
