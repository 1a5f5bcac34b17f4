"""What a GraphQL request is refused for before validation: work validation would
be too slow to refuse, and text no later layer can take.

- A document over its selection budget (selection_budget.py): the depth and
  alias validators expand every fragment at each use, so a fragment fan-out
  would cost them millions of steps before they refused it.
- Unstorable text (storable_text.py) in a string literal or in the variables:
  the password hasher and the database would fail on it as an internal error.

Both are the caller's fault, so they answer BAD_USER_INPUT in the envelope.
"""

from collections.abc import Iterator

from graphql import DocumentNode, GraphQLError, StringValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from ...storable_text import (
    UNSTORABLE_TEXT_MESSAGE,
    holds_unstorable_text,
    is_storable,
)
from .selection_budget import MAX_SELECTIONS, selected_fields


class _StringLiterals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.storable = True

    def enter_string_value(self, node: StringValueNode, *_: object) -> None:
        self.storable = self.storable and is_storable(node.value)


def literals_are_storable(document: DocumentNode) -> bool:
    literals = _StringLiterals()
    visit(document, literals)
    return literals.storable


def refusal(
    document: DocumentNode, variables: object, *, max_selections: int
) -> str | None:
    """Why the request is refused before validation, or None."""
    if selected_fields(document, max_selections + 1) > max_selections:
        return (
            f"The query would select more than {max_selections} fields; "
            "ask for fewer, or split it."
        )
    if not literals_are_storable(document) or holds_unstorable_text(variables):
        return UNSTORABLE_TEXT_MESSAGE
    return None


class EarlyRefusals(SchemaExtension):
    def __init__(
        self,
        *,
        max_selections: int = MAX_SELECTIONS,
        execution_context: ExecutionContext | None = None,
    ) -> None:
        super().__init__(execution_context=execution_context)
        self.max_selections = max_selections

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None:
            problem = refusal(
                context.graphql_document,
                context.variables,
                max_selections=self.max_selections,
            )
            if problem is not None:
                # strawberry skips validation when errors are already present.
                context.pre_execution_errors = [GraphQLError(problem)]
        yield
