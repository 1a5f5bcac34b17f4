"""The front end adds a tier and touches no other: what the backend sessions read
renders byte for byte the same with and without it, and the front end renders the
same on either database. The matrix relies on this to run each tier's sessions
once per pair of twins (tests/matrix_run.py checks the bytes again at run time);
these tests keep the template from drifting away from it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import Render
from tests.matrix_run import BACKEND, FRONTEND

TWIN_ANSWERS = [
    {"api_style": "rest", "database": "sqlite", "object_storage": "none"},
    {
        "api_style": "graphql",
        "database": "postgresql",
        "object_storage": "s3",
        "e2ee": True,
    },
]


def files_under(project: Path, part: str) -> dict[str, bytes]:
    root = project / part
    return {
        str(path.relative_to(project)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def function_sources(noxfile: Path) -> dict[str, str]:
    """The source of each function (sessions and helpers) of a rendered noxfile."""
    text = noxfile.read_text(encoding="utf-8")
    module = ast.parse(text)
    return {
        node.name: ast.get_source_segment(text, node) or ""
        for node in module.body
        if isinstance(node, ast.FunctionDef)
    }


@pytest.mark.parametrize(
    "answers", TWIN_ANSWERS, ids=["rest-sqlite", "graphql-pg-e2ee"]
)
def test_the_front_end_leaves_the_backend_bytes_and_sessions_alone(
    render: Render, answers: dict[str, object]
) -> None:
    plain = render(**answers, frontend="none")
    with_web = render(**answers, frontend="react")
    assert (with_web / "frontend").is_dir()
    assert not (plain / "frontend").exists()
    for part in BACKEND.parts:
        assert files_under(plain, part) == files_under(with_web, part), part
    # The backend sessions and every helper they call read the same with the front
    # end; `containers` and `install` may not (they run in every combination, and
    # check the front end's image or install its packages too).
    plain_functions = function_sources(plain / "noxfile.py")
    del plain_functions["containers"], plain_functions["install"]
    web_functions = function_sources(with_web / "noxfile.py")
    assert set(BACKEND.sessions) <= set(plain_functions)
    assert {name: web_functions.get(name) for name in plain_functions} == (
        plain_functions
    )


def test_the_front_end_renders_alike_on_either_database(render: Render) -> None:
    """The matrix runs the `frontend` session once per pair of database twins."""
    answers = {"api_style": "graphql", "object_storage": "s3", "e2ee": True}
    on_sqlite = render(**answers, database="sqlite", frontend="react")
    on_postgresql = render(**answers, database="postgresql", frontend="react")
    for part in FRONTEND.parts:
        assert files_under(on_sqlite, part) == files_under(on_postgresql, part), part
    # The session and every helper it calls (the backend's sessions may differ).
    sqlite_functions = function_sources(on_sqlite / "noxfile.py")
    postgresql_functions = function_sources(on_postgresql / "noxfile.py")
    for name in (*FRONTEND.sessions, "install_frontend"):
        assert sqlite_functions[name] == postgresql_functions[name], name


def test_the_eslint_hook_runs_what_the_frontend_session_runs(render: Render) -> None:
    """The matrix skips the hook where the session passed on the same files."""
    project = render(frontend="react")
    hooks = {
        hook["id"]: hook
        for repo in yaml.safe_load(
            (project / ".pre-commit-config.yaml").read_text(encoding="utf-8")
        )["repos"]
        for hook in repo["hooks"]
    }
    assert set(FRONTEND.hooks) <= set(hooks)
    assert hooks["eslint"]["entry"] == "npm --prefix frontend run --silent lint"
    assert hooks["eslint"]["pass_filenames"] is False
    # It runs whenever a front end source changes, and only then.
    files = re.compile(hooks["eslint"]["files"])
    for source in ("frontend/src/App.tsx", "frontend/scripts/api-client.mjs"):
        assert files.search(source), source
    assert not files.search("backend/src/main.py")
    session = function_sources(project / "noxfile.py")["frontend"]
    assert '"lint"' in session
