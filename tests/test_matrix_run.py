"""The matrix runner's own behaviour, with stand-ins for copier, nox and pre-commit.

The stand-ins are shell scripts on PATH: `copier` makes the project folder, the
others exit with the code the test puts in the environment.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.combinations import combination_id, matrix_combinations
from tests.matrix_run import (
    backends_first,
    default_jobs,
    run_combination,
    run_in_parallel,
)

STAND_INS = {
    # The destination is copier's last argument.
    # backend/answers holds every answer but the front end's, as a real render's
    # backend does not depend on it.
    "copier": (
        'for last; do :; done; mkdir -p "$last/backend"; echo x > "$last/README"\n'
        'for arg; do case "$arg" in --data=frontend=*) ;; --data=*) echo "$arg";;'
        ' esac; done > "$last/backend/answers"\n'
        'echo rendered "$last"\n'
    ),
    # With BARRIER set, each suite waits (5 s at most) until two have started:
    # it passes only when the combinations really run side by side.
    "nox": (
        'if [ "$1" = --list ]; then\n'
        '  echo \'[{"session": "lint"}, {"session": "tests"}, {"session": "web"}]\'\n'
        "  exit 0\n"
        "fi\n"
        'echo suite ran "$@"\n'
        'if [ -n "$SUITE_EXIT_WITH_BACKEND" ]; then\n'
        '  case "$*" in *" -s "*) ;; *) exit "$SUITE_EXIT_WITH_BACKEND";; esac\n'
        "fi\n"
        'if [ -n "$BARRIER" ]; then\n'
        '  touch "$BARRIER/$$"; tries=0\n'
        '  while [ "$(ls "$BARRIER" | wc -l)" -lt 2 ]; do\n'
        "    sleep 0.05; tries=$((tries + 1)); [ $tries -gt 100 ] && exit 9\n"
        "  done\n"
        "fi\n"
        'exit "${SUITE_EXIT:-0}"\n'
    ),
    "pre-commit": 'echo hooks ran; exit "${HOOKS_EXIT:-0}"\n',
}


@pytest.fixture
def tools(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH finds the stand-ins first (git stays real)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in STAND_INS.items():
        script = bin_dir / name
        script.write_text(f"#!/bin/sh\n{body}")
        script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def test_a_passing_combination_runs_every_step_in_order(
    tools: dict[str, str], tmp_path: Path
) -> None:
    with (tmp_path / "log").open("w+") as output:
        result = run_combination(tmp_path, "one", {"a": "b"}, env=tools, output=output)
        output.seek(0)
        log = output.read()
    assert result.passed
    assert list(result.seconds) == ["render", "git", "suite", "pre-commit"]
    assert log.index("rendered") < log.index("suite ran") < log.index("hooks ran")
    assert "--data=a=b" in log
    assert "passed" in result.summary()


def test_a_failing_suite_stops_the_combination_and_is_named(
    tools: dict[str, str], tmp_path: Path
) -> None:
    with (tmp_path / "log").open("w+") as output:
        result = run_combination(
            tmp_path, "one", {}, env={**tools, "SUITE_EXIT": "3"}, output=output
        )
        output.seek(0)
        log = output.read()
    assert not result.passed
    assert result.returncode == 3
    assert result.failed_step == "suite"
    assert "hooks ran" not in log
    assert "FAILED in suite" in result.summary()


def test_combinations_run_side_by_side_and_each_keeps_its_log(
    tools: dict[str, str], tmp_path: Path
) -> None:
    reported: list[str] = []
    lock = threading.Lock()

    def report(result: object) -> None:
        with lock:
            reported.append(getattr(result, "name", ""))

    barrier = tmp_path / "barrier"
    barrier.mkdir()
    results = run_in_parallel(
        tmp_path,
        [("first", {"n": "1"}), ("second", {"n": "2"})],
        env={**tools, "BARRIER": str(barrier)},
        jobs=2,
        log_dir=tmp_path / "logs",
        report=report,
    )
    assert [result.name for result in results] == ["first", "second"]
    assert all(result.passed for result in results)
    assert sorted(reported) == ["first", "second"]
    for result in results:
        assert result.log_path is not None
        assert "suite ran" in result.log_path.read_text()

    # One at a time, the first suite would wait for a second that never starts.
    empty_barrier = tmp_path / "empty-barrier"
    empty_barrier.mkdir()
    sequential = run_in_parallel(
        tmp_path,
        [("alone", {})],
        env={**tools, "BARRIER": str(empty_barrier)},
        jobs=1,
        log_dir=tmp_path / "alone-logs",
        report=lambda result: None,
    )
    assert sequential[0].returncode == 9


def test_one_failure_does_not_stop_the_others(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = run_in_parallel(
        tmp_path,
        [("first", {"n": "1"}), ("second", {"n": "2"})],
        env={**tools, "HOOKS_EXIT": "1"},
        jobs=1,
        log_dir=tmp_path / "logs",
        report=lambda result: None,
    )
    assert [result.failed_step for result in results] == ["pre-commit", "pre-commit"]


def twins(tools: dict[str, str], tmp_path: Path, **env: str) -> list[Any]:
    """A combination and its twin with a front end, two at a time."""
    return run_in_parallel(
        tmp_path,
        [
            ("plain", {"n": "1", "frontend": "none"}),
            ("with-web", {"n": "1", "frontend": "react"}),
        ],
        env={**tools, **env},
        jobs=2,
        log_dir=tmp_path / "logs",
        report=lambda result: None,
    )


def log_of(result: Any) -> str:
    return str(result.log_path.read_text())


def test_a_twin_with_the_same_backend_bytes_runs_only_the_other_sessions(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = twins(tools, tmp_path)
    assert all(result.passed for result in results)
    # Whichever claims the bytes first runs everything; the other waits for it.
    full = [result for result in results if not result.backend_reused]
    reused = [result for result in results if result.backend_reused]
    assert len(full) == len(reused) == 1
    assert "suite ran --non-interactive\n" in log_of(full[0])
    assert "suite ran --non-interactive -s web\n" in log_of(reused[0])
    assert "byte for byte" in log_of(reused[0])
    assert "backend sessions passed on the same bytes" in reused[0].summary()
    assert "hooks ran" in log_of(reused[0])


def test_a_twin_runs_everything_when_the_backend_failed(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = twins(tools, tmp_path, SUITE_EXIT_WITH_BACKEND="4")
    assert [result.failed_step for result in results] == ["suite", "suite"]
    assert not any(result.backend_reused for result in results)
    assert all("suite ran --non-interactive\n" in log_of(r) for r in results)


def test_different_backend_bytes_are_never_reused(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = run_in_parallel(
        tmp_path,
        [("one", {"n": "1"}), ("two", {"n": "2"})],
        env=tools,
        jobs=1,
        log_dir=tmp_path / "logs",
        report=lambda result: None,
    )
    assert [result.backend_reused for result in results] == [False, False]


def test_combinations_without_a_front_end_are_run_first() -> None:
    ordered = backends_first(
        [{"n": "1", "frontend": "react"}, {"n": "1", "frontend": "none"}, {"n": "2"}]
    )
    assert [answers.get("frontend") for answers in ordered] == ["none", None, "react"]


def test_matrix_jobs_sets_the_parallelism(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATRIX_JOBS", "3")
    assert default_jobs() == 3
    monkeypatch.setenv("MATRIX_JOBS", "0")
    assert default_jobs() == 1
    monkeypatch.delenv("MATRIX_JOBS")
    assert default_jobs() == max(1, os.cpu_count() or 1)


def test_e2ee_is_in_the_matrix_only_with_object_storage() -> None:
    ids = [combination_id(answers) for answers in matrix_combinations()]
    assert len(ids) == len(set(ids)) == 24
    with_e2ee = [answers for answers in matrix_combinations() if "e2ee" in answers]
    assert {answers["object_storage"] for answers in with_e2ee} == {"s3"}
    assert sum(1 for answers in with_e2ee if answers["e2ee"]) == 8


def test_every_backend_combination_has_a_twin_with_the_react_front_end() -> None:
    def backend_of(answers: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        return tuple((k, v) for k, v in answers.items() if k != "frontend")

    by_frontend: dict[str, list[tuple[tuple[str, Any], ...]]] = {}
    for answers in matrix_combinations():
        by_frontend.setdefault(answers["frontend"], []).append(backend_of(answers))
    assert by_frontend["none"] == by_frontend["react"]
    assert len(by_frontend["none"]) == 12
