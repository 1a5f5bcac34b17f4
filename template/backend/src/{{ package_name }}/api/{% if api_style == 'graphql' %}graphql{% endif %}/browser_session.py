"""The browser session: the refresh token in an HttpOnly cookie, CSRF-protected.

Beside the bearer flow (login, refresh, logout), for single-page apps: the page
never holds the refresh token, only the session's CSRF token (sent back as the
X-CSRF-Token header) and the access token. See docs/security/auth.md.
"""

from typing import Self

import strawberry

from ...services.auth_service import BrowserTokens
from .context import Context
from .types import CredentialsInput


@strawberry.type(name="BrowserSession")
class BrowserSessionType:
    access_token: str
    token_type: str
    expires_in: int = strawberry.field(
        description="Seconds until the access token expires."
    )
    csrf_token: str = strawberry.field(
        description="Send it as the X-CSRF-Token header to refresh and sign out; "
        "the same for the whole session."
    )

    @classmethod
    def of(cls, tokens: BrowserTokens) -> Self:
        return cls(
            access_token=tokens.pair.access_token,
            token_type="bearer",  # noqa: S106 (the scheme's name)
            expires_in=tokens.pair.expires_in_seconds,
            csrf_token=tokens.csrf_token,
        )


@strawberry.type
class BrowserSessionMutations:
    @strawberry.mutation
    async def browser_login(
        self, info: Context, input: CredentialsInput
    ) -> BrowserSessionType:
        """Starts a session: an access token, and the refresh token in a cookie."""
        info.context.spend_password_check()
        info.context.claim_cookie_change()
        browser = info.context.browser
        tokens = await info.context.services.auth.browser_login(
            email=input.email,
            password=input.password,
            origin=browser.origin,
            own_origin=browser.own_origin,
        )
        info.context.store_refresh_cookie(tokens)
        return BrowserSessionType.of(tokens)

    @strawberry.mutation
    async def browser_refresh(self, info: Context) -> BrowserSessionType:
        """A new access token (X-CSRF-Token header and the cookie); the cookie's
        refresh token is replaced, and presenting a replaced one ends the session."""
        info.context.claim_cookie_change()
        tokens = await info.context.services.auth.browser_refresh(info.context.browser)
        info.context.store_refresh_cookie(tokens)
        return BrowserSessionType.of(tokens)

    @strawberry.mutation
    async def browser_logout(self, info: Context) -> bool:
        """Ends the session (X-CSRF-Token header and the cookie); clears the cookie."""
        info.context.claim_cookie_change()
        await info.context.services.auth.browser_logout(info.context.browser)
        info.context.clear_refresh_cookie()
        return True
