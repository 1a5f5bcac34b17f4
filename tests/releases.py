"""Releases recorded in CHANGELOG.md, and their git tags recreated from it.

A clone made without tags still knows every release: each `## X.Y.Z (date)`
heading names a version, and the commit titled `Release X.Y.Z` is what was tagged.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

_RELEASE_HEADING = re.compile(r"^## (\d+\.\d+\.\d+) \(", re.MULTILINE)


def released_versions(changelog: Path) -> list[str]:
    """Every released version, newest first (the changelog's order)."""
    return _RELEASE_HEADING.findall(changelog.read_text(encoding="utf-8"))


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()


def release_commit(repo: Path, version: str) -> str:
    title = f"^Release {re.escape(version)}$"
    commit = _git(repo, "log", "--all", f"--grep={title}", "--format=%H", "-n1")
    if not commit:
        raise LookupError(
            f"no commit titled 'Release {version}' in {repo}: "
            "is it a shallow clone? (`git fetch --unshallow`)"
        )
    return commit


def ensure_release_tags(repo: Path) -> list[str]:
    """Creates the missing `vX.Y.Z` tags; returns the ones it created."""
    existing = set(_git(repo, "tag", "--list").split())
    created = []
    for version in released_versions(repo / "CHANGELOG.md"):
        tag = f"v{version}"
        if tag not in existing:
            _git(repo, "tag", tag, release_commit(repo, version))
            created.append(tag)
    return created
