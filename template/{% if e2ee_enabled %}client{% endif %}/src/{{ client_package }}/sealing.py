"""Per-file keys: each file has its own age identity, wrapped for each reader.

The content and the metadata are encrypted to the file's key; the file's key is
encrypted (wrapped) to the owner and to everyone the file is shared with, so
sharing never re-encrypts the content. Every blob travels as padded base64.
"""

import base64
import binascii
import json
from dataclasses import dataclass

from . import age
from .errors import InvalidKeyError, UndecryptableError

DEFAULT_CONTENT_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class FileMetadata:
    """What the server must not see: the file's real name and type."""

    name: str
    content_type: str = DEFAULT_CONTENT_TYPE


def to_base64(blob: bytes) -> str:
    return base64.b64encode(blob).decode("ascii")


def from_base64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise UndecryptableError from error


def new_file_key() -> age.Identity:
    return age.Identity.generate()


def wrap_key(file_key: age.Identity, reader: age.Recipient) -> str:
    """The file's key, readable by `reader` only."""
    return to_base64(age.encrypt(file_key.secret().encode(), reader))


def unwrap_key(wrapped_key: str, identity: age.Identity) -> age.Identity:
    """Raises UndecryptableError unless the key was wrapped for `identity`."""
    secret = age.decrypt(from_base64(wrapped_key), identity)
    try:
        return age.Identity.parse(secret.decode())
    except (UnicodeError, InvalidKeyError) as error:
        raise UndecryptableError from error


def seal_metadata(metadata: FileMetadata, file_key: age.Identity) -> str:
    document = {"name": metadata.name, "content_type": metadata.content_type}
    plaintext = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return to_base64(age.encrypt(plaintext, file_key.recipient()))


def open_metadata(sealed_metadata: str, file_key: age.Identity) -> FileMetadata:
    """Raises UndecryptableError for a wrong key or a document of another shape."""
    plaintext = age.decrypt(from_base64(sealed_metadata), file_key)
    try:
        document = json.loads(plaintext.decode("utf-8"))
    except (UnicodeError, json.JSONDecodeError) as error:
        raise UndecryptableError from error
    if not isinstance(document, dict):
        raise UndecryptableError
    name = document.get("name")
    content_type = document.get("content_type", DEFAULT_CONTENT_TYPE)
    if not isinstance(name, str) or not isinstance(content_type, str):
        raise UndecryptableError
    return FileMetadata(name=name, content_type=content_type)
