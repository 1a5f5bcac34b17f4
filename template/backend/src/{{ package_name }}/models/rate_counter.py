"""Attempt counters of the rate limits, shared by every instance of the service."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base
from .columns import UtcDateTime

# "<action>:<sha256 hex digest of the subject>" (services/rate_limiter.py).
KEY_MAX_LENGTH = 128


class RateCounter(Base):
    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(KEY_MAX_LENGTH), primary_key=True)
    attempts: Mapped[int]
    # Indexed for the purge, which deletes the counters whose window has ended.
    window_ends_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
