"""How many fields a GraphQL document would select, counted before validation.

A fragment spread twice by each of twenty fragments is a query of a few hundred
bytes that selects a million fields; validators that expand fragments at each
use (depth, aliases) spend that much work before they can refuse it. Here each
fragment is counted once and its count reused at every spread, so the work is
linear in the document's size (early_refusals.py refuses a document over budget
before any validator or resolver runs).
"""

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

# Fields a document may select, counting every fragment at each of its spreads:
# this schema's largest real query selects a few dozen.
MAX_SELECTIONS = 500


def own_fields_and_spreads(selection_set: SelectionSetNode) -> tuple[int, list[str]]:
    """The fields a selection set holds itself (nested ones and inline fragments'
    included) and the names of the fragments it spreads, once per spread."""
    fields, spreads = 0, []
    pending = [selection_set]
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                spreads.append(selection.name.value)
                continue
            if isinstance(selection, FieldNode):
                fields += 1
            nested = getattr(selection, "selection_set", None)
            if isinstance(nested, SelectionSetNode):
                pending.append(nested)
    return fields, spreads


def fragment_counts(
    parts: dict[str, tuple[int, list[str]]], ceiling: int
) -> dict[str, int]:
    """Each fragment's selected fields, spreads expanded, capped at `ceiling`.

    Fragments in a cycle count nothing here: validation refuses the cycle.
    """
    counts: dict[str, int] = {}
    for root in parts:
        visiting: set[str] = set()
        pending = [(root, False)]
        while pending:
            name, spreads_counted = pending.pop()
            if name in counts or name not in parts:
                continue
            fields, spreads = parts[name]
            if spreads_counted:
                visiting.discard(name)
                total = fields + sum(counts.get(spread, 0) for spread in spreads)
                counts[name] = min(total, ceiling)
            elif name not in visiting:
                visiting.add(name)
                pending.append((name, True))
                pending.extend((spread, False) for spread in spreads)
    return counts


def selected_fields(document: DocumentNode, ceiling: int) -> int:
    """The fields the document's operations select, capped at `ceiling`."""
    fragments = {
        definition.name.value: own_fields_and_spreads(definition.selection_set)
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    counts = fragment_counts(fragments, ceiling)
    total = 0
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            fields, spreads = own_fields_and_spreads(definition.selection_set)
            total += fields + sum(counts.get(spread, 0) for spread in spreads)
    return min(total, ceiling)
