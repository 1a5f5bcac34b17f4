"""`copier update` from real releases (the newest and the first) to the working tree.

The template repository is cloned into a temporary folder (keeping its history),
its release tags are recreated from CHANGELOG.md when the clone has none, and the
working tree is committed on top and tagged as the next version. A project
rendered from each release, then edited by its team, takes the update.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest
import yaml

from tests.combinations import MATRIX_NAMES
from tests.commands import run
from tests.conftest import TEMPLATE_ROOT
from tests.releases import ensure_release_tags, released_versions
from tests.repositories import (
    COPIER,
    commit_all,
    conflicted,
    copy_working_tree,
    render,
    tree,
)
from tests.repositories import update as update_project
from tests.team_feature import EXAMPLE, add_orders_feature, regenerate_contract

APPENDED_README = "\n## On call\n\nPage the payments team.\n"
TEAM_DEPENDENCY = '    "idna==3.20",\n'
DELETED_FILE = Path("docs/decisions/0002-contract-first-api.md")
HEALTH_MODULE = Path("backend/src", MATRIX_NAMES["package_name"], "api/health.py")
# The matrix's names: the updated project is then a combination the matrix runs.
NAMES = [f"--data={name}={value}" for name, value in MATRIX_NAMES.items()]


def next_version(version: str) -> str:
    """The next feature release (0.x: a new minor version)."""
    major, minor, _patch = (int(part) for part in version.split("."))
    return f"{major}.{minor + 1}.0"


# Teams update from the release before, and from the first: both must work.
RELEASES = released_versions(TEMPLATE_ROOT / "CHANGELOG.md")
FROM_RELEASES = sorted({RELEASES[0], RELEASES[-1]})


@dataclass(frozen=True)
class Candidate:
    """A clone of the template with the working tree as its newest version."""

    template: Path
    newest_release: str
    version: str


@pytest.fixture(scope="module")
def candidate(tmp_path_factory: pytest.TempPathFactory) -> Candidate:
    clone = tmp_path_factory.mktemp("candidate") / "template"
    run(["git", "clone", "--quiet", str(TEMPLATE_ROOT), str(clone)])
    ensure_release_tags(clone)
    newest = released_versions(clone / "CHANGELOG.md")[0]
    copy_working_tree(clone)
    version = next_version(newest)
    commit_all(clone, "candidate", tag=f"v{version}")
    return Candidate(clone, newest, version)


def edit_like_a_team(project: Path) -> None:
    readme = project / "README.md"
    readme.write_text(readme.read_text() + APPENDED_README)
    pyproject = project / "backend" / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(
        text.replace("dependencies = [\n", "dependencies = [\n" + TEAM_DEPENDENCY, 1)
    )
    health = project / HEALTH_MODULE
    health.write_text(
        health.read_text().replace('"Every dependency answers"', '"Ready"')
    )
    (project / DELETED_FILE).unlink()


def add_a_feature_like_a_team(project: Path) -> list[str]:
    """The orders feature, as the rendered docs say, where the release has the
    example (0.2.0 on); the files it added."""
    if not (project / EXAMPLE).is_dir():
        return []
    added = add_orders_feature(project)
    regenerate_contract(project)  # syncs backend/.venv and writes uv.lock
    return added


def follow_the_update_docs(project: Path) -> list[str]:
    """What docs/updating.md asks after an update: relock, and regenerate a
    generated file rather than merge it. Returns the files the update left
    conflicted before that."""
    left = conflicted(project)
    if (project / "backend" / "uv.lock").exists():
        run(["uv", "lock", "--quiet"], project / "backend")
        regenerate_contract(project)
    return left


@pytest.fixture(scope="module", params=FROM_RELEASES, ids=lambda v: f"from-{v}")
def update(
    tmp_path_factory: pytest.TempPathFactory,
    candidate: Candidate,
    request: pytest.FixtureRequest,
) -> dict[str, object]:
    previous = str(request.param)
    workdir = tmp_path_factory.mktemp(f"release-update-{previous}")
    template = candidate.template
    project = render(template, workdir / "project", *NAMES, f"--vcs-ref=v{previous}")
    check = run([COPIER, "check-update", "--output-format=json"], project)
    edit_like_a_team(project)
    feature = add_a_feature_like_a_team(project)
    commit_all(project, "team changes")
    update_project(project)
    left_conflicted = follow_the_update_docs(project)
    fresh = render(
        template, workdir / "fresh", *NAMES, f"--vcs-ref=v{candidate.version}"
    )
    edit_like_a_team(fresh)
    if feature:
        add_a_feature_like_a_team(fresh)
    return {
        "project": project,
        "fresh": fresh,
        "check": check,
        "previous": previous,
        "candidate": candidate.version,
        "feature": feature,
        "conflicted": left_conflicted,
    }


def test_check_update_reports_the_newer_release(update: dict[str, object]) -> None:
    report = yaml.safe_load(str(update["check"]))
    assert report["update_available"] is True
    assert report["latest_version"] == update["candidate"]


def test_the_project_records_the_new_version(update: dict[str, object]) -> None:
    project = Path(str(update["project"]))
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_commit"] == f"v{update['candidate']}"


def test_old_answers_are_migrated_and_the_rendered_licence_is_unchanged(
    update: dict[str, object],
) -> None:
    # 0.1.0 answered `license: Proprietary`; 0.2.0's migration makes it SPDX.
    project = Path(str(update["project"]))
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["license"] == "LicenseRef-Proprietary"
    assert "All rights reserved." in (project / "LICENSE").read_text()
    pyproject = (project / "backend" / "pyproject.toml").read_text()
    assert 'license = "LicenseRef-Proprietary"' in pyproject


def test_the_teams_edits_survive(update: dict[str, object]) -> None:
    project = Path(str(update["project"]))
    assert (project / "README.md").read_text().endswith(APPENDED_README)
    assert TEAM_DEPENDENCY in (project / "backend" / "pyproject.toml").read_text()
    assert '"Ready"' in (project / HEALTH_MODULE).read_text()
    assert not (project / DELETED_FILE).exists()


def test_the_teams_feature_is_untouched(update: dict[str, object]) -> None:
    """From a release with feature packages: the team's orders files are as the
    team committed them (the update neither edited nor conflicted them)."""
    feature = cast(list[str], update["feature"])
    if not feature:
        assert str(update["previous"]) == RELEASES[-1]  # only the first predates it
        return
    project = Path(str(update["project"]))
    assert run(["git", "status", "--porcelain", *feature], project) == ""


def test_only_generated_files_ever_conflict(update: dict[str, object]) -> None:
    """docs/api/ may (docs/updating.md: regenerate it); a file a team edits never."""
    left = cast(list[str], update["conflicted"])
    assert [name for name in left if not name.startswith("docs/api/")] == []


def test_the_update_equals_the_new_release_rendered_with_the_same_edits(
    update: dict[str, object],
) -> None:
    """So its suites are those the matrix runs on the working tree.

    The matrix renders the same answers and names from the working tree (the
    release candidate here) and runs their whole suite; the updated project holds
    exactly those bytes, with the team's edits made to them.
    """
    updated = tree(Path(str(update["project"])))
    expected = tree(Path(str(update["fresh"])))
    assert sorted(updated) == sorted(expected)
    assert [name for name in updated if updated[name] != expected[name]] == []
    assert not [name for name in updated if name.endswith(".rej")]
