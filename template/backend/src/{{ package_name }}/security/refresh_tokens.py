"""Refresh tokens: random, opaque, and stored only as a hash."""

import hashlib
import secrets

# 256 bits of randomness: guessing is hopeless, so a fast hash suffices to store it.
TOKEN_BYTES = 32
# Refuse to hash absurd inputs; real tokens are 43 characters.
MAX_TOKEN_LENGTH = 128


def new_refresh_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
