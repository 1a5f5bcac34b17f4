"""What the API answers, whatever its style, and the calls the SDK makes.

The REST and GraphQL transports both turn their payloads into these types, so
the SDK, the CLI and most tests never see which style the service speaks.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class UserKey:
    """The public key (and optional passphrase backup) registered for a user."""

    user_id: uuid.UUID
    recipient: str
    identity_backup: str | None


@dataclass(frozen=True)
class PublicKey:
    user_id: uuid.UUID
    recipient: str


@dataclass(frozen=True)
class Share:
    """A user the owner gave a key to one file (the owner is never listed)."""

    user_id: uuid.UUID
    created_at: datetime


@dataclass(frozen=True)
class FileRecord:
    """A file as the server knows it: sizes and ids, the name sealed."""

    id: uuid.UUID
    owner_id: uuid.UUID
    size_bytes: int
    status: str
    sealed_metadata: str | None


@dataclass(frozen=True)
class UploadForm:
    """POST `fields` (in order) and then the file, as field "file", to `url`."""

    url: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Upload:
    file: FileRecord
    form: UploadForm


@dataclass(frozen=True)
class FilePage:
    items: tuple[FileRecord, ...]
    total: int


class Api(Protocol):
    """The service's calls the client needs; one implementation per API style."""

    def login(self, *, email: str, password: str) -> None:
        """Signs in; later calls carry the access token."""

    def my_key(self) -> UserKey | None: ...

    def register_key(
        self, *, recipient: str, identity_backup: str | None
    ) -> UserKey: ...

    def lookup_key(self, *, email: str) -> PublicKey: ...

    def request_upload(
        self, *, size_bytes: int, sealed_metadata: str, wrapped_key: str
    ) -> Upload: ...

    def confirm_upload(self, file_id: uuid.UUID) -> FileRecord: ...

    def list_files(self, *, limit: int, offset: int) -> FilePage: ...

    def get_file(self, file_id: uuid.UUID) -> FileRecord: ...

    def file_key(self, file_id: uuid.UUID) -> str:
        """The caller's own wrapped key for the file."""

    def download_url(self, file_id: uuid.UUID) -> str: ...

    def share_file(
        self, file_id: uuid.UUID, *, user_id: uuid.UUID, wrapped_key: str
    ) -> None: ...

    def list_shares(self, file_id: uuid.UUID) -> tuple[Share, ...]:
        """Whom the caller's own file is shared with, by user id."""

    def unshare_file(self, file_id: uuid.UUID, *, user_id: uuid.UUID) -> None: ...
