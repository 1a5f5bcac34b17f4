"""What every resolver of one request shares: services, the caller, DataLoaders."""

import asyncio
import uuid
from collections.abc import Sequence

from fastapi import Request
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext
from strawberry.types import Info

from ...errors import AuthenticationError, RateLimitedError
from ...middleware.request_context import bind_user_id
from ...models import User
from ...security.rbac import Principal
from ...services.registry import Services
from ..dependencies import ServicesDep

# Password hashing per request: aliases and batches must not multiply the argon2
# work (or the password guesses) of one request, which REST allows once.
MAX_PASSWORD_CHECKS = 1
ONE_HASH_PER_REQUEST = (
    "One sign-in, registration or password change per request; send them apart."
)
NO_CREDENTIALS = "This operation needs an access token (Authorization: Bearer)."


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, if that is what it is."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class GraphQLContext(BaseContext):
    def __init__(self, services: Services, authorization: str | None) -> None:
        super().__init__()
        self.services = services
        self._authorization = authorization
        self._principal: Principal | None = None
        self._refusal: AuthenticationError | None = None
        self._password_checks = 0
        # Fields resolve concurrently: one authenticates, the others wait for it.
        self._authenticating = asyncio.Lock()
        # One loader per request: batches owner lookups of a list into one query.
        self.users_by_id = DataLoader[uuid.UUID, User | None](load_fn=self._load_users)

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

    async def _authenticate(self) -> Principal:
        token = bearer_token(self._authorization)
        if token is None:
            raise AuthenticationError(NO_CREDENTIALS)
        return await self.services.auth.authenticate(token)

    async def _load_users(self, ids: list[uuid.UUID]) -> Sequence[User | None]:
        return await self.services.users.get_many(await self.principal(), ids)


# What every resolver of this schema receives as `info`.
Context = Info[GraphQLContext, None]


async def get_context(request: Request, services: ServicesDep) -> GraphQLContext:
    return GraphQLContext(services, request.headers.get("authorization"))
