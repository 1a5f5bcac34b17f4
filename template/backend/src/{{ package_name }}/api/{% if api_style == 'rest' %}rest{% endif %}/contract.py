"""Exports the OpenAPI contract that docs/api/openapi.json commits.

`python -m <package>.api.rest.contract PATH` writes it; a test fails when the
committed file and the code disagree, so contract changes are reviewed first.
"""

import json
import sys
from pathlib import Path

from fastapi import FastAPI

from ...main import create_app


def render_contract(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python -m <package>.api.rest.contract OUTPUT_PATH")
    Path(args[0]).write_text(render_contract(create_app()), encoding="utf-8")


if __name__ == "__main__":
    main()
