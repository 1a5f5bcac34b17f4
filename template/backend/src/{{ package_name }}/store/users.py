"""Users in the database."""

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from ..errors import ConflictError
from ..models import User
from ..models.page import Page, PageRequest

EMAIL_TAKEN = "An account with this email address already exists."


class UserStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, user: User) -> None:
        """Raises ConflictError when the email is taken, even by a concurrent add."""
        self._session.add(user)
        try:
            await self._session.flush()
        except IntegrityError:
            # Another request took the address between the caller's check and now.
            raise ConflictError(EMAIL_TAKEN) from None

    async def get(self, user_id: uuid.UUID) -> User | None:
        return await self._session.get(User, user_id)

    async def get_many(self, user_ids: Sequence[uuid.UUID]) -> list[User]:
        # One query for a whole list's owners (the GraphQL DataLoader's batch).
        result = await self._session.scalars(
            select(User).where(User.id.in_(set(user_ids)))
        )
        return list(result.all())

    async def get_by_email(self, email: str) -> User | None:
        result = await self._session.scalars(select(User).where(User.email == email))
        return result.one_or_none()

    async def replace_password_hash(
        self,
        user_id: uuid.UUID,
        *,
        expected: str,
        new: str | None,
        changed_at: datetime | None = None,
    ) -> bool:
        values: dict[str, Any] = {"password_hash": new or expected}
        if changed_at is not None:
            values["password_changed_at"] = changed_at
        # One conditional UPDATE: it locks the row, and re-checks the condition
        # after any concurrent writer of the row commits.
        result: CursorResult[tuple[()]] = await self._session.execute(  # type: ignore[assignment]
            update(User)
            .where(
                User.id == user_id,
                User.password_hash == expected,
                User.is_active.is_(True),
            )
            .values(**values)
            .execution_options(synchronize_session="fetch")
        )
        return result.rowcount == 1

    async def list_page(self, page: PageRequest) -> Page[User]:
        total = await self._session.scalar(select(func.count()).select_from(User))
        rows = await self._session.scalars(
            select(User)
            .order_by(User.created_at, User.id)
            .limit(page.limit)
            .offset(page.offset)
        )
        return Page(
            items=rows.all(), total=total or 0, limit=page.limit, offset=page.offset
        )
