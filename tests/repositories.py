"""Git repositories for update tests: the template as one, and rendered projects."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.commands import run
from tests.conftest import TEMPLATE_ROOT

COPIER = str(Path(sys.executable).parent / "copier")
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]
_NOT_TEMPLATE = shutil.ignore_patterns(
    ".git", ".nox", ".site", "__pycache__", ".*_cache"
)


def copy_working_tree(destination: Path) -> None:
    """The template's working tree (uncommitted changes included), without caches."""
    shutil.copytree(
        TEMPLATE_ROOT, destination, ignore=_NOT_TEMPLATE, dirs_exist_ok=True
    )


def commit_all(repo: Path, message: str, *, tag: str | None = None) -> None:
    """Commits everything in `repo` (creating the repository if needed)."""
    if not (repo / ".git").exists():
        run([*GIT, "init", "--quiet", "--initial-branch=main"], repo)
    run([*GIT, "add", "--all"], repo)
    run([*GIT, "commit", "--quiet", "--allow-empty", f"--message={message}"], repo)
    if tag:
        run([*GIT, "tag", tag], repo)


def render(template: Path, project: Path, *copier_args: str) -> Path:
    """Renders with every default (and `copier_args`), as a user's first commit."""
    run(
        [
            COPIER,
            "copy",
            "--trust",
            "--defaults",
            "--quiet",
            *copier_args,
            str(template),
            str(project),
        ]
    )
    commit_all(project, "rendered")
    return project


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` but git's, by relative path: its bytes."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and ".git" not in path.relative_to(root).parts
    }


def update(project: Path, *copier_args: str) -> str:
    return run(
        [COPIER, "update", "--trust", "--defaults", "--quiet", *copier_args], project
    )
