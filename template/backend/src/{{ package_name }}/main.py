"""The app factory: wires configuration, logging, middleware, resources and routes.

Nothing connects to anything on import; each call builds an independent app, so
tests can build one per configuration.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from . import SERVICE_DESCRIPTION, SERVICE_NAME, __version__
from .api.browser_cookie import CSRF_HEADER
from .api.errors import register_error_handlers
from .api.health import router as health_router
from .api.routes import include_api
from .config import Environment, Settings
from .logging import configure_logging, get_logger
from .middleware.body_size_limit import BodySizeLimitMiddleware
from .middleware.request_context import RequestContextMiddleware
from .middleware.security_headers import SecurityHeadersMiddleware
from .resources import Resources, open_resources

logger = get_logger(__name__)

# What a browser page may send: X-CSRF-Token is the browser session's.
CORS_ALLOWED_HEADERS = ["authorization", "content-type", CSRF_HEADER, "x-request-id"]


def build_middleware(settings: Settings) -> list[Middleware]:
    """Outermost first, so every response (errors too) gets the headers and an id."""
    production = settings.environment is Environment.PRODUCTION
    middleware = [
        Middleware(SecurityHeadersMiddleware, strict_transport_security=production)
    ]
    # CORS outside the request context, so browsers can read 413 and 500 envelopes.
    if settings.cors_allow_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_allow_origins,
                # The named origins may send the browser session's cookie. Never
                # with "*": Starlette would then echo every origin, credentials and all.
                allow_credentials="*" not in settings.cors_allow_origins,
                allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                allow_headers=CORS_ALLOWED_HEADERS,
                expose_headers=["x-request-id"],
            )
        )
    middleware += [
        Middleware(RequestContextMiddleware),
        Middleware(
            BodySizeLimitMiddleware, max_body_bytes=settings.max_request_body_bytes
        ),
    ]
    return middleware


def operation_id(route: APIRoute) -> str:
    # The handler's name ("list_items"): stable, and what generated clients call.
    return route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    configure_logging(level=settings.log_level, log_format=settings.log_format)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[dict[str, Resources]]:
        async with open_resources(settings) as resources:
            logger.info("service_started", environment=settings.environment.value)
            yield {"resources": resources}
        logger.info("service_stopped")

    # The interactive docs and the live schema are for development; the committed
    # contract in docs/api/ is the reference everywhere.
    public_docs = settings.environment is not Environment.PRODUCTION
    app = FastAPI(
        title=SERVICE_NAME,
        description=SERVICE_DESCRIPTION,
        version=__version__,
        lifespan=lifespan,
        middleware=build_middleware(settings),
        docs_url="/docs" if public_docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if public_docs else None,
        generate_unique_id_function=operation_id,
        # No redirects to "the same path with a slash": they would be built from
        # the client's Host header. A wrong path is a plain 404.
        redirect_slashes=False,
    )
    register_error_handlers(app)
    app.include_router(health_router)
    include_api(app, settings)
    return app
