"""The answer combinations the matrix renders, derived from copier.yml alone.

`_matrix_questions` in copier.yml names the questions; their values come from each
question's `choices`, and a question whose `when` is false for a combination is left
out of it. Adding a choice to copier.yml adds its combinations here, with no list
written twice.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import jinja2
import yaml

COPIER_YML = Path(__file__).resolve().parents[1] / "copier.yml"

# The names every matrix combination renders with, awkward on purpose: the
# longest slug and package name the validators allow move every line length
# that names them, and quotes, markup and non-ASCII text must survive each file
# format (Python, TOML, YAML, JSON, HTML, Markdown). The rendered suites then
# prove them in every combination.
MATRIX_NAMES = {
    "project_name": 'Zoë\'s "Quoted" Invoicing & Billing Reconciliation Service',
    "project_slug": "invoicing-and-billing-reconciliation-svc",
    "package_name": "invoicing_and_billing_reconciliation_svc",
    "description": 'Reconciles "invoices" <and> payments — for Zoë\'s team.',
    "author_name": "Zoë O'Brien",
}


def load_questions(path: Path = COPIER_YML) -> dict[str, Any]:
    with path.open(encoding="utf-8") as copier_yml:
        return yaml.safe_load(copier_yml)


def choice_values(question: dict[str, Any]) -> list[Any]:
    if question.get("type") == "bool" and "choices" not in question:
        return [False, True]
    choices = question.get("choices") or []
    return list(choices.values()) if isinstance(choices, dict) else list(choices)


def is_asked(question: dict[str, Any], answers: dict[str, Any]) -> bool:
    when = question.get("when", True)
    if isinstance(when, bool):
        return when
    # Plain text, not HTML: copier renders `when` without escaping too.
    environment = jinja2.Environment(autoescape=False)  # noqa: S701
    rendered = environment.from_string(str(when)).render(answers)
    return rendered.strip().lower() in {"true", "yes", "on", "1"}


def matrix_combinations(config: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every valid combination of the matrix questions' answers, in copier.yml order."""
    config = config or load_questions()
    names = config["_matrix_questions"]
    combinations: list[dict[str, Any]] = []
    for values in itertools.product(*(choice_values(config[name]) for name in names)):
        candidate = dict(zip(names, values, strict=True))
        answers = {
            name: value
            for name, value in candidate.items()
            if is_asked(config[name], candidate)
        }
        if answers not in combinations:
            combinations.append(answers)
    return combinations


def combination_id(answers: dict[str, Any]) -> str:
    """The nox id: `api_style='rest', database='postgresql'`."""
    return ", ".join(f"{name}={value!r}" for name, value in answers.items())
