"""Users in the database."""

import uuid

from sqlalchemy import func, select
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

    async def get_by_email(self, email: str) -> User | None:
        result = await self._session.scalars(select(User).where(User.email == email))
        return result.one_or_none()

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
