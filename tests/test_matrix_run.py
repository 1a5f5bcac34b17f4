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

from tests.combinations import MATRIX_NAMES, combination_id, matrix_combinations
from tests.matrix_run import (
    SessionProofs,
    default_jobs,
    run_combination,
    run_in_parallel,
    short_label,
    timing_table,
    twins_apart,
)

STAND_INS = {
    # The destination is copier's last argument. backend/answers holds every
    # answer but the front end's, as a real render's backend does not depend on
    # it; with frontend=react, frontend/answers holds every answer but the
    # database's, as a real front end does not depend on that.
    "copier": (
        'for last; do :; done; mkdir -p "$last/backend"; echo x > "$last/README"\n'
        'for arg; do case "$arg" in --data=frontend=*) ;; --data=*) echo "$arg";;'
        ' esac; done > "$last/backend/answers"\n'
        'case "$*" in *--data=frontend=react*) mkdir -p "$last/frontend"\n'
        '  for arg; do case "$arg" in --data=database=*) ;; --data=*) echo "$arg";;'
        ' esac; done > "$last/frontend/answers";; esac\n'
        'echo rendered "$last"\n'
    ),
    # `--list`: the sessions of a plain `nox`, the front end's with frontend/.
    # SUITE_FAILS_IN=name fails a run that includes that session.
    # With BARRIER set, each suite waits (5 s at most) until two have started:
    # it passes only when the combinations really run side by side.
    # `--report FILE` is taken out of the arguments, and FILE gets a second for
    # each session run, in nox's report format.
    "nox": (
        "report=; prev=\n"
        'for arg; do shift; if [ "$prev" = --report ]; then report="$arg"; prev=\n'
        '  continue; fi; prev="$arg"; [ "$arg" = --report ] && continue\n'
        '  set -- "$@" "$arg"; done\n'
        'all="lint typecheck tests web"\n'
        '[ -d frontend ] && all="$all frontend e2e"\n'
        'if [ "$1" = --list ]; then\n'
        "  sep=; printf '['\n"
        '  for s in $all; do printf \'%s{"session": "%s"}\' "$sep" $s; sep=,; done\n'
        "  echo ']'\n"
        "  exit 0\n"
        "fi\n"
        'echo suite ran "$@"\n'
        'echo "mypy cache: $MYPY_CACHE_DIR"\n'
        'echo "npm prefers its cache: $npm_config_prefer_offline"\n'
        'echo "suite environment: $APP_ENVIRONMENT"\n'
        'running="$*"\n'
        'case "$running" in *" -s "*) running="${running#*-s }";; *) running="$all";;'
        " esac\n"
        'if [ -n "$report" ]; then sep=; printf \'{"sessions": [\' > "$report"\n'
        '  for s in $running; do printf \'%s{"name": "%s", "duration": 1.0}\' \\\n'
        '    "$sep" $s >> "$report"; sep=", "; done; echo "]}" >> "$report"; fi\n'
        'if [ -n "$SUITE_FAILS_IN" ]; then\n'
        '  case " $running " in *" $SUITE_FAILS_IN "*) exit 4;; esac\n'
        "fi\n"
        'if [ -n "$BARRIER" ]; then\n'
        '  touch "$BARRIER/$$"; tries=0\n'
        '  while [ "$(ls "$BARRIER" | wc -l)" -lt 2 ]; do\n'
        "    sleep 0.05; tries=$((tries + 1)); [ $tries -gt 100 ] && exit 9\n"
        "  done\n"
        "fi\n"
        'exit "${SUITE_EXIT:-0}"\n'
    ),
    "pre-commit": 'echo "hooks ran, SKIP=$SKIP"; exit "${HOOKS_EXIT:-0}"\n',
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


def test_the_suite_runs_in_a_shell_full_of_production_settings(
    tools: dict[str, str], tmp_path: Path
) -> None:
    with (tmp_path / "log").open("w+") as output:
        run_combination(tmp_path, "one", {}, env=tools, output=output)
        output.seek(0)
        log = output.read()
    assert "suite environment: production" in log


def test_the_combination_renders_with_the_matrix_names(
    tools: dict[str, str], tmp_path: Path
) -> None:
    with (tmp_path / "log").open("w+") as output:
        run_combination(tmp_path, "one", {"a": "b"}, env=tools, output=output)
        output.seek(0)
        log = output.read()
    for name, value in MATRIX_NAMES.items():
        assert f"--data={name}={value}" in log


def test_each_project_session_is_timed_from_the_nox_report(
    tools: dict[str, str], tmp_path: Path
) -> None:
    with (tmp_path / "log").open("w") as output:
        result = run_combination(tmp_path, "one", {}, env=tools, output=output)
    assert result.sessions == {
        "lint": 1.0,
        "typecheck": 1.0,
        "tests": 1.0,
        "web": 1.0,
    }


def test_the_timing_table_has_a_row_per_combination_and_names_reused_sessions(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = twins(tools, tmp_path)
    labels = {"plain": "rest none", "with-web": "rest react"}

    table = timing_table(results, labels, wall=12.3).splitlines()

    header = table[0].split()
    assert header[:2] == ["combination", "render"]
    assert header[-2:] == ["pre-commit", "total"]
    assert {"lint", "typecheck", "tests", "web", "frontend", "e2e"} <= set(header)
    _, reused = full_and_reused(results)
    reused_row = next(row for row in table if row.startswith(labels[reused.name]))
    assert reused_row.split().count("twin") == 3  # lint, typecheck, tests
    assert table[-1].endswith("in 12 s of wall time")


def test_a_short_label_names_values_and_true_flags() -> None:
    answers = {"api_style": "rest", "object_storage": "s3", "e2ee": True}
    assert short_label(answers) == "rest s3 e2ee"
    assert short_label({"api_style": "rest", "e2ee": False}) == "rest"


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


def test_combinations_run_side_by_side_share_one_mypy_cache(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = run_all(tools, tmp_path, [("one", {"n": "1"}), ("two", {"n": "2"})])
    caches = {
        line
        for result in results
        for line in log_of(result).splitlines()
        if line.startswith("mypy cache: ")
    }
    assert caches == {f"mypy cache: {tmp_path / 'logs' / 'mypy-cache'}"}
    assert all("npm prefers its cache: true" in log_of(result) for result in results)


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


def run_all(
    tools: dict[str, str],
    tmp_path: Path,
    combinations: list[tuple[str, dict[str, str]]],
    jobs: int = 2,
    **env: str,
) -> list[Any]:
    return run_in_parallel(
        tmp_path,
        combinations,
        env={**tools, **env},
        jobs=jobs,
        log_dir=tmp_path / "logs",
        report=lambda result: None,
    )


def twins(tools: dict[str, str], tmp_path: Path, **env: str) -> list[Any]:
    """A combination and its twin with a front end, two at a time."""
    return run_all(
        tools,
        tmp_path,
        [
            ("plain", {"n": "1", "frontend": "none"}),
            ("with-web", {"n": "1", "frontend": "react"}),
        ],
        **env,
    )


def log_of(result: Any) -> str:
    return str(result.log_path.read_text())


def full_and_reused(results: list[Any]) -> tuple[Any, Any]:
    """Two passing twins: whichever claimed the bytes first ran everything, the
    other waited for it and reused its result."""
    assert all(result.passed for result in results)
    [full] = [result for result in results if not result.reused]
    [reused] = [result for result in results if result.reused]
    return full, reused


def test_a_twin_with_the_same_backend_bytes_runs_only_the_other_sessions(
    tools: dict[str, str], tmp_path: Path
) -> None:
    full, reused = full_and_reused(twins(tools, tmp_path))
    assert reused.reused == ["backend"]
    assert "suite ran --non-interactive\n" in log_of(full)
    if full.name == "plain":
        assert "suite ran --non-interactive -s web frontend e2e\n" in log_of(reused)
    else:
        assert "suite ran --non-interactive -s web\n" in log_of(reused)
    assert "byte for byte" in log_of(reused)
    assert "backend sessions passed on the same bytes" in reused.summary()
    assert "hooks ran" in log_of(reused)


def test_a_twin_runs_everything_when_the_backend_failed(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = twins(tools, tmp_path, SUITE_FAILS_IN="tests")
    assert [result.failed_step for result in results] == ["suite", "suite"]
    assert not any(result.reused for result in results)
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
    assert [result.reused for result in results] == [[], []]


DATABASE_TWINS = [
    ("web-sqlite", {"n": "1", "database": "sqlite", "frontend": "react"}),
    ("web-postgresql", {"n": "1", "database": "postgresql", "frontend": "react"}),
]


def test_a_front_end_on_the_other_database_runs_its_session_once(
    tools: dict[str, str], tmp_path: Path
) -> None:
    full, reused = full_and_reused(run_all(tools, tmp_path, DATABASE_TWINS))
    assert reused.reused == ["frontend"]
    # The backends differ (another database): each runs its own sessions.
    assert "suite ran --non-interactive\n" in log_of(full)
    assert "suite ran --non-interactive -s lint typecheck tests web e2e\n" in log_of(
        reused
    )
    assert "frontend/, docs/api/ are byte for byte" in log_of(reused)
    # ESLint's hook is `npm run lint` over frontend/, which the frontend session
    # passed on these very bytes: neither twin runs it again.
    assert "hooks ran, SKIP=eslint\n" in log_of(full)
    assert "hooks ran, SKIP=eslint\n" in log_of(reused)


def test_a_failed_front_end_is_run_again_by_its_twin(
    tools: dict[str, str], tmp_path: Path
) -> None:
    results = run_all(tools, tmp_path, DATABASE_TWINS, SUITE_FAILS_IN="frontend")
    assert [result.failed_step for result in results] == ["suite", "suite"]
    assert [result.reused for result in results] == [[], []]


def test_the_four_twins_run_each_tier_once(
    tools: dict[str, str], tmp_path: Path
) -> None:
    combinations = [
        {"n": "1", "database": database, "frontend": frontend}
        for frontend in ("react", "none")
        for database in ("postgresql", "sqlite")
    ]
    ordered = twins_apart(combinations)
    results = run_all(
        tools,
        tmp_path,
        [
            (f"{answers['frontend']}-{answers['database']}", dict(answers))
            for answers in ordered
        ],
        jobs=1,  # in this order: with two at a time, either React twin may go first
    )
    assert all(result.passed for result in results)
    reused = {result.name: result.reused for result in results}
    assert reused == {
        "none-sqlite": [],
        "none-postgresql": [],
        "react-sqlite": ["backend"],
        "react-postgresql": ["backend", "frontend"],
    }
    skipped = {result.name: "SKIP=eslint" in log_of(result) for result in results}
    assert skipped == {
        "none-sqlite": False,
        "none-postgresql": False,
        "react-sqlite": True,
        "react-postgresql": True,
    }
    last = log_of(results[-1])
    assert "suite ran --non-interactive -s web e2e\n" in last
    assert "backend and frontend sessions passed" in results[-1].summary()


def test_twins_are_ordered_apart() -> None:
    ordered = twins_apart(
        [
            {"n": "1", "database": "postgresql", "frontend": "react"},
            {"n": "1", "database": "sqlite", "frontend": "react"},
            {"n": "1", "frontend": "none"},
            {"n": "2"},
        ]
    )
    assert [(a.get("frontend"), a.get("database")) for a in ordered] == [
        ("none", None),
        (None, None),
        ("react", "sqlite"),
        ("react", "postgresql"),
    ]


def test_a_claim_waits_for_the_one_running_and_never_holds_one_meanwhile() -> None:
    proofs = SessionProofs()
    backend, frontend = ("backend", "b1"), ("frontend", "f1")
    assert proofs.claim([backend]) == set()  # this caller runs the backend
    claimed: list[set[tuple[str, str]]] = []
    waiter = threading.Thread(
        target=lambda: claimed.append(proofs.claim([backend, frontend]))
    )
    waiter.start()
    waiter.join(timeout=0.2)
    assert waiter.is_alive()  # waiting for the backend's result...
    # ...without having claimed the front end meanwhile.
    assert proofs.claim([frontend]) == set()
    proofs.record([frontend], passed=True)
    proofs.record([backend], passed=False)
    waiter.join(timeout=5)
    # The backend failed: the waiter runs it itself; the front end is proven.
    assert claimed == [{frontend}]


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
