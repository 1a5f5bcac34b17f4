"""The committed API contracts of the template, regenerated from rendered code.

A rendered project's contract (docs/api/openapi.json or schema.graphql) depends
on the answers: object storage adds the files operations, end-to-end encryption
changes them and adds keys and shares. The template keeps one file per API
style, with Jinja conditions around the parts only some answers have.
`merge_variants` writes that file from the contract of each variant, so a
maintainer never edits it by hand: `nox -s contracts` renders, exports, merges.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from typing import Any

# The template's own names in the contract, as the rendered files spell them.
# Each contract variant: the answers that render it, and the Jinja condition that
# holds exactly for those answers (derived values included). `nox -s contracts`
# and tests/frontend_clients.py render the same variants.
CONTRACT_VARIANTS: dict[str, tuple[dict[str, Any], str]] = {
    "none": ({"object_storage": "none"}, "object_storage == 'none'"),
    "s3": (
        {"object_storage": "s3", "e2ee": False},
        "object_storage == 's3' and not e2ee_enabled",
    ),
    "e2ee": ({"object_storage": "s3", "e2ee": True}, "e2ee_enabled"),
}
# Readable conditions for what two variants share.
SHARED_CONDITIONS = {
    frozenset({"s3", "e2ee"}): "object_storage == 's3'",
    frozenset({"none", "s3"}): "not e2ee_enabled",
    frozenset({"none", "e2ee"}): "object_storage == 'none' or e2ee_enabled",
}
NAME_PLACEHOLDERS = {
    "project_name": "{{ project_name | json_string }}",
    "description": "{{ description | json_string }}",
}


def templated_names(contract: str, answers: dict[str, str]) -> str:
    """Puts the Jinja expressions back where the rendered names are (JSON only)."""
    for question, expression in NAME_PLACEHOLDERS.items():
        literal = json.dumps(answers[question], ensure_ascii=False)
        contract = contract.replace(literal, expression)
    return contract


def _merged_lines(
    variants: Mapping[str, str],
) -> list[tuple[str, frozenset[str]]]:
    """Every line of every variant, once where variants share it, each with the
    variants that have it; the lines of each variant keep their order.
    """
    merged: list[tuple[str, frozenset[str]]] = []
    for name, text in variants.items():
        lines = text.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            raise ValueError("contracts must end with a newline")
        known = [line for line, _ in merged]
        matcher = difflib.SequenceMatcher(a=known, b=lines, autojunk=False)
        result: list[tuple[str, frozenset[str]]] = []
        for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if operation == "equal":
                result.extend(
                    (line, owners | {name})
                    for line, owners in merged[old_start:old_end]
                )
                continue
            # Lines only the others have stay as they were; this one's are new.
            result.extend(merged[old_start:old_end])
            result.extend(
                (line, frozenset({name})) for line in lines[new_start:new_end]
            )
        merged = result
    return merged


def condition_of(
    owners: frozenset[str],
    predicates: Mapping[str, str],
    named: Mapping[frozenset[str], str] | None = None,
) -> str:
    """The Jinja condition true exactly for the variants in `owners`: a name
    given for that set in `named`, else one built from the predicates.
    """
    if named and owners in named:
        return named[owners]
    if len(owners) == 1:
        [owner] = owners
        return predicates[owner]
    others = set(predicates) - owners
    if len(others) == 1:
        [other] = others
        return f"not ({predicates[other]})"
    return " or ".join(f"({predicates[owner]})" for owner in sorted(owners))


def merge_variants(
    variants: Mapping[str, str],
    predicates: Mapping[str, str],
    named: Mapping[frozenset[str], str] | None = None,
) -> str:
    """One Jinja template that renders `variants[name]` exactly when
    `predicates[name]` holds (the predicates exclude one another, and one of
    them always holds). Lines every variant shares are written once and plain;
    the rest sit between tags at the start of lines, so no whitespace control
    is needed. `named` gives readable conditions for sets of variants.
    """
    if set(variants) != set(predicates):
        raise ValueError("every variant needs its predicate, and only those")
    everyone = frozenset(variants)
    merged: list[str] = []
    run: list[str] = []
    run_owners = everyone

    def close_run() -> None:
        if not run:
            return
        text = "".join(run)
        if run_owners == everyone:
            merged.append(text)
        else:
            condition = condition_of(run_owners, predicates, named)
            merged.append(f"{{% if {condition} %}}{text}{{% endif %}}")
        run.clear()

    for line, owners in _merged_lines(variants):
        if owners != run_owners:
            close_run()
            run_owners = owners
        run.append(line)
    close_run()
    return "".join(merged)
