"""The GraphQL endpoint, mounted at /graphql."""

from fastapi import APIRouter
from fastapi.routing import APIWebSocketRoute
from strawberry.fastapi import GraphQLRouter

from ...config import Environment, Settings
from .context import get_context
from .schema import build_schema

GRAPHQL_PATH = "/graphql"


def build_api_router(settings: Settings) -> APIRouter:
    production = settings.environment is Environment.PRODUCTION
    router = GraphQLRouter(
        build_schema(production=production),
        path=GRAPHQL_PATH,
        # The in-browser IDE is for development, like the introspection it needs.
        graphql_ide=None if production else "graphiql",
        # Queries by POST only: a GET could be triggered by any page a user visits.
        allow_queries_via_get=False,
        context_getter=get_context,
    )
    # No subscriptions, so no WebSocket: the route strawberry adds would run
    # operations outside the HTTP middleware (and its context needs a Request).
    router.routes[:] = [
        route for route in router.routes if not isinstance(route, APIWebSocketRoute)
    ]
    return router
