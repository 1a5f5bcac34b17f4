"""The browser session: the refresh token in an HttpOnly cookie, CSRF-protected.

Beside the bearer flow of auth.py, for single-page apps: the page never holds the
refresh token, only the session's CSRF token (sent back as X-CSRF-Token) and the
access token. See docs/security/auth.md.
"""

from typing import Annotated

from fastapi import APIRouter, Cookie, Header, Request, Response, status
from pydantic import BaseModel, Field

from ...services.auth_service import BrowserTokens
from ..browser_cookie import CSRF_HEADER, RefreshCookie
from ..dependencies import ServicesDep
from .auth import Credentials
from .schemas import error_responses

BROWSER_PREFIX = "/auth/browser"
COOKIE_DESCRIPTION = "The refresh token, as the sign-in set it (HttpOnly)."
# Declared so the contract names the header (and the cookie, below); read, as
# GraphQL reads them, by RefreshCookie.browser_request, judged by the auth service.
CsrfHeader = Annotated[
    str | None,
    Header(
        alias=CSRF_HEADER,
        title="CSRF token",
        description="The csrf_token of the session's sign-in.",
    ),
]


class BrowserSession(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 (the scheme's name)
    expires_in: int = Field(description="Seconds until the access token expires.")
    csrf_token: str = Field(
        description=f"Send it as {CSRF_HEADER} to refresh and sign out; the same "
        "for the whole session."
    )

    @classmethod
    def of(cls, tokens: BrowserTokens) -> "BrowserSession":
        return cls(
            access_token=tokens.pair.access_token,
            expires_in=tokens.pair.expires_in_seconds,
            csrf_token=tokens.csrf_token,
        )


def build_router(cookie: RefreshCookie) -> APIRouter:
    """The /auth/browser routes, setting `cookie` (its path is this prefix)."""
    router = APIRouter(prefix=BROWSER_PREFIX, tags=["auth"])
    declared_cookie = Cookie(
        alias=cookie.name, title="Refresh cookie", description=COOKIE_DESCRIPTION
    )

    @router.post("/login", responses=error_responses(401, 403, 422, 429))
    async def browser_login(
        body: Credentials, request: Request, response: Response, services: ServicesDep
    ) -> BrowserSession:
        """Starts a session: an access token, and the refresh token in a cookie."""
        browser = cookie.browser_request(request)
        tokens = await services.auth.browser_login(
            email=body.email,
            password=body.password,
            origin=browser.origin,
            own_origin=browser.own_origin,
        )
        cookie.store(response, tokens)
        return BrowserSession.of(tokens)

    @router.post("/refresh", responses=error_responses(401, 403, 422, 429))
    async def browser_refresh(
        request: Request,
        response: Response,
        services: ServicesDep,
        _refresh_token: Annotated[str | None, declared_cookie] = None,
        _csrf_token: CsrfHeader = None,
    ) -> BrowserSession:
        """A new access token; the cookie's refresh token is replaced.

        Presenting a replaced refresh token again ends the whole session.
        """
        tokens = await services.auth.browser_refresh(cookie.browser_request(request))
        cookie.store(response, tokens)
        return BrowserSession.of(tokens)

    @router.post(
        "/logout",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=error_responses(401, 403, 422),
    )
    async def browser_logout(
        request: Request,
        response: Response,
        services: ServicesDep,
        _refresh_token: Annotated[str | None, declared_cookie] = None,
        _csrf_token: CsrfHeader = None,
    ) -> None:
        """Ends the session and clears the cookie."""
        await services.auth.browser_logout(cookie.browser_request(request))
        cookie.clear(response)

    return router
