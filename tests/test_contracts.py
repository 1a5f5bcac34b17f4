"""The contract merge renders each variant exactly, and the committed one is current."""

from __future__ import annotations

import jinja2
import pytest

from tests.contracts import merge_variants, templated_names

CONDITION = "object_storage == 's3'"


def render(template: str, storage: str) -> str:
    # Contracts are JSON and SDL, not HTML: nothing to escape.
    environment = jinja2.Environment(  # noqa: S701
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    return environment.from_string(template).render(object_storage=storage)


@pytest.mark.parametrize(
    ("without", "with_feature"),
    [
        ("a\nb\nc\n", "a\nb\nx\nc\n"),  # an insertion
        ("a\nb\nc\n", "a\nc\n"),  # a deletion
        ('{\n  "a": 1\n}\n', '{\n  "a": 1,\n  "b": 2\n}\n'),  # a changed line
        ("same\n", "same\n"),
        ("", "only\n"),
    ],
)
def test_each_variant_renders_exactly(without: str, with_feature: str) -> None:
    merged = merge_variants(without, with_feature, CONDITION)
    assert render(merged, "none") == without
    assert render(merged, "s3") == with_feature


def test_a_contract_without_a_final_newline_is_refused() -> None:
    with pytest.raises(ValueError, match="newline"):
        merge_variants("a", "a\n", CONDITION)


def test_the_project_names_become_jinja_again() -> None:
    answers = {"project_name": 'Zoë "Q"', "description": "One line."}
    contract = '{"title": "Zoë \\"Q\\"", "description": "One line."}'
    assert templated_names(contract, answers) == (
        '{"title": {{ project_name | json_string }}, '
        '"description": {{ description | json_string }}}'
    )
