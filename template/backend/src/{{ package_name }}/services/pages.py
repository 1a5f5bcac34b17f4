"""Bounds on what a list request may ask for, whatever the API style."""

from ..errors import InvalidInputError
from ..models.page import MAX_OFFSET, MAX_PAGE_SIZE, PageRequest


def checked_page(page: PageRequest) -> PageRequest:
    """The page, if within bounds; raises InvalidInputError otherwise."""
    if not 1 <= page.limit <= MAX_PAGE_SIZE:
        raise InvalidInputError(f"limit must be between 1 and {MAX_PAGE_SIZE}.")
    if not 0 <= page.offset <= MAX_OFFSET:
        raise InvalidInputError(f"offset must be between 0 and {MAX_OFFSET}.")
    return page
