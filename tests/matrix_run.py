"""One matrix combination, run as a user would: render, commit, the project's own
`nox`, then its pre-commit hooks. Used by the noxfile's `matrix` (one combination,
live output) and `matrix_parallel` (several at once, each into its own log).

The combinations share nothing but caches (uv, pre-commit), which both tools lock,
and ports and databases, which every rendered suite picks freshly (free ports,
throwaway databases), so they can run side by side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

GIT = ["git", "-c", "user.name=Matrix", "-c", "user.email=matrix@example.com"]


@dataclass
class CombinationResult:
    name: str
    log_path: Path | None
    returncode: int = 0
    failed_step: str = ""
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    def summary(self) -> str:
        steps = ", ".join(f"{step} {took:.1f}s" for step, took in self.seconds.items())
        total = sum(self.seconds.values())
        verdict = "passed" if self.passed else f"FAILED in {self.failed_step}"
        return f"matrix({self.name}): {verdict}; {steps}, total {total:.1f}s"


def render_command(
    root: Path, destination: Path, answers: Mapping[str, Any]
) -> list[str]:
    data = [f"--data={name}={value}" for name, value in answers.items()]
    return [
        "copier",
        "copy",
        "--trust",
        "--defaults",
        "--quiet",
        "--vcs-ref=HEAD",
        *data,
        str(root),
        str(destination),
    ]


def run_combination(
    root: Path,
    name: str,
    answers: Mapping[str, Any],
    *,
    env: Mapping[str, str],
    output: IO[str],
    log_path: Path | None = None,
) -> CombinationResult:
    """Runs every step in order and stops at the first that fails."""
    result = CombinationResult(name=name, log_path=log_path)
    workdir = Path(tempfile.mkdtemp(prefix="matrix-"))
    project = workdir / "project"
    steps: list[tuple[str, list[str], Path]] = [
        ("render", render_command(root, project, answers), root),
        ("git", [*GIT, "init", "--quiet", "--initial-branch=main", "."], project),
        ("git", [*GIT, "add", "--all"], project),
        ("git", [*GIT, "commit", "--quiet", "--message=Rendered"], project),
        # The rendered project's own entry point, exactly as its README says.
        ("suite", ["nox", "--non-interactive"], project),
        (
            "pre-commit",
            ["pre-commit", "run", "--all-files", "--show-diff-on-failure"],
            project,
        ),
    ]
    try:
        for step, command, cwd in steps:
            started = time.monotonic()
            output.write(f"$ {' '.join(command)}\n")
            output.flush()
            completed = subprocess.run(
                command,
                cwd=cwd,
                env=dict(env),
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
            result.seconds[step] = result.seconds.get(step, 0.0) + (
                time.monotonic() - started
            )
            if completed.returncode != 0:
                result.returncode = completed.returncode
                result.failed_step = step
                break
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def run_in_parallel(
    root: Path,
    combinations: Iterable[tuple[str, Mapping[str, Any]]],
    *,
    env: Mapping[str, str],
    jobs: int,
    log_dir: Path,
    report: Any,
) -> list[CombinationResult]:
    """Runs the combinations `jobs` at a time; `report` gets each result as it ends."""
    log_dir.mkdir(parents=True, exist_ok=True)

    def run_one(index: int, name: str, answers: Mapping[str, Any]) -> CombinationResult:
        log_path = log_dir / f"{index:02d}.log"
        with log_path.open("w", encoding="utf-8") as log:
            result = run_combination(
                root, name, answers, env=env, output=log, log_path=log_path
            )
        report(result)
        return result

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(run_one, index, name, answers)
            for index, (name, answers) in enumerate(combinations)
        ]
        return [future.result() for future in futures]


def default_jobs() -> int:
    """MATRIX_JOBS, else one combination per core (each suite runs on one core)."""
    configured = os.environ.get("MATRIX_JOBS", "")
    if configured:
        return max(1, int(configured))
    return max(1, os.cpu_count() or 1)
