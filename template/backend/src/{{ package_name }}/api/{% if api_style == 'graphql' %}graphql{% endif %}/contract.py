"""Exports the GraphQL contract that docs/api/schema.graphql commits.

`python -m <package>.api.graphql.contract PATH` writes it; a test fails when the
committed file and the code disagree, so contract changes are reviewed first.
"""

import sys
from pathlib import Path

import strawberry

from .schema import build_schema


def render_contract(schema: strawberry.Schema) -> str:
    return schema.as_str() + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python -m <package>.api.graphql.contract OUTPUT_PATH")
    contract = render_contract(build_schema(production=False))
    Path(args[0]).write_text(contract, encoding="utf-8")


if __name__ == "__main__":
    main()
