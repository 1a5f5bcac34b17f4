"""The identity file on this machine, and its passphrase-protected backup.

The identity is the one secret that opens every file shared with its owner: the
file is created atomically with mode 0600, never overwritten, and refused when
anyone but its owner can read it.

The backup is stored on the server, the very party the encryption guards
against: it can try passphrases offline for as long as it likes, so a new backup
needs a passphrase of at least MIN_PASSPHRASE_LENGTH characters. Opening an
existing backup accepts any passphrase (it may predate the rule).
"""

import base64
import binascii
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from . import age
from .errors import (
    IdentityFileError,
    InvalidKeyError,
    UndecryptableError,
    WeakPassphraseError,
)

IDENTITY_LINE_PREFIX = "AGE-SECRET-KEY-"
FILE_MODE = 0o600
DIRECTORY_MODE = 0o700
MIN_PASSPHRASE_LENGTH = 12


def identity_file_text(identity: age.Identity) -> str:
    """The age-keygen layout, so `age -d -i FILE` reads the same file."""
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    return (
        f"# created: {created}\n"
        f"# public key: {identity.recipient()}\n"
        f"{identity.secret()}\n"
    )


def already_exists(path: Path) -> IdentityFileError:
    return IdentityFileError(
        f"{path} already exists; it is never overwritten "
        "(move it away first if you really mean to replace it)"
    )


def refuse_existing(path: Path) -> None:
    """Fails early, before any work whose result could not be written."""
    if path.exists() or path.is_symlink():
        raise already_exists(path)


def write_identity(path: Path, identity: age.Identity) -> None:
    """Writes a new identity file; refuses to replace an existing one."""
    path.parent.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    try:
        # O_EXCL: an existing file (or a symlink planted there) is never followed
        # or truncated; the mode is set at creation, not after the secret is in.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError as error:
        raise already_exists(path) from error
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as identity_file:
            os.fchmod(identity_file.fileno(), FILE_MODE)  # whatever the umask
            identity_file.write(identity_file_text(identity))
            identity_file.flush()
            os.fsync(identity_file.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def create_identity(path: Path) -> age.Identity:
    identity = age.Identity.generate()
    write_identity(path, identity)
    return identity


def load_identity(path: Path) -> age.Identity:
    """Reads the identity file; refuses one that others may read."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError as error:
        raise IdentityFileError(
            f"no identity file at {path}: run `keygen` (or `restore-key`) first"
        ) from error
    with os.fdopen(descriptor, encoding="utf-8") as identity_file:
        mode = stat.S_IMODE(os.fstat(identity_file.fileno()).st_mode)
        if mode & 0o077:
            raise IdentityFileError(
                f"{path} is accessible by other users (mode {mode:04o}); "
                f"run `chmod 600 {path}` if nobody else read it, "
                "otherwise make a new identity"
            )
        text = identity_file.read()
    secrets = [
        line.strip()
        for line in text.splitlines()
        if line.strip().startswith(IDENTITY_LINE_PREFIX)
    ]
    if len(secrets) != 1:
        raise IdentityFileError(f"{path} does not hold exactly one age secret key")
    try:
        return age.Identity.parse(secrets[0])
    except InvalidKeyError as error:
        raise IdentityFileError(f"{path}: {error}") from error


def check_new_passphrase(passphrase: str) -> None:
    """Refuses a passphrase too short for a backup that can be guessed offline."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphraseError(
            f"a backup passphrase needs at least {MIN_PASSPHRASE_LENGTH} "
            "characters: the server keeps the backup and could guess a short one"
        )


def backup_identity(identity: age.Identity, passphrase: str) -> str:
    """base64 of the secret key encrypted with the passphrase (age scrypt)."""
    check_new_passphrase(passphrase)
    sealed = age.passphrase_encrypt(identity.secret().encode(), passphrase)
    return base64.b64encode(sealed).decode("ascii")


def restore_identity(backup: str, passphrase: str) -> age.Identity:
    try:
        sealed = base64.b64decode(backup, validate=True)
        return age.Identity.parse(age.passphrase_decrypt(sealed, passphrase).decode())
    except (binascii.Error, UndecryptableError, InvalidKeyError, UnicodeError) as err:
        raise IdentityFileError(
            "the backup could not be opened (wrong passphrase, or damaged)"
        ) from err
