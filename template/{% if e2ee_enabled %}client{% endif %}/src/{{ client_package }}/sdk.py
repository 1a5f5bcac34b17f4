"""The client as a library: keys, upload, download, sharing, listing.

Everything secret happens here, on this machine: files are encrypted before they
leave and decrypted after they arrive; the service only ever sees ciphertext,
public keys and wrapped keys.
"""

import mimetypes
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from . import age, content, keys, naming, sealing, transfer
from .api.models import Api, FileRecord, PublicKey, Share, UserKey
from .api.transport import Transport
from .errors import ClientError, ServerError, UndecryptableError
from .settings import Settings

PAGE_SIZE = 100
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


@dataclass(frozen=True)
class ListedFile:
    """A file the caller can see; `name` is None when it cannot be opened here."""

    id: uuid.UUID
    size_bytes: int
    name: str | None


class Client:
    """One signed-in account, the identity file of this machine, the store."""

    def __init__(self, *, api: Api, store: httpx.Client, identity_path: Path) -> None:
        self._api = api
        self._store = store
        self._identity_path = identity_path

    def identity(self) -> age.Identity:
        return keys.load_identity(self._identity_path)

    def register_key(
        self, identity: age.Identity, *, backup_passphrase: str | None = None
    ) -> UserKey:
        """Registers the identity's public key, with a new backup if asked.

        Re-registering the same key without a passphrase keeps the existing backup.
        """
        recipient = str(identity.recipient())
        existing = self._api.my_key()
        backup: str | None
        if backup_passphrase is not None:
            backup = keys.backup_identity(identity, backup_passphrase)
        elif existing is not None and existing.recipient == recipient:
            backup = existing.identity_backup
        else:
            backup = None
        return self._api.register_key(recipient=recipient, identity_backup=backup)

    def restore_key(self, passphrase: str) -> age.Identity:
        """Writes the identity from the server's backup to the identity file."""
        keys.refuse_existing(self._identity_path)
        registered = self._api.my_key()
        if registered is None or not registered.identity_backup:
            raise ClientError("the account has no key backup to restore")
        identity = keys.restore_identity(registered.identity_backup, passphrase)
        if str(identity.recipient()) != registered.recipient:
            raise ClientError("the backup does not match the registered key")
        keys.write_identity(self._identity_path, identity)
        return identity

    def _registered_identity(self) -> age.Identity:
        """This machine's identity, refused unless it is the account's key."""
        identity = self.identity()
        registered = self._api.my_key()
        if registered is None:
            raise ClientError("no key is registered for this account: run register-key")
        if registered.recipient != str(identity.recipient()):
            raise ClientError(
                f"the identity file holds {identity.recipient()}, but the account's "
                f"key is {registered.recipient}: run restore-key, or register-key "
                "to replace the account's key"
            )
        return identity

    def upload(self, source: Path) -> uuid.UUID:
        """Encrypts `source` and uploads it; returns the new file's id."""
        identity = self._registered_identity()
        if not source.is_file():
            raise ClientError(f"{source} is not a file")
        file_key = sealing.new_file_key()
        content_type, _ = mimetypes.guess_type(source.name)
        metadata = sealing.FileMetadata(
            name=source.name,
            content_type=content_type or sealing.DEFAULT_CONTENT_TYPE,
        )
        with content.encrypted_copy(source, file_key.recipient()) as ciphertext:
            upload = self._api.request_upload(
                size_bytes=os.fstat(ciphertext.fileno()).st_size,
                sealed_metadata=sealing.seal_metadata(metadata, file_key),
                wrapped_key=sealing.wrap_key(file_key, identity.recipient()),
            )
            transfer.post_form(self._store, upload.form, ciphertext)
        self._api.confirm_upload(upload.file.id)
        return upload.file.id

    def _file_key(self, file_id: uuid.UUID, identity: age.Identity) -> age.Identity:
        return sealing.unwrap_key(self._api.file_key(file_id), identity)

    def _metadata(
        self, record: FileRecord, file_key: age.Identity
    ) -> sealing.FileMetadata:
        if record.sealed_metadata is None:
            raise UndecryptableError
        return sealing.open_metadata(record.sealed_metadata, file_key)

    def download(self, file_id: uuid.UUID, output: Path | None = None) -> Path:
        """Downloads and decrypts to `output` (a path or a directory; default the
        original name in the current directory); returns where the file went.

        Never overwrites; on any failure nothing is left at the destination.
        """
        identity = self.identity()
        record = self._api.get_file(file_id)
        file_key = self._file_key(file_id, identity)
        metadata = self._metadata(record, file_key)
        destination = naming.destination_for(output, metadata.name)
        content.refuse_existing(destination)
        url = self._api.download_url(file_id)
        with transfer.downloaded(self._store, url) as ciphertext:
            content.decrypt_to(ciphertext, destination, file_key)
        return destination

    def share(self, file_id: uuid.UUID, email: str) -> PublicKey:
        """Wraps the file's key for the user with `email`; returns their key."""
        identity = self.identity()
        target = self._api.lookup_key(email=email)
        recipient = age.Recipient.parse(target.recipient)
        file_key = self._file_key(file_id, identity)
        self._api.share_file(
            file_id,
            user_id=target.user_id,
            wrapped_key=sealing.wrap_key(file_key, recipient),
        )
        return target

    def list_shares(self, file_id: uuid.UUID) -> tuple[Share, ...]:
        """Whom the caller's own file is shared with (the owner not listed)."""
        return self._api.list_shares(file_id)

    def unshare(self, file_id: uuid.UUID, user: uuid.UUID | str) -> uuid.UUID:
        """Removes that user's wrapped key (copies they already made stay theirs).

        `user` is a user id (as listed by `list_shares`) or an email address; an
        id is used as it is: the server finds no email of a deactivated user, but
        still removes their key by id. Returns the user id unshared.
        """
        user_id = self._user_id(user)
        self._api.unshare_file(file_id, user_id=user_id)
        return user_id

    def _user_id(self, user: uuid.UUID | str) -> uuid.UUID:
        if isinstance(user, uuid.UUID):
            return user
        try:
            return uuid.UUID(user)
        except ValueError:  # not an id: an email address (which never parses)
            return self._api.lookup_key(email=user).user_id

    def list_files(self) -> Iterator[ListedFile]:
        """Every file the caller can see, newest first, with names opened here."""
        identity = self.identity()
        offset = 0
        while True:
            page = self._api.list_files(limit=PAGE_SIZE, offset=offset)
            for record in page.items:
                yield ListedFile(
                    id=record.id,
                    size_bytes=record.size_bytes,
                    name=self._name_or_none(record, identity),
                )
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return

    def _name_or_none(self, record: FileRecord, identity: age.Identity) -> str | None:
        try:
            file_key = self._file_key(record.id, identity)
            return self._metadata(record, file_key).name
        except UndecryptableError:
            return None
        except ServerError as error:
            # Administrators list every file, also those without a key for them.
            if error.code == "NOT_FOUND":
                return None
            raise


@contextmanager
def connect(
    settings: Settings,
    *,
    password: str,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[Client]:
    """A signed-in Client; `transport` replaces the network (tests)."""
    with (
        httpx.Client(
            base_url=settings.url, timeout=TIMEOUT, transport=transport
        ) as api_http,
        # A client of its own for the store: the bearer token must never reach it.
        httpx.Client(timeout=TIMEOUT, transport=transport) as store_http,
    ):
        api = Transport(api_http)
        api.login(email=settings.account_email(), password=password)
        yield Client(api=api, store=store_http, identity_path=settings.identity_path)
