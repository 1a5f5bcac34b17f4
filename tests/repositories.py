"""Git repositories for update tests: the template as one, and rendered projects."""

from __future__ import annotations

import shutil
import subprocess
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


def project_files(repo: Path) -> list[str]:
    """The files a team would commit: tracked or new, not ignored (so no .venv)."""
    listed = run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], repo
    )
    return sorted({name for name in listed.split("\0") if name})


def tree(repo: Path) -> dict[str, bytes]:
    """Every file of `repo` a team would commit, by relative path: its bytes.

    A file the working tree no longer has (deleted, not yet committed) is left out.
    """
    return {
        name: (repo / name).read_bytes()
        for name in project_files(repo)
        if (repo / name).is_file()
    }


def conflicted(repo: Path) -> list[str]:
    """Files an update left conflict markers in, and its .rej files."""
    return [
        name
        for name, content in tree(repo).items()
        if name.endswith(".rej") or b"<<<<<<<" in content
    ]


def update_unattended(
    project: Path, *copier_args: str
) -> subprocess.CompletedProcess[str]:
    """`copier update` with no standard input (a question that needs an answer
    fails it), whatever its outcome: the caller checks the result."""
    return subprocess.run(
        [COPIER, "update", "--trust", "--defaults", *copier_args],
        cwd=project,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def update(project: Path, *copier_args: str) -> str:
    return run(
        [COPIER, "update", "--trust", "--defaults", "--quiet", *copier_args], project
    )
