"""The GraphQL endpoint, mounted at /graphql."""

from fastapi import FastAPI
from fastapi.routing import APIWebSocketRoute

from ...config import Environment, Settings
from ..browser_cookie import RefreshCookie
from .context import context_getter
from .http_requests import EnvelopedGraphQLRouter
from .schema import build_schema

GRAPHQL_PATH = "/graphql"


def include_api(app: FastAPI, settings: Settings) -> None:
    """The GraphQL endpoint, on the app at /graphql."""
    production = settings.environment is Environment.PRODUCTION
    router = EnvelopedGraphQLRouter(
        build_schema(production=production),
        path=GRAPHQL_PATH,
        # The in-browser IDE is for development, like the introspection it needs.
        graphql_ide=None if production else "graphiql",
        # Queries by POST only: a GET could be triggered by any page a user visits.
        allow_queries_via_get=False,
        # The browser session's cookie goes to this path only.
        context_getter=context_getter(
            RefreshCookie(path=GRAPHQL_PATH, secure=settings.session_cookie_secure)
        ),
    )
    # No subscriptions, so no WebSocket: the route strawberry adds would run
    # operations outside the HTTP middleware (and its context needs a Request).
    router.routes[:] = [
        route for route in router.routes if not isinstance(route, APIWebSocketRoute)
    ]
    app.include_router(router)
