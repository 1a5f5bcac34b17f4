"""What every resolver of one request shares: services, the caller, DataLoaders."""

import asyncio
import uuid
from collections.abc import Sequence

from fastapi import Request
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from ...errors import AuthenticationError
from ...middleware.request_context import bind_user_id
from ...models import User
from ...security.rbac import Principal
from ...services.registry import Services
from ..dependencies import ServicesDep

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

    async def _authenticate(self) -> Principal:
        token = bearer_token(self._authorization)
        if token is None:
            raise AuthenticationError(NO_CREDENTIALS)
        return await self.services.auth.authenticate(token)

    async def _load_users(self, ids: list[uuid.UUID]) -> Sequence[User | None]:
        return await self.services.users.get_many(await self.principal(), ids)


async def get_context(request: Request, services: ServicesDep) -> GraphQLContext:
    return GraphQLContext(services, request.headers.get("authorization"))
