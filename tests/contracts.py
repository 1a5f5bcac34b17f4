"""The committed API contracts of the template, regenerated from rendered code.

A rendered project's contract (docs/api/openapi.json or schema.graphql) depends
on the answers: object storage adds the files operations. The template keeps one
file per API style, with Jinja conditions around the parts only some answers
have. `merge_variants` writes that file from the contract of each variant, so a
maintainer never edits it by hand: `nox -s contracts` renders, exports, merges.
"""

from __future__ import annotations

import difflib
import json

# The template's own names in the contract, as the rendered files spell them.
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


def merge_variants(without: str, with_feature: str, condition: str) -> str:
    """One Jinja template that renders `without` when `condition` is false and
    `with_feature` when it is true. Tags sit at the start of the lines they
    guard, so no whitespace control is needed and both renderings are exact.
    """
    old = without.splitlines(keepends=True)
    new = with_feature.splitlines(keepends=True)
    if any(lines and not lines[-1].endswith("\n") for lines in (old, new)):
        raise ValueError("contracts must end with a newline")
    merged: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        kept = "".join(old[old_start:old_end])
        added = "".join(new[new_start:new_end])
        if operation == "equal":
            merged.append(kept)
        elif operation == "insert":
            merged.append(f"{{% if {condition} %}}{added}{{% endif %}}")
        elif operation == "delete":
            merged.append(f"{{% if not ({condition}) %}}{kept}{{% endif %}}")
        else:
            merged.append(
                f"{{% if {condition} %}}{added}{{% else %}}{kept}{{% endif %}}"
            )
    return "".join(merged)
