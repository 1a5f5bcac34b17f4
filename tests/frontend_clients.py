"""Regenerates the front end's typed API clients, which the template commits.

`python -m tests.frontend_clients` renders the template with the React front end
for each API style and contract variant (object storage and end-to-end encryption
change the contract), runs each rendered front end's own `npm run api:generate`,
and writes what it generated into the template's frontend/src/api/generated/:
one file for a style whose variants all generate the same bytes, else one file
per group of variants that do, named with the Jinja condition of their answers.

Run it after `nox -s contracts` (or after changing the app's GraphQL operations)
and commit the result: a rendered project's `npm run api:check` fails while its
committed client and its contract disagree. Needs copier (the "render" group),
Node and npm; npm installs once per style, from the npm cache when it can.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import copier

from tests.contracts import CONTRACT_VARIANTS, SHARED_CONDITIONS, condition_of

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = ROOT / "template" / "{% if frontend_enabled %}frontend{% endif %}"
GENERATED = FRONTEND / "src" / "api" / "generated"
API_STYLES = ("rest", "graphql")
NPM_INSTALL = ("npm", "install", "--prefer-offline", "--no-audit", "--no-fund")


def render(destination: Path, answers: Mapping[str, Any]) -> Path:
    copier.run_copy(
        str(ROOT),
        str(destination),
        data={**answers, "frontend": "react"},
        defaults=True,
        unsafe=True,  # the template's Jinja extensions need trust
        vcs_ref="HEAD",  # the working tree, uncommitted changes included
        quiet=True,
    )
    return destination / "frontend"


def run(command: Iterable[str], cwd: Path) -> None:
    subprocess.run(list(command), cwd=cwd, check=True, env=os.environ.copy())


def generated_files(frontend: Path) -> dict[str, str]:
    folder = frontend / "src" / "api" / "generated"
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def generate_style(api_style: str, workdir: Path) -> dict[str, dict[str, str]]:
    """Each variant's generated files (name -> text), for one API style."""
    outputs: dict[str, dict[str, str]] = {}
    installed: Path | None = None
    for variant, (answers, _) in CONTRACT_VARIANTS.items():
        frontend = render(
            workdir / f"{api_style}-{variant}", {**answers, "api_style": api_style}
        )
        if installed is None:
            run(NPM_INSTALL, frontend)
            installed = frontend / "node_modules"
        else:
            # The same package.json: share the first variant's installation.
            (frontend / "node_modules").symlink_to(installed, target_is_directory=True)
        run(("npm", "run", "--silent", "api:generate"), frontend)
        outputs[variant] = generated_files(frontend)
    return outputs


def template_files(
    api_style: str, outputs: Mapping[str, Mapping[str, str]]
) -> dict[str, str]:
    """The template's file names and texts for one style's generated files."""
    predicates = {
        variant: condition for variant, (_, condition) in CONTRACT_VARIANTS.items()
    }
    names = sorted({name for files in outputs.values() for name in files})
    files: dict[str, str] = {}
    for name in names:
        owners_by_text: dict[str, set[str]] = {}
        for variant, generated in outputs.items():
            if name not in generated:
                raise SystemExit(f"{api_style}/{variant} generated no {name}")
            owners_by_text.setdefault(generated[name], set()).add(variant)
        for text, owners in owners_by_text.items():
            condition = f"api_style == '{api_style}'"
            if len(owners_by_text) > 1:
                variants = condition_of(
                    frozenset(owners), predicates, SHARED_CONDITIONS
                )
                if " or " in variants:
                    variants = f"({variants})"
                condition = f"{condition} and {variants}"
            files[f"{{% if {condition} %}}{name}{{% endif %}}"] = text
    return files


def write_style(api_style: str, files: Mapping[str, str]) -> None:
    GENERATED.mkdir(parents=True, exist_ok=True)
    for stale in GENERATED.glob(f"{{% if api_style == '{api_style}'*"):
        stale.unlink()
    for name, text in files.items():
        (GENERATED / name).write_text(text, encoding="utf-8")
        print(f"wrote {(GENERATED / name).relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "api_styles",
        nargs="*",
        metavar="API_STYLE",
        help="rest, graphql (default: both)",
    )
    styles = parser.parse_args(argv).api_styles or list(API_STYLES)
    unknown = sorted(set(styles) - set(API_STYLES))
    if unknown:
        parser.error(f"unknown API style: {', '.join(unknown)}")
    with tempfile.TemporaryDirectory(prefix="frontend-clients-") as workdir:
        for api_style in styles:
            outputs = generate_style(api_style, Path(workdir))
            write_style(api_style, template_files(api_style, outputs))


if __name__ == "__main__":
    sys.exit(main())
