"""Sign-in sessions and their rotating refresh tokens.

A session is one sign-in (one device); each refresh replaces its refresh token, and
the used token is kept, so that presenting it again is recognised as theft and ends
the session (the token "family"). Tokens are stored hashed: a copy of the database
cannot be used to sign in.
"""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .columns import UtcDateTime, new_id, utc_now


class AuthSession(Base):
    __tablename__ = "auth_sessions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # The absolute end: refreshing keeps a session alive only until then.
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


class RefreshToken(Base):
    __tablename__ = "refresh_tokens"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("auth_sessions.id", ondelete="CASCADE"), index=True
    )
    # SHA-256 of the token, hex: tokens are random, so no salt or slow hash is needed.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Set when the token is exchanged for the next one; a used token is never valid.
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
