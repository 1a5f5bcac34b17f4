"""The schema, with the limits that keep one request from costing too much."""

from collections.abc import Callable
from functools import partial
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from .errors import ErrorEnvelope
from .mutations import Mutation
from .queries import Query

# Deep enough for every real query of this schema (item -> owner is depth 3).
MAX_DEPTH = 10
MAX_TOKENS = 2_000
MAX_ALIASES = 30
MAX_BATCH_OPERATIONS = 10


class Schema(strawberry.Schema):
    def process_errors(
        self,
        errors: list[GraphQLError],
        execution_context: ExecutionContext | None = None,
    ) -> None:
        """Nothing: ErrorEnvelope logs what needs logging, once, with context."""


def build_schema(*, production: bool) -> strawberry.Schema:
    # Factories, so each operation gets fresh extension instances.
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        partial(QueryDepthLimiter, max_depth=MAX_DEPTH),
        partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
        partial(MaxAliasesLimiter, max_alias_count=MAX_ALIASES),
        partial(ErrorEnvelope, hide_suggestions=production),
    ]
    if production:
        # The committed SDL is the reference; the live schema is not published.
        extensions.append(DisableIntrospection)
    config: Any = StrawberryConfig(
        batching_config={"max_operations": MAX_BATCH_OPERATIONS},
        # "Did you mean ...?" would reveal the schema that introspection hides.
        disable_field_suggestions=production,
    )
    return Schema(query=Query, mutation=Mutation, extensions=extensions, config=config)
