"""The GraphQL endpoint's HTTP layer: a request that is not a GraphQL request
answers 400 in the error envelope, never an internal error or framework text.

strawberry answers some malformed bodies with plain-text 400s and fails on
others (a body of `null`, a string, a list of numbers, bytes that are not UTF-8,
JSON nested past the interpreter's recursion limit). Here every body is decoded
strictly and its shape checked before strawberry reads it, and strawberry's own
refusals become the envelope's BAD_REQUEST. The body itself is never logged.
"""

import json

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from fastapi import Request, Response
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from ...errors import DomainError
from .context import GraphQLContext

# Deeper than any request of this schema needs (variables are input objects a
# few levels deep); deeper JSON costs work for nothing.
MAX_JSON_DEPTH = 32
# Documents of this schema's clients are a few thousand characters at most.
MAX_QUERY_CHARACTERS = 20_000
NOT_A_GRAPHQL_REQUEST = (
    "The body must be a GraphQL request: a JSON object, or a list of them."
)


class MalformedRequestError(DomainError):
    """The request is not a GraphQL request: 400 BAD_REQUEST."""


def json_depth_exceeds(value: object, limit: int) -> bool:
    """Whether `value` nests containers more than `limit` deep (iteratively)."""
    pending: list[tuple[object, int]] = [(value, 0)]
    while pending:
        current, depth = pending.pop()
        if isinstance(current, dict | list):
            if depth >= limit:
                return True
            children = current.values() if isinstance(current, dict) else current
            pending.extend((child, depth + 1) for child in children)
    return False


def decode_graphql_body(data: str | bytes) -> object:
    """The decoded body, or MalformedRequestError saying what is wrong with it."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        body: object = json.loads(text)
    except UnicodeDecodeError:
        raise MalformedRequestError("The body is not UTF-8.") from None
    except json.JSONDecodeError:
        raise MalformedRequestError("The body is not valid JSON.") from None
    except RecursionError:
        raise MalformedRequestError("The body's JSON is nested too deeply.") from None
    if json_depth_exceeds(body, MAX_JSON_DEPTH):
        raise MalformedRequestError("The body's JSON is nested too deeply.")
    items = body if isinstance(body, list) else [body]
    operations = [item for item in items if isinstance(item, dict)]
    if not items or len(operations) != len(items):
        raise MalformedRequestError(NOT_A_GRAPHQL_REQUEST)
    if any(
        isinstance(query := operation.get("query"), str)
        and len(query) > MAX_QUERY_CHARACTERS
        for operation in operations
    ):
        raise MalformedRequestError(
            f"The query is longer than {MAX_QUERY_CHARACTERS} characters."
        )
    return body


class EnvelopedGraphQLRouter(GraphQLRouter[GraphQLContext, None]):
    def decode_json(self, data: str | bytes) -> object:
        return decode_graphql_body(data)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        try:
            return await super().parse_http_body(request)
        except HTTPException as refused:
            raise MalformedRequestError(refused.reason) from None

    # strawberry's signature, positional arguments and all.
    async def execute_single(  # noqa: PLR0917
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: GraphQLContext,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        try:
            return await super().execute_single(
                request,
                request_adapter,
                sub_response,
                context,
                root_value,
                request_data,
            )
        except HTTPException as refused:
            raise MalformedRequestError(refused.reason) from None
