"""`copier update` between two synthetic versions of the template.

Version 1 is the working tree; version 2 adds a file, removes a file, changes a
README line the team also changed, and adds a question with a default. The
update must add, remove, report the conflict inline, and never stop to ask.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.repositories import (
    commit_all,
    copy_working_tree,
    render,
    update_unattended,
)

REMOVED = Path("docs/decisions/0001-layered-architecture.md")
ADDED = Path("docs/on-call.md")
README_LINE = "## Template updates"
NEW_QUESTION = """
on_call_rotation:
  type: str
  help: The team's on-call rotation (added in version 2)
  default: weekly
"""


def make_version_2(template: Path) -> None:
    (template / "template" / REMOVED).unlink()
    (template / "template" / ADDED.with_suffix(".md.jinja")).write_text(
        "# On call\n\nRotation: {{ on_call_rotation }}.\n"
    )
    readme = template / "template" / "README.md.jinja"
    readme.write_text(
        readme.read_text().replace(README_LINE, "## Updating from the template")
    )
    copier_yml = template / "copier.yml"
    copier_yml.write_text(copier_yml.read_text() + NEW_QUESTION)


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    workdir = tmp_path_factory.mktemp("synthetic")
    template = workdir / "template"
    copy_working_tree(template)
    commit_all(template, "version 1", tag="v1.0.0")

    project = render(template, workdir / "project")
    readme = project / "README.md"
    readme.write_text(
        readme.read_text().replace(README_LINE, "## Keeping up with the template")
    )
    commit_all(project, "team changes")

    make_version_2(template)
    commit_all(template, "version 2", tag="v2.0.0")
    # No standard input: a question that needed an answer would fail the update.
    result = update_unattended(project, "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result.stdout + result.stderr


def test_files_added_by_the_template_appear(updated: tuple[Path, str]) -> None:
    project, _ = updated
    assert (project / ADDED).read_text() == "# On call\n\nRotation: weekly.\n"


def test_files_removed_by_the_template_are_removed(updated: tuple[Path, str]) -> None:
    project, _ = updated
    assert not (project / REMOVED).exists()


def test_a_new_question_takes_its_default(updated: tuple[Path, str]) -> None:
    project, _ = updated
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["on_call_rotation"] == "weekly"
    assert answers["_commit"] == "v2.0.0"


def test_lines_both_sides_changed_are_marked_as_a_conflict(
    updated: tuple[Path, str],
) -> None:
    project, _ = updated
    readme = (project / "README.md").read_text()
    assert "<<<<<<< before updating" in readme
    assert "## Keeping up with the template" in readme
    assert "## Updating from the template" in readme
    assert ">>>>>>> after updating" in readme
