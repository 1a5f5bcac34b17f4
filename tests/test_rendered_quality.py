"""A rendered project is clean as rendered: ruff, black, mypy --strict, unit tests.

Rendered with awkward answers on purpose: a long package name moves line lengths,
and quotes and non-ASCII text in names must survive every file format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands import run
from tests.conftest import render_template

AWKWARD_ANSWERS = {
    "project_name": 'Zoë\'s "Quoted" Invoicing & Billing Reconciliation Service',
    # The longest names the validators allow (40 characters).
    "project_slug": "invoicing-and-billing-reconciliation-svc",
    "package_name": "invoicing_and_billing_reconciliation_svc",
    "description": 'Reconciles "invoices" <and> payments — for Zoë\'s team.',
    "author_name": "Zoë O'Brien",
}


# Each database, API style and object storage at least once, and the front end's
# part of the noxfile; the matrix runs every combination.
VARIANTS = [
    {"database": "sqlite", "api_style": "rest", "object_storage": "none"},
    {"database": "postgresql", "api_style": "rest", "object_storage": "s3"},
    {
        "database": "sqlite",
        "api_style": "graphql",
        "object_storage": "s3",
        "frontend": "react",
    },
]


@pytest.fixture(
    scope="module",
    params=VARIANTS,
    ids=["-".join(variant.values()) for variant in VARIANTS],
)
def awkward_backend(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Path:
    project = render_template(
        tmp_path_factory.mktemp("awkward") / "p", **AWKWARD_ANSWERS, **request.param
    )
    return project / "backend"


def test_ruff_passes(awkward_backend: Path) -> None:
    run(["ruff", "check", ".", "../noxfile.py"], awkward_backend)


def test_black_passes(awkward_backend: Path) -> None:
    run(["black", "--check", "--diff", ".", "../noxfile.py"], awkward_backend)


def test_mypy_strict_and_unit_tests_pass(awkward_backend: Path) -> None:
    run(["uv", "sync", "--quiet"], awkward_backend)
    run(["uv", "run", "--no-sync", "mypy", "--strict"], awkward_backend)
    # Unit and contract tests need no services; they import every module.
    run(
        ["uv", "run", "--no-sync", "pytest", "-q", "tests/unit", "tests/contract"],
        awkward_backend,
    )
