"""The contract merge renders each variant exactly, and the committed one is current."""

from __future__ import annotations

import jinja2
import pytest

from tests.contracts import merge_variants, templated_names

# The three contract variants and the answers that choose each, as noxfile.py has them.
PREDICATES = {
    "none": "object_storage == 'none'",
    "s3": "object_storage == 's3' and not e2ee_enabled",
    "e2ee": "e2ee_enabled",
}
# The readable conditions noxfile.py names for lines two variants share.
NAMED = {
    frozenset({"s3", "e2ee"}): "object_storage == 's3'",
    frozenset({"none", "s3"}): "not e2ee_enabled",
}
ANSWERS = {
    "none": {"object_storage": "none", "e2ee_enabled": False},
    "s3": {"object_storage": "s3", "e2ee_enabled": False},
    "e2ee": {"object_storage": "s3", "e2ee_enabled": True},
}


def render(template: str, variant: str) -> str:
    # Contracts are JSON and SDL, not HTML: nothing to escape.
    environment = jinja2.Environment(  # noqa: S701
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    return environment.from_string(template).render(**ANSWERS[variant])


@pytest.mark.parametrize(
    ("none", "s3", "e2ee"),
    [
        ("a\nb\nc\n", "a\nb\nx\nc\n", "a\nb\nx\ny\nc\n"),  # insertions
        ("a\nb\nc\n", "a\nc\n", "c\n"),  # deletions
        (
            '{\n  "a": 1\n}\n',
            '{\n  "a": 1,\n  "b": 2\n}\n',
            '{\n  "a": 1,\n  "c": 3\n}\n',
        ),
        ("a\nb\n", "a\nx\nb\n", "a\nb\n"),  # e2ee takes back what s3 added
        ("a\nb\n", "a\nb\n", "a\nz\nb\n"),  # only e2ee adds
        ("same\n", "same\n", "same\n"),
        ("", "only\n", "only\nmore\n"),
        ("x\nx\nx\n", "x\ny\nx\n", "y\nx\ny\n"),  # repeated lines
    ],
)
@pytest.mark.parametrize("named", [None, NAMED], ids=["built", "named"])
def test_each_variant_renders_exactly(
    none: str, s3: str, e2ee: str, named: dict[frozenset[str], str] | None
) -> None:
    variants = {"none": none, "s3": s3, "e2ee": e2ee}
    merged = merge_variants(variants, PREDICATES, named)
    for name, text in variants.items():
        assert render(merged, name) == text, name


def test_lines_every_variant_shares_are_written_once_without_tags() -> None:
    merged = merge_variants(
        {"none": "a\n", "s3": "a\nb\n", "e2ee": "a\nc\n"}, PREDICATES
    )
    assert merged == (
        "a\n"
        "{% if object_storage == 's3' and not e2ee_enabled %}b\n{% endif %}"
        "{% if e2ee_enabled %}c\n{% endif %}"
    )


def test_lines_two_variants_share_take_the_complement_of_the_third() -> None:
    merged = merge_variants(
        {"none": "a\n", "s3": "a\nb\n", "e2ee": "a\nb\n"}, PREDICATES
    )
    assert merged == "a\n{% if not (object_storage == 'none') %}b\n{% endif %}"


def test_a_named_condition_replaces_the_built_one_and_renders_the_same() -> None:
    variants = {"none": "a\n", "s3": "a\nb\n", "e2ee": "b\n"}
    named = {frozenset({"s3", "e2ee"}): "object_storage == 's3'"}
    merged = merge_variants(variants, PREDICATES, named)
    assert "{% if object_storage == 's3' %}b\n{% endif %}" in merged
    for name, text in variants.items():
        assert render(merged, name) == text, name


def test_a_contract_without_a_final_newline_is_refused() -> None:
    with pytest.raises(ValueError, match="newline"):
        merge_variants({"none": "a", "s3": "a\n", "e2ee": "a\n"}, PREDICATES)


def test_every_variant_needs_a_predicate() -> None:
    with pytest.raises(ValueError, match="predicate"):
        merge_variants({"none": "a\n", "s3": "a\n"}, PREDICATES)


def test_the_project_names_become_jinja_again() -> None:
    answers = {"project_name": 'Zoë "Q"', "description": "One line."}
    contract = '{"title": "Zoë \\"Q\\"", "description": "One line."}'
    assert templated_names(contract, answers) == (
        '{"title": {{ project_name | json_string }}, '
        '"description": {{ description | json_string }}}'
    )
