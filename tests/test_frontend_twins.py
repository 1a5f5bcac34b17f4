"""The front end adds a tier and touches no other: what the backend sessions read
renders byte for byte the same with and without it. The matrix relies on this to
run the backend sessions once per pair (tests/matrix_run.py checks the bytes
again at run time); this test keeps the template from drifting away from it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import Render
from tests.matrix_run import BACKEND_PARTS, BACKEND_SESSIONS

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
    for part in BACKEND_PARTS:
        assert files_under(plain, part) == files_under(with_web, part), part
    # The backend sessions and every helper they call read the same with the front
    # end; `containers` may not (it runs in every combination and checks its image).
    plain_functions = function_sources(plain / "noxfile.py")
    del plain_functions["containers"]
    web_functions = function_sources(with_web / "noxfile.py")
    assert set(BACKEND_SESSIONS) <= set(plain_functions)
    assert {name: web_functions.get(name) for name in plain_functions} == (
        plain_functions
    )
