"""One matrix combination, run as a user would: render, commit, the project's own
`nox`, then its pre-commit hooks. Used by the noxfile's `matrix` (one combination,
live output) and `matrix_parallel` (several at once, each into its own log).

The combinations share nothing but caches (uv, npm, pre-commit), which the tools
lock, and ports and databases, which every rendered suite picks freshly (free
ports, throwaway databases), so they can run side by side. Combinations that
render a tier byte for byte alike (the twins with and without a front end, and
the front end on either database) run that tier's sessions once: see
SharedSessions.
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

from tests.combinations import MATRIX_NAMES

GIT = ["git", "-c", "user.name=Matrix", "-c", "user.email=matrix@example.com"]
# The rendered project's own entry point, as its README says.
NOX = ("nox", "--non-interactive")


@dataclass(frozen=True)
class SharedSessions:
    """Project sessions that read only the files under `parts` (and their own
    noxfile functions, which tests/test_frontend_twins.py keeps alike).

    Combinations that render those files byte for byte alike run these sessions
    once per matrix run; the rest of each project's suite still runs. The bytes
    are compared when the combination runs, never assumed.
    """

    name: str
    parts: tuple[str, ...]
    sessions: tuple[str, ...]
    # Pre-commit hooks that run one of `sessions`' own commands on the same
    # files: skipped where those files passed that session in this run.
    hooks: tuple[str, ...] = ()


# A combination and its twin with the React front end share these.
BACKEND = SharedSessions(
    "backend", ("backend", "client", "docs/api"), ("lint", "typecheck", "tests")
)
# A React combination and its twin on the other database share these; the hook
# `eslint` is `npm run lint` over frontend/, which the `frontend` session runs.
FRONTEND = SharedSessions(
    "frontend", ("frontend", "docs/api"), ("frontend",), hooks=("eslint",)
)
SHARED_SESSIONS = (BACKEND, FRONTEND)


def parts_digest(project: Path, parts: Iterable[str]) -> str:
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


ProofKey = tuple[str, str]  # (SharedSessions.name, parts digest)


class SessionProofs:
    """Which bytes passed which shared sessions in this run (thread-safe).

    The first combination to claim a key runs those sessions and records the
    result; another with the same key waits for it and, if it passed, skips them.
    A combination waits only while it holds no claim, so two never wait on each
    other.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._running: set[ProofKey] = set()
        self._passed: set[ProofKey] = set()

    def claim(self, keys: Iterable[ProofKey]) -> set[ProofKey]:
        """The keys already proven; the caller now runs the others and must
        record() them."""
        wanted = set(keys)
        with self._changed:
            self._changed.wait_for(lambda: not wanted & self._running)
            proven = wanted & self._passed
            self._running |= wanted - proven
            return proven

    def record(self, keys: Iterable[ProofKey], *, passed: bool) -> None:
        with self._changed:
            for key in keys:
                self._running.discard(key)
                if passed:
                    self._passed.add(key)
            self._changed.notify_all()


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
    # Wall seconds of each step: render, git, suite, pre-commit.
    seconds: dict[str, float] = field(default_factory=dict)
    # Within the suite, each project session's seconds, as nox reported them.
    sessions: dict[str, float] = field(default_factory=dict)
    # The SharedSessions names whose sessions passed on the same bytes elsewhere.
    reused: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    def summary(self) -> str:
        steps = ", ".join(f"{step} {took:.1f}s" for step, took in self.seconds.items())
        total = sum(self.seconds.values())
        verdict = "passed" if self.passed else f"FAILED in {self.failed_step}"
        reused = ""
        if self.reused:
            names = " and ".join(self.reused)
            reused = f" ({names} sessions passed on the same bytes)"
        return f"matrix({self.name}): {verdict}{reused}; {steps}, total {total:.1f}s"


def session_seconds(report: Path) -> dict[str, float]:
    """Each session's seconds from `nox --report` (none if nox wrote no report)."""
    try:
        sessions = json.loads(report.read_text(encoding="utf-8"))["sessions"]
    except FileNotFoundError:
        return {}
    return {entry["name"]: float(entry["duration"]) for entry in sessions}


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


# A developer's shell that sourced production's settings: every rendered suite
# must ignore it (each test, test server and command is given what it needs), so
# every combination's suite runs under it. A leak fails loudly: production
# refuses these values.
DEVELOPER_SHELL = {
    "APP_ENVIRONMENT": "production",
    "APP_DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:1/not_a_test_database",
    "APP_JWT_SECRET": "not-a-test-secret",
}


def run_combination(
    root: Path,
    name: str,
    answers: Mapping[str, Any],
    *,
    env: Mapping[str, str],
    output: IO[str],
    log_path: Path | None = None,
    proofs: SessionProofs | None = None,
) -> CombinationResult:
    """Runs every step in order and stops at the first that fails."""
    result = CombinationResult(name=name, log_path=log_path)
    workdir = Path(tempfile.mkdtemp(prefix="matrix-"))
    project = workdir / "project"
    report = workdir / "nox-report.json"
    named = {**MATRIX_NAMES, **answers}
    prepare: list[tuple[str, list[str], Path]] = [
        ("render", render_command(root, project, named), root),
        ("git", [*GIT, "init", "--quiet", "--initial-branch=main", "."], project),
        ("git", [*GIT, "add", "--all"], project),
        ("git", [*GIT, "commit", "--quiet", "--message=Rendered"], project),
    ]
    try:
        for step, command, cwd in prepare:
            if not run_step(result, step, command, cwd=cwd, env=env, output=output):
                return result
        proven_here: list[SharedSessions] = []
        suite_env = {**env, **DEVELOPER_SHELL}
        if proofs is None:
            # The rendered project's own entry point, exactly as its README says.
            suite_ok = run_step(
                result,
                "suite",
                [*NOX, "--report", str(report)],
                cwd=project,
                env=suite_env,
                output=output,
            )
        else:
            suite_ok, proven_here = run_suite_once_per_bytes(
                result,
                project,
                env=suite_env,
                output=output,
                proofs=proofs,
                report=report,
            )
        result.sessions = session_seconds(report)
        if suite_ok:
            run_step(
                result,
                "pre-commit",
                ["pre-commit", "run", "--all-files", "--show-diff-on-failure"],
                cwd=project,
                env=hooks_env(env, proven_here, output),
                output=output,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def run_suite_once_per_bytes(
    result: CombinationResult,
    project: Path,
    *,
    env: Mapping[str, str],
    output: IO[str],
    proofs: SessionProofs,
    report: Path,
) -> tuple[bool, list[SharedSessions]]:
    """The project's suite without the shared sessions that passed on the same
    bytes in this run. Returns whether it passed, and the shared sessions that
    passed on this project's bytes (here or in a twin)."""
    sessions = default_sessions(project, env)
    present = [
        group for group in SHARED_SESSIONS if set(group.sessions) <= set(sessions)
    ]
    keys = {
        group: (group.name, parts_digest(project, group.parts)) for group in present
    }
    proven = proofs.claim(keys.values())
    reused = [group for group in present if keys[group] in proven]
    ran = [group for group in present if keys[group] not in proven]
    result.reused = [group.name for group in reused]
    suite_ok = False
    try:
        suite_ok = run_step(
            result,
            "suite",
            [*suite_command(sessions, reused, keys, output), "--report", str(report)],
            cwd=project,
            env=env,
            output=output,
        )
    finally:
        proofs.record((keys[group] for group in ran), passed=suite_ok)
    return suite_ok, present


def suite_command(
    sessions: list[str],
    reused: list[SharedSessions],
    keys: Mapping[SharedSessions, ProofKey],
    output: IO[str],
) -> list[str]:
    """`nox`, as the README says; with reused sessions, `nox -s` the others,
    saying why."""
    if not reused:
        return list(NOX)
    skipped = {session for group in reused for session in group.sessions}
    for group in reused:
        parts = ", ".join(f"{part}/" for part in group.parts)
        output.write(
            f"# {', '.join(group.sessions)}: {parts} are byte for byte those that "
            f"passed them in this run (sha256 {keys[group][1][:16]})\n"
        )
    others = [session for session in sessions if session not in skipped]
    return [*NOX, "-s", *others]


def hooks_env(
    env: Mapping[str, str], proven: list[SharedSessions], output: IO[str]
) -> dict[str, str]:
    """Pre-commit's environment: SKIP the hooks whose command a session passed
    on these very files in this run (pre-commit's own variable)."""
    hooks = [hook for group in proven for hook in group.hooks]
    if not hooks:
        return dict(env)
    output.write(
        f"# pre-commit hooks {', '.join(hooks)}: their command passed in this "
        "run's suite on these files\n"
    )
    return {**env, "SKIP": ",".join(hooks)}


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


def short_label(answers: Mapping[str, Any]) -> str:
    """`rest sqlite s3 e2ee react`: each answer's value, a true flag by its name."""
    words = []
    for name, value in answers.items():
        if isinstance(value, bool):
            if value:
                words.append(name)
        else:
            words.append(str(value))
    return " ".join(words)


def timing_table(
    results: Iterable[CombinationResult], labels: Mapping[str, str], wall: float
) -> str:
    """Seconds of each combination's steps and project sessions, as a text table.

    A session that passed on the same bytes in a twin reads `twin`; one that did
    not run (a failure before it, or not in that project) reads `-`.
    """
    listed = list(results)
    session_names: list[str] = []
    for result in listed:
        for session in result.sessions:
            if session not in session_names:
                session_names.append(session)
    header = ["combination", "render", *session_names, "pre-commit", "total"]
    rows = [header]
    for result in listed:
        reused = {
            session
            for group in SHARED_SESSIONS
            if group.name in result.reused
            for session in group.sessions
        }
        cells = [labels.get(result.name, result.name), seconds(result, "render")]
        for session in session_names:
            if session in result.sessions:
                cells.append(f"{result.sessions[session]:.0f}")
            else:
                cells.append("twin" if session in reused else "-")
        cells += [
            seconds(result, "pre-commit"),
            f"{sum(result.seconds.values()):.0f}",
        ]
        rows.append(cells)
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    total = sum(sum(result.seconds.values()) for result in listed)
    lines.append(
        f"{len(listed)} combinations: {total:.0f} s of combinations in "
        f"{wall:.0f} s of wall time"
    )
    return "\n".join(lines)


def seconds(result: CombinationResult, step: str) -> str:
    return f"{result.seconds[step]:.0f}" if step in result.seconds else "-"


def run_in_parallel(
    root: Path,
    combinations: Iterable[tuple[str, Mapping[str, Any]]],
    *,
    env: Mapping[str, str],
    jobs: int,
    log_dir: Path,
    report: Any,
) -> list[CombinationResult]:
    """Runs the combinations `jobs` at a time; `report` gets each result as it ends.

    The combinations share one mypy cache (in `log_dir`): mypy checks each cached
    module against its source's hash and rechecks what differs, so a combination
    re-analyses only its own code, not the libraries every backend imports. npm
    prefers its cache too: the first React combination fetches the registry's
    metadata, the others resolve from it (measured: an install 30 s -> 18 s).
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **env,
        "MYPY_CACHE_DIR": str(log_dir / "mypy-cache"),
        "npm_config_prefer_offline": "true",
    }
    proofs = SessionProofs()

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


def twins_apart(
    combinations: Iterable[Mapping[str, Any]],
) -> list[Mapping[str, Any]]:
    """Without a front end first, then SQLite before PostgreSQL: a twin then
    finds the shared sessions proven instead of waiting for them."""
    listed = list(combinations)
    return sorted(
        listed,
        key=lambda answers: (
            answers.get("frontend", "none") != "none",
            answers.get("database", "sqlite") != "sqlite",
        ),
    )


def default_jobs() -> int:
    """MATRIX_JOBS, else one combination per core (each suite runs on one core)."""
    configured = os.environ.get("MATRIX_JOBS", "")
    if configured:
        return max(1, int(configured))
    return max(1, os.cpu_count() or 1)
