"""Password hashing with argon2id, rehashing when the parameters change.

Hashing is deliberately slow, so it runs in a worker thread: the event loop keeps
serving other requests meanwhile (argon2 releases the GIL).
"""

import asyncio
import secrets
import unicodedata
from dataclasses import dataclass

from pwdlib import PasswordHash
from pwdlib.exceptions import UnknownHashError
from pwdlib.hashers.argon2 import Argon2Hasher


@dataclass(frozen=True)
class Argon2Parameters:
    """Defaults are RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes)."""

    time_cost: int = 3
    memory_kib: int = 65_536
    parallelism: int = 4


# OWASP's floor for argon2id; production refuses anything weaker (config.py).
MINIMUM_PRODUCTION_PARAMETERS = Argon2Parameters(
    time_cost=2, memory_kib=19_456, parallelism=1
)


def normalize(password: str) -> str:
    # The same password typed on two keyboards may arrive in two Unicode forms.
    return unicodedata.normalize("NFKC", password)


class PasswordHasher:
    def __init__(self, parameters: Argon2Parameters) -> None:
        self._hash = PasswordHash(
            (
                Argon2Hasher(
                    time_cost=parameters.time_cost,
                    memory_cost=parameters.memory_kib,
                    parallelism=parameters.parallelism,
                ),
            )
        )
        # Checked against when the account is unknown, so that answer costs the same.
        self._dummy_hash = self._hash.hash(secrets.token_urlsafe(16))

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self._hash.hash, normalize(password))

    async def verify(
        self, password: str, password_hash: str
    ) -> tuple[bool, str | None]:
        """Whether the password matches, and a new hash when the stored one is stale.

        The new hash is returned only on a match whose stored hash used other
        parameters; the caller stores it.
        """
        try:
            return await asyncio.to_thread(
                self._hash.verify_and_update, normalize(password), password_hash
            )
        except UnknownHashError:
            return False, None

    async def verify_against_nothing(self, password: str) -> None:
        """Spends the time of one verification, for a caller with no stored hash."""
        await asyncio.to_thread(
            self._hash.verify, normalize(password), self._dummy_hash
        )
