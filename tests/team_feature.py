"""A team's own feature, added to a rendered project the way its docs say.

The rendered docs/architecture.md ("Adding a feature") copies the orders example
(docs/examples/orders/backend/) into backend/ (the feature package, its tests and
its migration on the "team" branch), then regenerates the committed contract.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from tests.commands import run

EXAMPLE = Path("docs/examples/orders/backend")
NOX = str(Path(sys.executable).parent / "nox")


def add_orders_feature(project: Path) -> list[str]:
    """Copies the example into backend/ (`cp -r docs/examples/orders/backend/.
    backend/`); returns the files it added, relative to the project."""
    source = project / EXAMPLE
    added = []
    for path in sorted(source.rglob("*")):
        if path.is_file():
            target = project / "backend" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            added.append(str(target.relative_to(project)))
    return added


def regenerate_contract(project: Path) -> Path:
    """`nox -s contract`, as the docs say after adding operations; the file."""
    run([NOX, "--non-interactive", "-s", "contract"], project)
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    name = {"rest": "openapi.json", "graphql": "schema.graphql"}[answers["api_style"]]
    return project / "docs" / "api" / name
