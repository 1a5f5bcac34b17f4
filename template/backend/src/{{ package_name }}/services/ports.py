"""What services need from the outside world, as interfaces.

store/ implements these against the database; unit tests implement them in memory
(tests/fakes.py). Services depend only on these shapes.
"""

import uuid
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Protocol

from ..models import AuthSession, Item, RefreshToken, User
from ..models.item import ItemQuery
from ..models.page import Page, PageRequest

Clock = Callable[[], datetime]


class UserRepository(Protocol):
    async def add(self, user: User) -> None:
        """Raises ConflictError when another user has the email address."""
        ...

    async def get(self, user_id: uuid.UUID) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None: ...

    async def get_many(self, user_ids: Sequence[uuid.UUID]) -> list[User]:
        """The users among `user_ids` that exist, in any order."""
        ...

    async def replace_password_hash(
        self,
        user_id: uuid.UUID,
        *,
        expected: str,
        new: str | None,
        changed_at: datetime | None = None,
    ) -> bool:
        """Sets `new` (None keeps it) only if the stored hash is still `expected`
        and the user is active; False otherwise. Holds the row until commit, so a
        concurrent change of the same password waits and then sees this one.
        `changed_at` records a password change (not a rehash).
        """
        ...

    async def list_page(self, page: PageRequest) -> Page[User]: ...


class AuthSessionRepository(Protocol):
    async def add_session(self, session: AuthSession) -> None: ...

    async def get_session(self, session_id: uuid.UUID) -> AuthSession | None: ...

    async def add_refresh_token(self, token: RefreshToken) -> None: ...

    async def get_refresh_token(self, token_hash: str) -> RefreshToken | None: ...

    async def claim_refresh_token(self, token: RefreshToken, *, now: datetime) -> bool:
        """Marks the token used; False when another request used it first."""
        ...

    async def revoke_sessions(
        self, *, user_id: uuid.UUID, now: datetime, keep: uuid.UUID | None = None
    ) -> None:
        """Ends every open session of the user but `keep`."""
        ...

    async def delete_ended_sessions(self, *, now: datetime) -> int:
        """Deletes revoked and expired sessions (and their tokens); how many."""
        ...


class ItemRepository(Protocol):
    async def add(self, item: Item) -> None: ...

    async def get(
        self, item_id: uuid.UUID, *, owner_id: uuid.UUID | None
    ) -> Item | None:
        """The item, if it exists and (unless owner_id is None) belongs to owner_id."""
        ...

    async def list_page(self, query: ItemQuery, page: PageRequest) -> Page[Item]: ...

    async def delete(self, item: Item) -> None: ...


class UnitOfWork(Protocol):
    """One transaction: changes are kept only if the service calls commit()."""

    @property
    def users(self) -> UserRepository: ...

    @property
    def auth_sessions(self) -> AuthSessionRepository: ...

    @property
    def items(self) -> ItemRepository: ...

    async def commit(self) -> None: ...


UnitOfWorkFactory = Callable[[], AbstractAsyncContextManager[UnitOfWork]]
