"""An update cannot switch the API style: it is refused before anything changes.

Switching would replace the template's api/<style>/ and leave the team's own
features' transport (features/*/rest.py or graphql.py) unserved without a word.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from tests.repositories import (
    commit_all,
    copy_working_tree,
    render,
    update_unattended,
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("api-style")
    template = workdir / "template"
    copy_working_tree(template)
    commit_all(template, "template", tag="v1.0.0")
    return render(template, workdir / "project")


def git_status(project: Path) -> str:
    return subprocess.run(
        ["git", "status", "--porcelain"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_switching_the_api_style_by_update_is_refused_saying_why(
    project: Path,
) -> None:
    result = update_unattended(project, "--data=api_style=graphql")

    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert "rendered with api_style=rest" in message
    assert "render a new project with api_style=graphql" in message
    assert "Changing the API style" in message
    assert git_status(project) == ""
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["api_style"] == "rest"
