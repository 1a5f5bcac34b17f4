"""A stand-in for age's passphrase encryption, for the tests of what surrounds it.

rage tunes scrypt's work factor so that sealing a backup takes about a second on
the machine it runs on, and opening it as long: that cost is what makes a stolen
backup slow to guess, and it made passphrase tests a third of this suite's time.
Tests of the key handling around it (rules, prompts, the SDK and the command line)
seal and open with this stand-in instead. It keeps what they observe: the output
is an age file's header and opaque bytes, the passphrase that sealed opens it, and
another passphrase or a changed byte raises pyrage.DecryptError. Tests marked
`real_scrypt` use pyrage's own (tests/test_age.py's round trip and one backup
through the SDK), so the real format stays proven.
"""

import secrets

import pyrage  # type: ignore[import-untyped]

AGE_SCRYPT_HEADER = b"age-encryption.org/v1\n-> scrypt "


class QuickScrypt:
    """What pyrage.passphrase offers (encrypt, decrypt), remembered in memory."""

    def __init__(self) -> None:
        self._sealed: dict[bytes, tuple[bytes, str]] = {}

    def encrypt(self, plaintext: bytes, passphrase: str) -> bytes:
        ciphertext = AGE_SCRYPT_HEADER + secrets.token_bytes(32)
        self._sealed[ciphertext] = (plaintext, passphrase)
        return ciphertext

    def decrypt(self, ciphertext: bytes, passphrase: str) -> bytes:
        plaintext, sealed_with = self._sealed.get(ciphertext, (b"", None))
        if sealed_with is None or not secrets.compare_digest(
            sealed_with.encode(), passphrase.encode()
        ):
            raise pyrage.DecryptError("No matching keys found")
        return plaintext
