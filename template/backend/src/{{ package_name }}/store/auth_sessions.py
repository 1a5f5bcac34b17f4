"""Sign-in sessions and refresh tokens in the database."""

import uuid
from datetime import datetime

from sqlalchemy import CursorResult, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from ..models import AuthSession, RefreshToken


class AuthSessionStore:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_session(self, session: AuthSession) -> None:
        self._session.add(session)
        await self._session.flush()

    async def get_session(self, session_id: uuid.UUID) -> AuthSession | None:
        return await self._session.get(AuthSession, session_id)

    async def add_refresh_token(self, token: RefreshToken) -> None:
        self._session.add(token)
        await self._session.flush()

    async def get_refresh_token(self, token_hash: str) -> RefreshToken | None:
        result = await self._session.scalars(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        )
        return result.one_or_none()

    async def claim_refresh_token(self, token: RefreshToken, *, now: datetime) -> bool:
        # One conditional UPDATE: of two concurrent refreshes, only one can win.
        result: CursorResult[tuple[()]] = await self._session.execute(  # type: ignore[assignment]
            update(RefreshToken)
            .where(RefreshToken.id == token.id, RefreshToken.used_at.is_(None))
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return False
        token.used_at = now
        return True

    async def revoke_sessions(
        self, *, user_id: uuid.UUID, now: datetime, keep: uuid.UUID | None = None
    ) -> None:
        statement = (
            update(AuthSession)
            .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
            .values(revoked_at=now)
            .execution_options(synchronize_session="fetch")
        )
        if keep is not None:
            statement = statement.where(AuthSession.id != keep)
        await self._session.execute(statement)

    async def delete_ended_sessions(self, *, now: datetime) -> int:
        # Refresh tokens go with their session (ON DELETE CASCADE).
        result: CursorResult[tuple[()]] = await self._session.execute(  # type: ignore[assignment]
            delete(AuthSession)
            .where(
                or_(AuthSession.revoked_at.is_not(None), AuthSession.expires_at <= now)
            )
            .execution_options(synchronize_session=False)
        )
        return result.rowcount
