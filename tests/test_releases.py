"""Every release in CHANGELOG.md can be recreated as a tag from main alone."""

from __future__ import annotations

from pathlib import Path

from tests.commands import run
from tests.conftest import TEMPLATE_ROOT
from tests.releases import ensure_release_tags, release_commit, released_versions


def test_the_changelog_lists_releases_newest_first() -> None:
    versions = released_versions(TEMPLATE_ROOT / "CHANGELOG.md")
    assert versions, "CHANGELOG.md records no release"
    as_tuples = [
        tuple(int(part) for part in version.split(".")) for version in versions
    ]
    assert as_tuples == sorted(as_tuples, reverse=True)


def test_a_clone_without_tags_gets_every_release_tag_back(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    run(["git", "clone", "--quiet", "--no-tags", str(TEMPLATE_ROOT), str(clone)])
    assert run(["git", "tag", "--list"], clone).strip() == ""
    created = ensure_release_tags(clone)
    versions = released_versions(clone / "CHANGELOG.md")
    assert created == [f"v{version}" for version in versions]
    for version in versions:
        tagged = run(["git", "rev-list", "-n1", f"v{version}"], clone).strip()
        assert tagged == release_commit(clone, version)
    assert ensure_release_tags(clone) == []
