"""ORM models. Every model is imported here so Alembic sees the whole schema."""

from .base import Base

__all__ = ["Base"]
