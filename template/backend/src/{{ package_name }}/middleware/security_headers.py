"""Security headers on every response, errors included.

The API serves JSON only, so the content security policy allows nothing to load.
The interactive API docs and the GraphQL IDE (development only) need scripts, so
they are exempt.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cache-control": "no-store",
}
HSTS = "max-age=63072000; includeSubDomains"
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})
# GET on the GraphQL endpoint serves only the IDE: queries are POST-only.
IDE_PATHS = frozenset({"/graphql"})


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, strict_transport_security: bool) -> None:
        self.app = app
        self.headers = dict(API_SECURITY_HEADERS)
        if strict_transport_security:
            self.headers["strict-transport-security"] = HSTS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        exempt_csp = scope["path"] in DOCS_PATHS or (
            scope["path"] in IDE_PATHS and scope["method"] == "GET"
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name == "content-security-policy" and exempt_csp:
                        continue
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
