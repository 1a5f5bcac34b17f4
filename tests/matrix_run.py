"""One matrix combination, run as a user would: render, commit, the project's own
`nox`, then its pre-commit hooks. Used by the noxfile's `matrix` (one combination,
live output) and `matrix_parallel` (several at once, each into its own log).

The combinations share nothing but caches (uv, npm, pre-commit), which the tools
lock, and ports and databases, which every rendered suite picks freshly (free
ports, throwaway databases), so they can run side by side. Combinations whose
backend bytes are identical (they differ only in the front end) run the backend
sessions once: see BACKEND_PARTS.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

GIT = ["git", "-c", "user.name=Matrix", "-c", "user.email=matrix@example.com"]
# What the rendered backend sessions read. Combinations that differ only in the
# front end render these byte for byte alike (tests/test_frontend_twins.py), so
# each set of bytes runs the backend sessions once; the rest of each project's
# suite still runs. The bytes are compared when the combination runs, never assumed.
BACKEND_PARTS = ("backend", "client", "docs/api")
BACKEND_SESSIONS = ("lint", "typecheck", "tests")


def parts_digest(project: Path, parts: Iterable[str] = BACKEND_PARTS) -> str:
    """sha256 over the committed files under `parts`: their paths and bytes."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *parts],
        cwd=project,
        capture_output=True,
        check=True,
    ).stdout
    digest = hashlib.sha256()
    for name in sorted(entry for entry in listed.split(b"\0") if entry):
        digest.update(name + b"\0")
        digest.update((project / name.decode()).read_bytes() + b"\0")
    return digest.hexdigest()


class BackendProofs:
    """Which backend bytes passed the backend sessions in this run (thread-safe).

    The first combination with a digest runs the whole suite; one with the same
    digest waits for that result and, if it passed, skips only the backend sessions.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._finished: dict[str, threading.Event] = {}
        self._passed: set[str] = set()

    def already_passed(self, digest: str) -> bool:
        """True: proven by another combination. False: the caller must run them
        and then call record()."""
        with self._lock:
            finished = self._finished.get(digest)
            if finished is None:
                self._finished[digest] = threading.Event()
                return False
        finished.wait()
        return digest in self._passed

    def record(self, digest: str, *, passed: bool) -> None:
        with self._lock:
            if passed:
                self._passed.add(digest)
            self._finished[digest].set()


def default_sessions(project: Path, env: Mapping[str, str]) -> list[str]:
    """The sessions a plain `nox` runs in the project."""
    listed = subprocess.run(
        ["nox", "--list", "--json"],
        cwd=project,
        env=dict(env),
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return [entry["session"] for entry in json.loads(listed)]


@dataclass
class CombinationResult:
    name: str
    log_path: Path | None
    returncode: int = 0
    failed_step: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    backend_reused: bool = False

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    def summary(self) -> str:
        steps = ", ".join(f"{step} {took:.1f}s" for step, took in self.seconds.items())
        total = sum(self.seconds.values())
        verdict = "passed" if self.passed else f"FAILED in {self.failed_step}"
        reused = " (backend sessions passed on the same bytes)" * self.backend_reused
        return f"matrix({self.name}): {verdict}{reused}; {steps}, total {total:.1f}s"


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
    proofs: BackendProofs | None = None,
) -> CombinationResult:
    """Runs every step in order and stops at the first that fails."""
    result = CombinationResult(name=name, log_path=log_path)
    workdir = Path(tempfile.mkdtemp(prefix="matrix-"))
    project = workdir / "project"
    prepare: list[tuple[str, list[str], Path]] = [
        ("render", render_command(root, project, answers), root),
        ("git", [*GIT, "init", "--quiet", "--initial-branch=main", "."], project),
        ("git", [*GIT, "add", "--all"], project),
        ("git", [*GIT, "commit", "--quiet", "--message=Rendered"], project),
    ]
    pre_commit = ["pre-commit", "run", "--all-files", "--show-diff-on-failure"]
    try:
        for step, command, cwd in prepare:
            if not run_step(result, step, command, cwd=cwd, env=env, output=output):
                return result
        digest = parts_digest(project)
        if proofs is not None and proofs.already_passed(digest):
            result.backend_reused = True
            suite_ok = run_step(
                result,
                "suite",
                suite_without_backend(project, env, digest, output),
                cwd=project,
                env=env,
                output=output,
            )
        else:
            # The rendered project's own entry point, exactly as its README says.
            suite_ok = False
            try:
                suite_ok = run_step(
                    result,
                    "suite",
                    ["nox", "--non-interactive"],
                    cwd=project,
                    env=env,
                    output=output,
                )
            finally:
                if proofs is not None:
                    proofs.record(digest, passed=suite_ok)
        if suite_ok:
            run_step(
                result, "pre-commit", pre_commit, cwd=project, env=env, output=output
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def suite_without_backend(
    project: Path, env: Mapping[str, str], digest: str, output: IO[str]
) -> list[str]:
    """`nox -s` every default session but the backend ones, saying why."""
    sessions = [
        session
        for session in default_sessions(project, env)
        if session not in BACKEND_SESSIONS
    ]
    output.write(
        f"# {', '.join(BACKEND_SESSIONS)}: {'/, '.join(BACKEND_PARTS)}/ are byte for "
        f"byte those that passed them in this run (sha256 {digest[:16]})\n"
    )
    return ["nox", "--non-interactive", "-s", *sessions]


def run_step(
    result: CombinationResult,
    step: str,
    command: list[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    output: IO[str],
) -> bool:
    """Runs a command into `output` and adds its time; False (recorded) on failure."""
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
    result.seconds[step] = result.seconds.get(step, 0.0) + (time.monotonic() - started)
    if completed.returncode != 0:
        result.returncode = completed.returncode
        result.failed_step = step
        return False
    return True


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

    proofs = BackendProofs()

    def run_one(index: int, name: str, answers: Mapping[str, Any]) -> CombinationResult:
        log_path = log_dir / f"{index:02d}.log"
        with log_path.open("w", encoding="utf-8") as log:
            result = run_combination(
                root,
                name,
                answers,
                env=env,
                output=log,
                log_path=log_path,
                proofs=proofs,
            )
        report(result)
        return result

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [
            pool.submit(run_one, index, name, answers)
            for index, (name, answers) in enumerate(combinations)
        ]
        return [future.result() for future in futures]


def backends_first(
    combinations: Iterable[Mapping[str, Any]],
) -> list[Mapping[str, Any]]:
    """Combinations without a front end first: their twins with one then find the
    backend sessions proven instead of waiting for them."""
    listed = list(combinations)
    return sorted(listed, key=lambda answers: answers.get("frontend", "none") != "none")


def default_jobs() -> int:
    """MATRIX_JOBS, else one combination per core (each suite runs on one core)."""
    configured = os.environ.get("MATRIX_JOBS", "")
    if configured:
        return max(1, int(configured))
    return max(1, os.cpu_count() or 1)
