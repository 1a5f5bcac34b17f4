"""The browser session's refresh cookie, for both API styles.

The cookie carries the refresh token where page scripts cannot read it (HttpOnly),
over HTTPS only (Secure), never on a request another site starts (SameSite=Strict),
and only to the paths that exchange it (Path). The handlers read the cookie, the
CSRF header and the origins here, and leave every judgement to the auth service.
"""

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from ..services.auth_service import BrowserRequest, BrowserTokens

SECURE_COOKIE_NAME = "__Secure-refresh-token"
# Browsers drop a __Secure- cookie that is not Secure: without Secure (development
# only), the cookie goes by a plain name.
PLAIN_COOKIE_NAME = "refresh-token"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class RefreshCookie:
    path: str
    secure: bool = True

    @property
    def name(self) -> str:
        return SECURE_COOKIE_NAME if self.secure else PLAIN_COOKIE_NAME

    def store(self, response: Response, tokens: BrowserTokens) -> None:
        """Sets the cookie to the session's new refresh token, for its lifetime."""
        response.set_cookie(
            self.name,
            tokens.pair.refresh_token,
            max_age=tokens.pair.refresh_expires_in_seconds,
            path=self.path,
            secure=self.secure,
            httponly=True,
            samesite="strict",
        )

    def clear(self, response: Response) -> None:
        """Tells the browser to drop the cookie (Max-Age=0)."""
        response.delete_cookie(
            self.name,
            path=self.path,
            secure=self.secure,
            httponly=True,
            samesite="strict",
        )

    def browser_request(self, request: Request) -> BrowserRequest:
        """The cookie, the CSRF header and the origins of `request`, unjudged."""
        return BrowserRequest(
            refresh_token=request.cookies.get(self.name),
            csrf_token=request.headers.get(CSRF_HEADER),
            origin=request.headers.get("origin"),
            own_origin=own_origin(request),
        )


def own_origin(request: Request) -> str:
    """The origin this request addressed: its scheme (the proxy's, where
    forwarded headers are trusted) and its Host header.
    """
    return f"{request.url.scheme}://{request.url.netloc}"
