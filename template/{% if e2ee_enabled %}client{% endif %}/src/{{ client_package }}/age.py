"""The age operations the client uses, typed (pyrage ships no type hints).

Everything else in the package goes through this module, so the untyped library
is touched in one place and its exceptions become the client's own.
"""

from typing import Any, BinaryIO

import pyrage  # type: ignore[import-untyped]

from .errors import InvalidKeyError, UndecryptableError

HEADER = b"age-encryption.org/v1\n"


class Recipient:
    """A public key ("age1..."): what a file is encrypted to."""

    def __init__(self, native: Any) -> None:
        self._native = native

    @classmethod
    def parse(cls, text: str) -> "Recipient":
        try:
            return cls(pyrage.x25519.Recipient.from_str(text.strip()))
        except pyrage.RecipientError as error:
            raise InvalidKeyError(f"not an age public key: {error}") from error

    def __str__(self) -> str:
        return str(self._native)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Recipient) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class Identity:
    """A secret key ("AGE-SECRET-KEY-1..."): what opens a file."""

    def __init__(self, native: Any) -> None:
        self._native = native

    @classmethod
    def generate(cls) -> "Identity":
        return cls(pyrage.x25519.Identity.generate())

    @classmethod
    def parse(cls, text: str) -> "Identity":
        try:
            return cls(pyrage.x25519.Identity.from_str(text.strip()))
        except pyrage.IdentityError as error:
            raise InvalidKeyError("not an age secret key") from error

    def secret(self) -> str:
        return str(self._native)

    def recipient(self) -> Recipient:
        return Recipient(self._native.to_public())

    def __repr__(self) -> str:
        # Never the secret: identities end up in tracebacks and debug output.
        return f"Identity(recipient={self.recipient()})"


def encrypt(plaintext: bytes, recipient: Recipient) -> bytes:
    """A small binary age file (keys, metadata) for one recipient."""
    ciphertext: bytes = pyrage.encrypt(plaintext, [recipient._native])
    return ciphertext


def decrypt(ciphertext: bytes, identity: Identity) -> bytes:
    """Raises UndecryptableError unless `identity` opens an intact age file."""
    try:
        plaintext: bytes = pyrage.decrypt(ciphertext, [identity._native])
    except pyrage.DecryptError as error:
        raise UndecryptableError from error
    return plaintext


def encrypt_stream(reader: BinaryIO, writer: BinaryIO, recipient: Recipient) -> None:
    """Encrypts chunk by chunk: memory stays flat whatever the size."""
    pyrage.encrypt_io(reader, writer, [recipient._native])


def decrypt_stream(reader: BinaryIO, writer: BinaryIO, identity: Identity) -> None:
    """Decrypts chunk by chunk; raises UndecryptableError on any damaged chunk.

    What was written before a damaged chunk is unauthenticated: the caller must
    throw the output away when this raises.
    """
    try:
        pyrage.decrypt_io(reader, writer, [identity._native])
    except pyrage.DecryptError as error:
        raise UndecryptableError from error
    except OSError as error:
        # pyrage reports a failed chunk as an OSError without errno; a real I/O
        # failure of the writer keeps its errno and is not a decryption problem.
        if error.errno is not None:
            raise
        raise UndecryptableError from error


def passphrase_encrypt(plaintext: bytes, passphrase: str) -> bytes:
    ciphertext: bytes = pyrage.passphrase.encrypt(plaintext, passphrase)
    return ciphertext


def passphrase_decrypt(ciphertext: bytes, passphrase: str) -> bytes:
    """Raises UndecryptableError for a wrong passphrase or a damaged file."""
    try:
        plaintext: bytes = pyrage.passphrase.decrypt(ciphertext, passphrase)
    except pyrage.DecryptError as error:
        raise UndecryptableError from error
    return plaintext
