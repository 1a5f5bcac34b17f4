"""File content through age, streamed through temporary files: any size, flat memory.

Uploads encrypt the plaintext into a temporary file first, so the exact size is
known before the server is asked for a form and the plaintext is read once.
Downloads decrypt into a temporary file beside the destination and publish it
only once every chunk has been authenticated.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from . import age
from .errors import ClientError

# A fixed, short name: one built from the destination's name would pass the
# file system's limit (255 bytes) for a destination whose name is near it.
TEMPORARY_PREFIX = ".download-"
TEMPORARY_SUFFIX = ".part"


@contextmanager
def encrypted_copy(source: Path, recipient: age.Recipient) -> Iterator[BinaryIO]:
    """A temporary age file of `source` for `recipient`, rewound; deleted after."""
    with (
        source.open("rb") as plaintext,
        tempfile.TemporaryFile(prefix="upload-", suffix=".age") as ciphertext,
    ):
        age.encrypt_stream(plaintext, ciphertext, recipient)
        ciphertext.flush()
        ciphertext.seek(0)
        yield ciphertext


def refuse_existing(destination: Path) -> None:
    if destination.exists() or destination.is_symlink():
        raise ClientError(f"{destination} already exists; it is never overwritten")


def decrypt_to(ciphertext: BinaryIO, destination: Path, key: age.Identity) -> None:
    """Writes the plaintext to `destination`, all or nothing, never overwriting.

    Raises UndecryptableError (and leaves nothing behind) when any chunk fails
    to authenticate: a tampered object, or a key for another file.
    """
    refuse_existing(destination)
    descriptor, temporary_name = tempfile.mkstemp(
        dir=destination.parent,
        prefix=TEMPORARY_PREFIX,
        suffix=TEMPORARY_SUFFIX,
    )
    temporary = Path(temporary_name)
    try:
        with os.fdopen(descriptor, "wb") as plaintext:
            age.decrypt_stream(ciphertext, plaintext, key)
            plaintext.flush()
            os.fsync(plaintext.fileno())
        publish(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)


def publish(temporary: Path, destination: Path) -> None:
    """Gives the finished file its name; a link, unlike a rename, never replaces."""
    try:
        os.link(temporary, destination)
    except FileExistsError as error:
        raise ClientError(
            f"{destination} already exists; it is never overwritten"
        ) from error
