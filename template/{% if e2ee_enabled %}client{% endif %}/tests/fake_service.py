"""An in-memory service and object store that follow the e2ee contract.

The rules the client relies on live here once (who sees which file, who holds
which wrapped key, what the store accepts); fake_api.py speaks them in the
rendered API style. Every call is recorded, in order, by what it did.
"""

import secrets
import uuid
from dataclasses import dataclass, field

import httpx

API_URL = "http://api.test"
STORE_URL = "https://store.test/bucket"
AGE_HEADER = b"age-encryption.org/v1\n"
FORM_FIELDS = ("key", "Content-Type", "policy", "x-amz-signature")


class FakeError(Exception):
    """A refusal: the HTTP status, the envelope code and its message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def not_found(what: str = "File") -> FakeError:
    return FakeError(404, "NOT_FOUND", f"{what} not found.")


@dataclass
class Account:
    id: uuid.UUID
    email: str
    password: str
    # A deactivated user keeps the keys shared with them, but no lookup finds them.
    active: bool = True


@dataclass
class StoredFile:
    id: uuid.UUID
    owner_id: uuid.UUID
    size_bytes: int
    sealed_metadata: str
    object_key: str
    status: str = "pending"


@dataclass
class FakeService:
    accounts: dict[str, Account] = field(default_factory=dict)
    tokens: dict[str, uuid.UUID] = field(default_factory=dict)
    keys: dict[uuid.UUID, tuple[str, str | None]] = field(default_factory=dict)
    files: dict[uuid.UUID, StoredFile] = field(default_factory=dict)
    file_keys: dict[tuple[uuid.UUID, uuid.UUID], str] = field(default_factory=dict)
    objects: dict[str, bytes] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    store_requests: list[httpx.Request] = field(default_factory=list)

    def add_account(self, email: str, password: str) -> Account:
        account = Account(uuid.uuid4(), email, password)
        self.accounts[email] = account
        return account

    def account_by_id(self, user_id: uuid.UUID) -> Account:
        return next(a for a in self.accounts.values() if a.id == user_id)

    # The API's operations, as the contract states them.

    def login(self, email: str, password: str) -> str:
        self.calls.append("login")
        account = self.accounts.get(email)
        if account is None or account.password != password:
            raise FakeError(401, "UNAUTHENTICATED", "Invalid email or password.")
        token = secrets.token_hex(8)
        self.tokens[token] = account.id
        return token

    def user_for(self, authorization: str | None) -> uuid.UUID:
        token = (authorization or "").removeprefix("Bearer ")
        if token not in self.tokens:
            raise FakeError(401, "UNAUTHENTICATED", "Not signed in.")
        return self.tokens[token]

    def my_key(self, user: uuid.UUID) -> tuple[str, str | None] | None:
        self.calls.append("my_key")
        return self.keys.get(user)

    def register_key(
        self, user: uuid.UUID, recipient: str, backup: str | None
    ) -> tuple[str, str | None]:
        self.calls.append("register_key")
        current = self.keys.get(user)
        if current and current[0] != recipient:
            owns_files = any(stored.owner_id == user for stored in self.files.values())
            if owns_files:
                raise FakeError(409, "CONFLICT", "Own files use the current key.")
            # Keys others shared, wrapped to the old key, open nothing any more.
            for file_id, holder in [key for key in self.file_keys if key[1] == user]:
                del self.file_keys[(file_id, holder)]
        self.keys[user] = (recipient, backup)
        return self.keys[user]

    def lookup_key(self, email: str) -> tuple[uuid.UUID, str]:
        self.calls.append("lookup_key")
        account = self.accounts.get(email)
        if account is None or not account.active or account.id not in self.keys:
            raise not_found("Key")
        return account.id, self.keys[account.id][0]

    def request_upload(
        self, user: uuid.UUID, size_bytes: int, sealed_metadata: str, wrapped: str
    ) -> tuple[StoredFile, dict[str, str]]:
        self.calls.append("request_upload")
        if user not in self.keys:
            raise FakeError(409, "CONFLICT", "Register a key first.")
        stored = StoredFile(
            uuid.uuid4(), user, size_bytes, sealed_metadata, f"files/{uuid.uuid4()}"
        )
        self.files[stored.id] = stored
        self.file_keys[stored.id, user] = wrapped
        form = dict(
            zip(
                FORM_FIELDS,
                (stored.object_key, "application/octet-stream", "p", "s"),
                strict=True,
            )
        )
        return stored, form

    def visible(self, user: uuid.UUID, file_id: uuid.UUID) -> StoredFile:
        stored = self.files.get(file_id)
        if stored is None or (file_id, user) not in self.file_keys:
            raise not_found()
        return stored

    def owned(self, user: uuid.UUID, file_id: uuid.UUID) -> StoredFile:
        stored = self.files.get(file_id)
        if stored is None or stored.owner_id != user:
            raise not_found()
        return stored

    def confirm_upload(self, user: uuid.UUID, file_id: uuid.UUID) -> StoredFile:
        self.calls.append("confirm_upload")
        stored = self.owned(user, file_id)
        body = self.objects.get(stored.object_key)
        if body is None or len(body) != stored.size_bytes:
            raise FakeError(409, "CONFLICT", "The upload is missing or incomplete.")
        stored.status = "ready"
        return stored

    def list_files(self, user: uuid.UUID) -> list[StoredFile]:
        self.calls.append("list_files")
        return [
            stored
            for stored in self.files.values()
            if stored.status == "ready" and (stored.id, user) in self.file_keys
        ]

    def get_file(self, user: uuid.UUID, file_id: uuid.UUID) -> StoredFile:
        self.calls.append("get_file")
        return self.visible(user, file_id)

    def file_key(self, user: uuid.UUID, file_id: uuid.UUID) -> str:
        self.calls.append("file_key")
        self.visible(user, file_id)
        return self.file_keys[file_id, user]

    def download_url(self, user: uuid.UUID, file_id: uuid.UUID) -> str:
        self.calls.append("download_url")
        return f"{STORE_URL}/{self.visible(user, file_id).object_key}"

    def share(
        self, user: uuid.UUID, file_id: uuid.UUID, target: uuid.UUID, wrapped: str
    ) -> None:
        self.calls.append("share_file")
        stored = self.owned(user, file_id)
        if target == user:
            raise FakeError(422, "BAD_USER_INPUT", "The owner holds a key already.")
        if target not in self.keys:
            raise not_found("User")
        if stored.status != "ready":
            raise FakeError(409, "CONFLICT", "The file is not ready.")
        self.file_keys[file_id, target] = wrapped

    def list_shares(self, user: uuid.UUID, file_id: uuid.UUID) -> list[uuid.UUID]:
        """Holders of a key to the caller's own file, the owner left out."""
        self.calls.append("list_shares")
        self.owned(user, file_id)
        return [
            holder
            for shared, holder in self.file_keys
            if shared == file_id and holder != user
        ]

    def unshare(self, user: uuid.UUID, file_id: uuid.UUID, target: uuid.UUID) -> None:
        self.calls.append("unshare_file")
        self.owned(user, file_id)
        if target == user:
            raise FakeError(422, "BAD_USER_INPUT", "The owner keeps its key.")
        if self.file_keys.pop((file_id, target), None) is None:
            raise not_found("Share")

    # The object store: a presigned POST form and presigned GETs.

    def store(self, request: httpx.Request) -> httpx.Response:
        self.store_requests.append(request)
        if "authorization" in request.headers:
            return httpx.Response(400, text="<Message>No tokens here</Message>")
        if request.method == "POST":
            self.calls.append("store_post")
            fields = multipart_fields(request)
            names = [name for name, _ in fields]
            if names != [*FORM_FIELDS, "file"]:
                return httpx.Response(400, text=f"<Message>Fields {names}</Message>")
            body = fields[-1][1]
            if not body.startswith(AGE_HEADER):
                return httpx.Response(400, text="<Message>Not age</Message>")
            self.objects[fields[0][1].decode()] = body
            return httpx.Response(204)
        self.calls.append("store_get")
        key = request.url.path.removeprefix("/bucket/")
        if key not in self.objects:
            return httpx.Response(404, text="<Message>No such key</Message>")
        return httpx.Response(200, content=self.objects[key])


def multipart_fields(request: httpx.Request) -> list[tuple[str, bytes]]:
    """(name, value) of each part of a multipart/form-data body, in order."""
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    body = request.read()
    fields = []
    for part in body.split(b"--" + boundary)[1:-1]:
        head, _, value = part.partition(b"\r\n\r\n")
        name = head.split(b'name="')[1].split(b'"')[0].decode()
        fields.append((name, value.removesuffix(b"\r\n")))
    return fields
