"""Pagination: what a caller asks for and what a list returns."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

MAX_PAGE_SIZE = 100
# Deep offsets make the database walk every skipped row; beyond this, filter instead.
MAX_OFFSET = 10_000


@dataclass(frozen=True)
class PageRequest:
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    total: int
    limit: int
    offset: int
