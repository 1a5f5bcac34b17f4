"""What every resolver of one request shares: services, the caller, DataLoaders,
and the browser session's cookie (read from the request, set on its response).
"""

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Sequence

from fastapi import Request, Response
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext
from strawberry.types import Info

from ...errors import AuthenticationError, InvalidInputError, RateLimitedError
from ...middleware.request_context import bind_user_id
from ...models import User
from ...resources import Resources
from ...security.rbac import Principal
from ...services.auth_service import BrowserRequest, BrowserTokens
from ...services.registry import Services
from ..browser_cookie import RefreshCookie
from ..dependencies import ServicesDep, get_resources

# Password hashing per request: aliases and batches must not multiply the argon2
# work (or the password guesses) of one request, which REST allows once.
MAX_PASSWORD_CHECKS = 1
ONE_HASH_PER_REQUEST = (
    "One sign-in, registration or password change per request; send them apart."
)
NO_CREDENTIALS = "This operation needs an access token (Authorization: Bearer)."
# One response sets the cookie once: a second change in the same request would
# use up the refresh token the first one just issued, or contradict it.
ONE_COOKIE_CHANGE_PER_REQUEST = (
    "One browser sign-in, refresh or sign-out per request; send them apart."
)
NO_RESPONSE = "The browser session's operations run over HTTP only."
NO_REQUEST = "Operations run over HTTP only: there is no request to serve."


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, if that is what it is."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class GraphQLContext(BaseContext):
    def __init__(
        self,
        services: Services,
        authorization: str | None,
        *,
        browser: BrowserRequest,
        refresh_cookie: RefreshCookie,
    ) -> None:
        super().__init__()
        self.services = services
        self._authorization = authorization
        # The cookie, CSRF header and origins of the request, for the auth service.
        self.browser = browser
        self._refresh_cookie = refresh_cookie
        self._cookie_changed = False
        self._principal: Principal | None = None
        self._refusal: AuthenticationError | None = None
        self._password_checks = 0
        # Fields resolve concurrently: one authenticates, the others wait for it.
        self._authenticating = asyncio.Lock()
        # One loader per request: batches owner lookups of a list into one query.
        self.users_by_id = DataLoader[uuid.UUID, User | None](load_fn=self._load_users)

    def resources(self) -> Resources:
        """What the running app holds open (its database sessions, say): where a
        feature package's resolvers build their own service."""
        if not isinstance(self.request, Request):
            raise TypeError(NO_REQUEST)
        return get_resources(self.request)

    async def principal(self) -> Principal:
        """The authenticated caller; raises AuthenticationError without one.

        Authenticates once per request, however many fields ask (and whether or
        not it succeeds).
        """
        async with self._authenticating:
            if self._refusal is not None:
                raise self._refusal
            if self._principal is None:
                try:
                    self._principal = await self._authenticate()
                except AuthenticationError as refusal:
                    self._refusal = refusal
                    raise
                bind_user_id(self._principal.user_id)
            return self._principal

    def spend_password_check(self) -> None:
        """Counts one password hash; raises RateLimitedError past the limit."""
        if self._password_checks >= MAX_PASSWORD_CHECKS:
            raise RateLimitedError(ONE_HASH_PER_REQUEST)
        self._password_checks += 1

    def claim_cookie_change(self) -> None:
        """Reserves the request's one change of the refresh cookie, before the
        operation runs; raises InvalidInputError when it was taken already.
        """
        if self._cookie_changed:
            raise InvalidInputError(ONE_COOKIE_CHANGE_PER_REQUEST)
        self._cookie_changed = True

    def store_refresh_cookie(self, tokens: BrowserTokens) -> None:
        self._refresh_cookie.store(self._response(), tokens)

    def clear_refresh_cookie(self) -> None:
        self._refresh_cookie.clear(self._response())

    def _response(self) -> Response:
        # This request's own response (strawberry sets it): its headers are
        # copied onto the answer, so a cookie set here reaches only this caller.
        if self.response is None:
            raise RuntimeError(NO_RESPONSE)
        return self.response

    async def _authenticate(self) -> Principal:
        token = bearer_token(self._authorization)
        if token is None:
            raise AuthenticationError(NO_CREDENTIALS)
        return await self.services.auth.authenticate(token)

    async def _load_users(self, ids: list[uuid.UUID]) -> Sequence[User | None]:
        return await self.services.users.get_many(await self.principal(), ids)


# What every resolver of this schema receives as `info`.
Context = Info[GraphQLContext, None]


ContextGetter = Callable[[Request, Services], Awaitable[GraphQLContext]]


def context_getter(refresh_cookie: RefreshCookie) -> ContextGetter:
    """The router's context getter, for the refresh cookie the settings chose."""

    async def get_context(request: Request, services: ServicesDep) -> GraphQLContext:
        return GraphQLContext(
            services,
            request.headers.get("authorization"),
            browser=refresh_cookie.browser_request(request),
            refresh_cookie=refresh_cookie,
        )

    return get_context
