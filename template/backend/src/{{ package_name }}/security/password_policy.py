"""Which new passwords are accepted: long enough, bounded, and not well known."""

import unicodedata
from functools import cache
from importlib.resources import files

from .passwords import normalize

MIN_LENGTH = 12
# Bounds the hashing work a single request can ask for.
MAX_LENGTH = 128
COMMON_PASSWORDS_FILE = "common_passwords.txt"
# Unicode general categories that print nothing a person could read or type back.
INVISIBLE = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"})


@cache
def common_passwords() -> frozenset[str]:
    text = (files(__package__) / COMMON_PASSWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def visible_characters(text: str) -> int:
    """Characters that show: not spaces or separators, controls (NUL), format
    characters (zero-width space, joiners), surrogates or unassigned points."""
    return sum(
        1 for character in text if unicodedata.category(character) not in INVISIBLE
    )


def password_problem(password: str, *, email: str) -> str | None:
    """Why `password` is refused for the account `email`, or None when it is fine.

    The reason is safe to show to the user; it never repeats the password.
    """
    candidate = normalize(password)
    # Both forms count: one typed character may normalise into many ("ﷺ" is 18).
    if min(len(password), len(candidate)) < MIN_LENGTH:
        return f"The password must have at least {MIN_LENGTH} characters."
    if visible_characters(candidate) < MIN_LENGTH:
        return (
            f"The password must have at least {MIN_LENGTH} visible characters "
            "(spaces and invisible characters do not count)."
        )
    if len(candidate) > MAX_LENGTH:
        return f"The password must have at most {MAX_LENGTH} characters."
    folded = candidate.casefold()
    if folded in common_passwords():
        return "This password is too common; choose another."
    if (
        folded == email.casefold()
        or folded == email.split("@", maxsplit=1)[0].casefold()
    ):
        return "The password must not be the email address."
    return None
