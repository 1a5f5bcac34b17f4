"""Every developer and CI entry point of the template.

- `nox`                   lint, tests and the whole matrix (what CI runs)
- `nox -s tests`          the template's own fast tests (rendering, answers, structure)
- `nox -s matrix`         render every combination in copier.yml and run its own suite
- `nox -l`                every session and matrix combination (run one with `-s`)
- `nox -s update`         the `copier update` tests only
- `nox -s release_tags`   recreate missing release tags from CHANGELOG.md
- `nox -s docs`           build the documentation site
- `nox -s contracts`      regenerate template/docs/api/ after an API change
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
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

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
OWN_PYTHON = ["extensions", "migrations", "tests", "noxfile.py"]

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["lint", "tests", "docs", "matrix"]
nox.options.error_on_external_run = True

# Never download an interpreter: the machine's Python is the one to test with.
os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


def render(session: nox.Session, destination: Path, answers: dict[str, str]) -> None:
    data = [f"--data={name}={value}" for name, value in answers.items()]
    session.run(
        "copier",
        "copy",
        "--trust",
        "--defaults",
        "--quiet",
        "--vcs-ref=HEAD",
        *data,
        str(ROOT),
        str(destination),
    )


@nox.session
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
def tests(session: nox.Session) -> None:
    """The template's own tests: fast, no services (pass pytest arguments after --)."""
    install_group(session, "tests")
    session.run("pytest", "-n", "auto", *session.posargs)


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
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="matrix-"))
    project = workdir / "project"
    render(session, project, answers)
    rendered = time.monotonic()

    git = ["git", "-c", "user.name=Matrix", "-c", "user.email=matrix@example.com"]
    session.run(
        *git, "init", "--quiet", "--initial-branch=main", str(project), external=True
    )
    session.chdir(project)
    session.run(*git, "add", "--all", external=True)
    session.run(*git, "commit", "--quiet", "--message=Rendered", external=True)

    # The rendered project's own entry point, exactly as its README tells a user.
    session.run("nox", "--non-interactive")
    suite = time.monotonic()
    session.run("pre-commit", "run", "--all-files", "--show-diff-on-failure")
    hooks = time.monotonic()

    session.log(
        f"matrix({combination_id(answers)}): render {rendered - started:.1f}s, "
        f"suite {suite - rendered:.1f}s, pre-commit {hooks - suite:.1f}s, "
        f"total {hooks - started:.1f}s"
    )
    session.chdir(ROOT)
    shutil.rmtree(workdir)


@nox.session
def update(session: nox.Session) -> None:
    """The `copier update` tests alone (they are part of `tests` too).

    From the newest release to the working tree, between two synthetic versions,
    and options turned on later (PostgreSQL, S3), each on a project its team edited.
    """
    install_group(session, "tests")
    session.run(
        "pytest",
        "-n",
        "auto",
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
CONTRACT_CONDITION = "object_storage == 's3'"
CONTRACT_ANSWERS = {
    "project_name": "Contract Service",
    "description": "The service whose contract is committed.",
}


@nox.session
def contracts(session: nox.Session) -> None:
    """Regenerates template/docs/api/ from the code of rendered projects.

    Renders each API style without and with object storage, exports each
    contract with the project's own exporter, and merges the two into the one
    Jinja file the template commits (the contract tests compare them).
    """
    from tests.contracts import merge_variants, templated_names

    install_group(session, "matrix")
    for style, file_name in CONTRACT_FILES.items():
        exported: dict[str, str] = {}
        for storage in ["none", "s3"]:
            with tempfile.TemporaryDirectory(prefix="contract-") as workdir:
                project = Path(workdir) / "project"
                answers = {**CONTRACT_ANSWERS, "api_style": style}
                render(session, project, {**answers, "object_storage": storage})
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
                exported[storage] = templated_names(
                    output.read_text(encoding="utf-8"), CONTRACT_ANSWERS
                )
        merged = merge_variants(exported["none"], exported["s3"], CONTRACT_CONDITION)
        target = (
            ROOT
            / "template/docs/api"
            / f"{{% if api_style == '{style}' %}}{file_name}{{% endif %}}.jinja"
        )
        target.write_text(merged, encoding="utf-8")
        session.log(f"wrote {target.relative_to(ROOT)}")


@nox.session
def docs(session: nox.Session) -> None:
    """Builds the documentation site strictly (broken links fail)."""
    install_group(session, "docs")
    session.run("mkdocs", "build", "--strict", "--site-dir", str(ROOT / ".site"))
