"""ORM models. Every model is imported here so Alembic sees the whole schema."""

from .auth_session import AuthSession, RefreshToken
from .base import Base
from .item import Item, ItemStatus
from .user import User

__all__ = ["AuthSession", "Base", "Item", "ItemStatus", "RefreshToken", "User"]
