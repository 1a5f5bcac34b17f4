"""What every resolver of one request shares: services, the caller, DataLoaders."""

import uuid
from collections.abc import Iterator, Sequence

from fastapi import Request
from strawberry.dataloader import DataLoader
from strawberry.extensions import SchemaExtension
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
        # One loader per request: batches owner lookups of a list into one query.
        self.users_by_id = DataLoader[uuid.UUID, User | None](load_fn=self._load_users)

    async def principal(self) -> Principal:
        """The authenticated caller; raises AuthenticationError without one."""
        if self._principal is None:
            token = bearer_token(self._authorization)
            if token is None:
                raise AuthenticationError(NO_CREDENTIALS)
            self._principal = await self.services.auth.authenticate(token)
            bind_user_id(self._principal.user_id)
        return self._principal

    @property
    def authenticated(self) -> Principal | None:
        """The caller, if a resolver of this request has authenticated them."""
        return self._principal

    async def _load_users(self, ids: list[uuid.UUID]) -> Sequence[User | None]:
        return await self.services.users.get_many(await self.principal(), ids)


class BindUserId(SchemaExtension):
    """Puts the caller's user id on the request's log lines, the access line too.

    Root fields resolve in tasks of their own, and a binding made in a task does
    not reach the request's context: it is made again here, once they are done.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context.context
        if isinstance(context, GraphQLContext) and context.authenticated:
            bind_user_id(context.authenticated.user_id)


async def get_context(request: Request, services: ServicesDep) -> GraphQLContext:
    return GraphQLContext(services, request.headers.get("authorization"))
