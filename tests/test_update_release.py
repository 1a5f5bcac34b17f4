"""`copier update` from the newest real release to the working tree.

The template repository is cloned into a temporary folder (keeping its history),
its release tags are recreated from CHANGELOG.md when the clone has none, and the
working tree is committed on top and tagged as the next version. A project
rendered from the newest release, then edited by its team, takes the update.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.commands import run
from tests.conftest import TEMPLATE_ROOT
from tests.releases import ensure_release_tags, released_versions
from tests.repositories import COPIER, commit_all, copy_working_tree, render
from tests.repositories import update as update_project

APPENDED_README = "\n## On call\n\nPage the payments team.\n"
TEAM_DEPENDENCY = '    "idna==3.20",\n'
DELETED_FILE = Path("docs/decisions/0002-contract-first-api.md")


def next_version(version: str) -> str:
    """The next feature release (0.x: a new minor version)."""
    major, minor, _patch = (int(part) for part in version.split("."))
    return f"{major}.{minor + 1}.0"


def candidate_template(workdir: Path) -> tuple[Path, str, str]:
    """A clone of the template with the working tree as its newest version."""
    clone = workdir / "template"
    run(["git", "clone", "--quiet", str(TEMPLATE_ROOT), str(clone)])
    ensure_release_tags(clone)
    previous = released_versions(clone / "CHANGELOG.md")[0]
    copy_working_tree(clone)
    candidate = next_version(previous)
    commit_all(clone, "candidate", tag=f"v{candidate}")
    return clone, previous, candidate


def edit_like_a_team(project: Path) -> None:
    readme = project / "README.md"
    readme.write_text(readme.read_text() + APPENDED_README)
    pyproject = project / "backend" / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(
        text.replace("dependencies = [\n", "dependencies = [\n" + TEAM_DEPENDENCY, 1)
    )
    health = project / "backend" / "src" / "my_service" / "api" / "health.py"
    health.write_text(
        health.read_text().replace('"Every dependency answers"', '"Ready"')
    )
    (project / DELETED_FILE).unlink()


@pytest.fixture(scope="module")
def update(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    workdir = tmp_path_factory.mktemp("release-update")
    template, previous, candidate = candidate_template(workdir)
    project = render(template, workdir / "project", f"--vcs-ref=v{previous}")
    check = run([COPIER, "check-update", "--output-format=json"], project)
    edit_like_a_team(project)
    commit_all(project, "team changes")
    update_project(project)
    fresh = render(template, workdir / "fresh", f"--vcs-ref=v{candidate}")
    return {
        "project": project,
        "fresh": fresh,
        "check": check,
        "previous": previous,
        "candidate": candidate,
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
    health = project / "backend" / "src" / "my_service" / "api" / "health.py"
    assert '"Ready"' in health.read_text()
    assert not (project / DELETED_FILE).exists()


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }


def test_the_update_equals_a_fresh_copy_apart_from_the_edits(
    update: dict[str, object],
) -> None:
    updated = tree(Path(str(update["project"])))
    fresh = tree(Path(str(update["fresh"])))
    edited = {
        "README.md",
        "backend/pyproject.toml",
        "backend/src/my_service/api/health.py",
        str(DELETED_FILE),
    }
    assert sorted(set(updated) ^ set(fresh)) == [str(DELETED_FILE)]
    differing = {name for name in updated if updated[name] != fresh.get(name)}
    assert differing <= edited
    assert not [name for name in updated if name.endswith(".rej")]


def test_the_updated_project_passes_its_unit_and_contract_tests(
    update: dict[str, object],
) -> None:
    backend = Path(str(update["project"])) / "backend"
    run(["uv", "sync", "--quiet"], backend)
    run(
        [
            "uv",
            "run",
            "--no-sync",
            "python",
            "-m",
            "my_service.api.rest.contract",
            "../docs/api/openapi.json",
        ],
        backend,
    )
    run(["uv", "run", "--no-sync", "pytest", "-q", "-p", "no:cacheprovider"], backend)
