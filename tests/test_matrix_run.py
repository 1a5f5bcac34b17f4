"""The matrix runner's own behaviour, with stand-ins for copier, nox and pre-commit.

The stand-ins are shell scripts on PATH: `copier` makes the project folder, the
others exit with the code the test puts in the environment.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.combinations import combination_id, matrix_combinations
from tests.matrix_run import default_jobs, run_combination, run_in_parallel

STAND_INS = {
    # The destination is copier's last argument.
    "copier": (
        'for last; do :; done; mkdir -p "$last"; echo x > "$last/README"\n'
        'echo rendered "$last"\n'
    ),
    # With BARRIER set, each suite waits (5 s at most) until two have started:
    # it passes only when the combinations really run side by side.
    "nox": (
        "echo suite ran\n"
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
        [("first", {}), ("second", {})],
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
        [("first", {}), ("second", {})],
        env={**tools, "HOOKS_EXIT": "1"},
        jobs=1,
        log_dir=tmp_path / "logs",
        report=lambda result: None,
    )
    assert [result.failed_step for result in results] == ["pre-commit", "pre-commit"]


def test_matrix_jobs_sets_the_parallelism(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATRIX_JOBS", "3")
    assert default_jobs() == 3
    monkeypatch.setenv("MATRIX_JOBS", "0")
    assert default_jobs() == 1
    monkeypatch.delenv("MATRIX_JOBS")
    assert default_jobs() == max(1, os.cpu_count() or 1)


def test_e2ee_is_in_the_matrix_only_with_object_storage() -> None:
    ids = [combination_id(answers) for answers in matrix_combinations()]
    assert len(ids) == 12
    with_e2ee = [answers for answers in matrix_combinations() if "e2ee" in answers]
    assert {answers["object_storage"] for answers in with_e2ee} == {"s3"}
    assert sum(1 for answers in with_e2ee if answers["e2ee"]) == 4
