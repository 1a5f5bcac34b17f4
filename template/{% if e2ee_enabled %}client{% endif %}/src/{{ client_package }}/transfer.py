"""Bytes to and from the object store, through presigned requests, streamed.

These requests go to the store, not to the API: they carry no bearer token (the
presigned form or URL is the authorisation), and they never hold a whole file in
memory: httpx streams a file object in chunks, and downloads are written as they
arrive.
"""

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

import httpx

from .api.models import UploadForm
from .errors import TransferError
from .retry import check_retryable, with_retries

CHUNK_BYTES = 64 * 1024
CIPHERTEXT_TYPE = "application/octet-stream"
# S3 explains a refusal in an XML <Message>; nothing else of the body is shown.
_S3_MESSAGE = re.compile(r"<Message>([^<]{1,300})</Message>")


def store_refusal(action: str, response: httpx.Response) -> TransferError:
    found = _S3_MESSAGE.search(response.text)
    reason = f": {found.group(1)}" if found else ""
    return TransferError(
        f"the object store refused the {action} (HTTP {response.status_code}){reason}"
    )


def post_form(http: httpx.Client, form: UploadForm, ciphertext: BinaryIO) -> None:
    """POSTs the form's fields, in order, then the file; never retried (a write)."""
    try:
        response = http.post(
            form.url,
            data=dict(form.fields),
            files={"file": ("file.age", ciphertext, CIPHERTEXT_TYPE)},
        )
    except httpx.TransportError as error:
        raise TransferError(f"could not reach the object store: {error}") from error
    if not response.is_success:
        raise store_refusal("upload", response)


def fetch_into(http: httpx.Client, url: str, sink: BinaryIO) -> None:
    """GETs `url` into `sink` chunk by chunk; retried from the start on failure."""

    def attempt() -> None:
        sink.seek(0)
        sink.truncate()
        with http.stream("GET", url) as response:
            check_retryable(response)
            if not response.is_success:
                response.read()
                raise store_refusal("download", response)
            for chunk in response.iter_bytes(CHUNK_BYTES):
                sink.write(chunk)

    with_retries(attempt, what="downloading the file")
    sink.flush()
    sink.seek(0)


@contextmanager
def downloaded(http: httpx.Client, url: str) -> Iterator[BinaryIO]:
    """The object at `url` in a temporary file, rewound; deleted after."""
    with tempfile.TemporaryFile(prefix="download-", suffix=".age") as sink:
        fetch_into(http, url, sink)
        yield sink
