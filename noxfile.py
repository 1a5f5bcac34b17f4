"""Every developer and CI entry point of the template.

- `nox`                   lint, tests and the whole matrix (what CI runs)
- `nox -s tests`          the template's own fast tests (rendering, answers, structure)
- `nox -s matrix_parallel`  every combination in copier.yml, rendered and run with its
                          own suite, one per core at a time (MATRIX_JOBS to change)
- `nox -s matrix`         the same, one combination after another, output live
- `nox -l`                every session and matrix combination (run one with `-s`)
- `nox -s update`         the `copier update` tests only
- `nox -s release_tags`   recreate missing release tags from CHANGELOG.md
- `nox -s docs`           build the documentation site
- `nox -s contracts`      regenerate template/docs/api/ after an API change
- `nox -s frontend_clients`  then regenerate the front end's typed API clients
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nox

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT))  # nox does not put the noxfile's folder on the path

from tests.combinations import (  # noqa: E402
    choice_values,
    combination_id,
    load_questions,
    matrix_combinations,
)
from tests.matrix_run import (  # noqa: E402
    default_jobs,
    render_command,
    run_combination,
    run_in_parallel,
    short_label,
    timing_table,
    twins_apart,
)

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
OWN_PYTHON = ["extensions", "migrations", "tests", "noxfile.py"]

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["lint", "tests", "docs", "matrix_parallel"]
nox.options.error_on_external_run = True

# Never download an interpreter: the machine's Python is the one to test with.
os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")


# Each timed session's name, wall seconds and outcome, printed when nox exits.
PHASES: list[tuple[str, float, str]] = []


def timed(function: Callable[[nox.Session], None]) -> Callable[[nox.Session], None]:
    """Records the session's wall time for the table printed at exit."""

    @functools.wraps(function)
    def run(session: nox.Session) -> None:
        started = time.monotonic()
        outcome = "failed"
        try:
            function(session)
            outcome = "passed"
        finally:
            PHASES.append((session.name, time.monotonic() - started, outcome))

    return run


@atexit.register
def print_phases() -> None:
    if len(PHASES) < 2:
        return
    width = max(len(name) for name, _, _ in PHASES)
    print("\nphase" + " " * (width - 5) + "  seconds  outcome", flush=True)
    for name, seconds, outcome in PHASES:
        print(f"{name.ljust(width)}  {seconds:7.0f}  {outcome}", flush=True)
    total = sum(seconds for _, seconds, _ in PHASES)
    print(f"{'total'.ljust(width)}  {total:7.0f}", flush=True)


# One worker per core; loadscope keeps a module's tests on one worker, so a
# module-scoped render or update is made once (not once per worker).
PYTEST_IN_PARALLEL = ("pytest", "-n", "auto", "--dist", "loadscope")


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


def render(session: nox.Session, destination: Path, answers: dict[str, str]) -> None:
    session.run(*render_command(ROOT, destination, answers))


@nox.session
@timed
def lint(session: nox.Session) -> None:
    """ruff and black over the template's own Python and a rendered tree per style."""
    install_group(session, "lint")
    session.run("ruff", "check", *OWN_PYTHON)
    session.run("black", "--check", "--diff", *OWN_PYTHON)
    for api_style in choice_values(load_questions()["api_style"]):
        with tempfile.TemporaryDirectory(prefix="lint-") as workdir:
            project = Path(workdir) / "project"
            render(session, project, {"api_style": api_style})
            # From the backend, as the rendered project's own `nox -s lint` runs them.
            with session.chdir(project / "backend"):
                session.run("ruff", "check", ".", "../noxfile.py")
                session.run("black", "--check", "--diff", ".", "../noxfile.py")


@nox.session
@timed
def tests(session: nox.Session) -> None:
    """The template's own tests (pass pytest arguments after --): no rendered suite,
    and no service but PostgreSQL for the first hour of the fullest render."""
    install_group(session, "tests")
    # The slowest tests are listed: where the next minute of CI comes from.
    session.run(*PYTEST_IN_PARALLEL, "--durations=15", *session.posargs)


def combination_env(session: nox.Session) -> dict[str, str]:
    """The environment of a combination's commands: this session's tools first."""
    env = {**os.environ, **{k: v for k, v in session.env.items() if v is not None}}
    env["PATH"] = os.pathsep.join([session.bin, env.get("PATH", "")])
    return env


@nox.session
@nox.parametrize(
    "answers",
    [
        nox.param(answers, id=combination_id(answers))
        for answers in matrix_combinations()
    ],
)
def matrix(session: nox.Session, answers: dict[str, str]) -> None:
    """Renders one combination and runs the rendered project's own full suite."""
    install_group(session, "matrix")
    sys.stdout.flush()
    result = run_combination(
        ROOT,
        combination_id(answers),
        answers,
        env=combination_env(session),
        output=sys.stdout,
    )
    session.log(result.summary())
    if not result.passed:
        session.error(f"{result.failed_step} failed")


@nox.session
@timed
def matrix_parallel(session: nox.Session) -> None:
    """Every combination, MATRIX_JOBS at a time (default: one per core).

    Each combination writes its own log; a failed one is printed whole. Pass
    words after -- to run only the combinations whose id contains all of them.
    """
    install_group(session, "matrix")
    wanted = [
        (combination_id(answers), answers)
        for answers in twins_apart(matrix_combinations())
        if all(word in combination_id(answers) for word in session.posargs)
    ]
    if not wanted:
        session.error(f"no combination matches {session.posargs}")
    jobs = default_jobs()
    session.log(f"{len(wanted)} combinations, {jobs} at a time")
    log_dir = Path(tempfile.mkdtemp(prefix="matrix-logs-"))
    started = time.monotonic()
    results = run_in_parallel(
        ROOT,
        wanted,
        env=combination_env(session),
        jobs=jobs,
        log_dir=log_dir,
        report=lambda result: session.log(result.summary()),
    )
    wall = time.monotonic() - started
    failed = [result for result in results if not result.passed]
    for result in failed:
        if result.log_path is not None:
            session.log(f"---- log of matrix({result.name}) ----")
            print(result.log_path.read_text(encoding="utf-8"), flush=True)
    labels = {name: short_label(answers) for name, answers in wanted}
    print(timing_table(results, labels, wall), flush=True)
    if failed:
        session.error(f"{len(failed)} of {len(results)} combinations failed")
    shutil.rmtree(log_dir)


@nox.session
def update(session: nox.Session) -> None:
    """The `copier update` tests alone (they are part of `tests` too).

    From the newest and the first release to the working tree, between two
    synthetic versions, and options turned on later (PostgreSQL, S3, e2ee, React),
    each on a project its team edited.
    """
    install_group(session, "tests")
    session.run(
        *PYTEST_IN_PARALLEL,
        "tests/test_update_release.py",
        "tests/test_update_synthetic.py",
        "tests/test_update_options.py",
        *session.posargs,
    )


@nox.session(venv_backend="none")
def release_tags(session: nox.Session) -> None:
    """Recreates missing `vX.Y.Z` tags from CHANGELOG.md (for clones without tags)."""
    from tests.releases import ensure_release_tags

    created = ensure_release_tags(ROOT)
    session.log(f"created tags: {', '.join(created) or 'none'}")


# The API contract file of each style, and the answers its variants differ by.
CONTRACT_FILES = {"rest": "openapi.json", "graphql": "schema.graphql"}
CONTRACT_ANSWERS = {
    "project_name": "Contract Service",
    "description": "The service whose contract is committed.",
}


@nox.session
def frontend_clients(session: nox.Session) -> None:
    """Regenerates the React front end's typed API clients (after `contracts`).

    Renders each API style and contract variant with the front end, runs its own
    `npm run api:generate` and writes the result into the template (needs Node and
    npm). Pass `rest` or `graphql` after -- for one style.
    """
    install_group(session, "render")
    session.run("python", "-m", "tests.frontend_clients", *session.posargs)


@nox.session
def contracts(session: nox.Session) -> None:
    """Regenerates template/docs/api/ from the code of rendered projects.

    Renders each API style in each variant (no object storage, object storage,
    end-to-end encryption), exports each contract with the project's own
    exporter, and merges them into the one Jinja file the template commits (the
    contract tests compare them).
    """
    from tests.contracts import (
        CONTRACT_VARIANTS,
        SHARED_CONDITIONS,
        merge_variants,
        templated_names,
    )

    install_group(session, "matrix")
    for style, file_name in CONTRACT_FILES.items():
        exported: dict[str, str] = {}
        for variant, (variant_answers, _) in CONTRACT_VARIANTS.items():
            with tempfile.TemporaryDirectory(prefix="contract-") as workdir:
                project = Path(workdir) / "project"
                answers = {**CONTRACT_ANSWERS, "api_style": style}
                render(session, project, {**answers, **variant_answers})
                output = Path(workdir) / file_name
                backend = project / "backend"
                # The project's own environment, not this session's (which nox
                # names in UV_PROJECT_ENVIRONMENT).
                uv_env = {"UV_PROJECT_ENVIRONMENT": str(backend / ".venv")}
                session.chdir(backend)
                session.run("uv", "sync", "--quiet", env=uv_env)
                module = f"contract_service.api.{style}.contract"
                session.run(
                    *("uv", "run", "--no-sync", "python", "-m", module, str(output)),
                    env=uv_env,
                )
                session.chdir(ROOT)
                exported[variant] = templated_names(
                    output.read_text(encoding="utf-8"), CONTRACT_ANSWERS
                )
        predicates = {
            name: condition for name, (_, condition) in CONTRACT_VARIANTS.items()
        }
        merged = merge_variants(exported, predicates, SHARED_CONDITIONS)
        target = (
            ROOT
            / "template/docs/api"
            / f"{{% if api_style == '{style}' %}}{file_name}{{% endif %}}.jinja"
        )
        target.write_text(merged, encoding="utf-8")
        session.log(f"wrote {target.relative_to(ROOT)}")


@nox.session
@timed
def docs(session: nox.Session) -> None:
    """Builds the documentation site strictly (broken links fail)."""
    install_group(session, "docs")
    session.run("mkdocs", "build", "--strict", "--site-dir", str(ROOT / ".site"))
