"""copier.yml's `_min_copier_version` is true: that very copier renders the template,
and renders what the pinned copier renders."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from tests.combinations import load_questions
from tests.commands import run
from tests.conftest import TEMPLATE_ROOT
from tests.repositories import COPIER, commit_all, copy_working_tree, tree

MINIMUM = str(load_questions()["_min_copier_version"])
FULLEST = [
    "--data=api_style=graphql",
    "--data=database=postgresql",
    "--data=object_storage=s3",
    "--data=e2ee=true",
    "--data=frontend=react",
]


def pinned(package: str) -> str:
    """The template's own pin of `package` (pyproject.toml's render group)."""
    pyproject = tomllib.loads((TEMPLATE_ROOT / "pyproject.toml").read_text())
    [requirement] = [
        line
        for line in pyproject["dependency-groups"]["render"]
        if line.startswith(f"{package}==")
    ]
    return str(requirement)


@pytest.fixture(scope="module")
def oldest_copier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("copier-minimum") / "venv"
    run(["uv", "venv", "--quiet", "--python", sys.executable, str(venv)])
    run(
        [
            *("uv", "pip", "install", "--quiet", "--python", str(venv / "bin/python")),
            f"copier=={MINIMUM}",
            pinned("copier-template-extensions"),
        ]
    )
    return venv / "bin" / "copier"


def render_with(copier: str | Path, template: Path, project: Path) -> Path:
    run(
        [
            *(str(copier), "copy", "--trust", "--defaults", "--quiet"),
            *FULLEST,
            str(template),
            str(project),
        ]
    )
    commit_all(project, "rendered")
    return project


def test_the_oldest_copier_allowed_renders_what_the_pinned_one_renders(
    oldest_copier: Path, tmp_path: Path
) -> None:
    assert run([str(oldest_copier), "--version"]).split()[-1] == MINIMUM
    template = tmp_path / "template"
    copy_working_tree(template)
    commit_all(template, "template", tag="v1.0.0")

    oldest = render_with(oldest_copier, template, tmp_path / "oldest")
    newest = render_with(COPIER, template, tmp_path / "pinned")

    assert tree(oldest) == tree(newest)
