"""Reading the service's answers: anything unexpected becomes one clear error."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from ..errors import TransferError


def json_object(response: httpx.Response) -> dict[str, Any]:
    """The body as a JSON object, or a TransferError naming the status."""
    try:
        body = response.json()
    except ValueError as error:
        raise TransferError(
            f"the service answered HTTP {response.status_code} without JSON"
        ) from error
    if not isinstance(body, dict):
        raise TransferError(f"unexpected answer from the service: {type(body)}")
    return body


@contextmanager
def reading(what: str) -> Iterator[None]:
    """Turns a missing or mistyped field into a TransferError about `what`."""
    try:
        yield
    except (KeyError, TypeError, ValueError) as error:
        raise TransferError(f"unexpected answer from the service ({what})") from error


def unreachable(
    send: Callable[[], httpx.Response], base_url: httpx.URL
) -> httpx.Response:
    """Sends once; a network failure becomes a TransferError naming the service."""
    try:
        return send()
    except httpx.TransportError as error:
        raise TransferError(
            f"could not reach the service at {base_url}: {error}"
        ) from error
