"""Request id, access log and the last line of defence for unhandled errors.

The request id comes from `X-Request-ID` when it is well-formed, and is generated
otherwise; it is bound to every log line of the request and echoed in the response.
"""

import json
import re
import time
import uuid
from contextvars import ContextVar
from typing import Any
from urllib.parse import parse_qsl

import structlog
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ErrorCode
from ..logging import get_logger, mark_logged, redact
from ..security.client_address import reset_client_address, set_client_address
from .responses import send_error

REQUEST_ID_HEADER = "x-request-id"
_WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
# Enough of a body to debug a failure; the limit middleware bounds the rest.
_LOGGED_BODY_BYTES = 4096

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# Who the request is from, in a holder the request shares with the tasks it starts:
# a task gets a copy of the context, so what it binds never reaches the request's
# own log line (GraphQL resolves sibling fields in tasks of their own).
_request_user: ContextVar[dict[str, str] | None] = ContextVar(
    "request_user", default=None
)
logger = get_logger(__name__)


def current_request_id() -> str | None:
    return _request_id.get()


def bind_user_id(user_id: object) -> None:
    """Adds the authenticated user's id to every later log line of the request."""
    structlog.contextvars.bind_contextvars(user_id=str(user_id))
    holder = _request_user.get()
    if holder is not None:
        holder["user_id"] = str(user_id)


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name.lower() == REQUEST_ID_HEADER.encode():
            candidate = value.decode("latin-1")
            if _WELL_FORMED_REQUEST_ID.fullmatch(candidate):
                return candidate
    return uuid.uuid4().hex


def redacted_input(query_string: bytes, body: bytes) -> dict[str, Any]:
    """What the client sent, safe to log: sensitive keys redacted, size bounded."""
    logged: dict[str, Any] = {
        "query": redact(dict(parse_qsl(query_string.decode("latin-1"))))
    }
    if body:
        try:
            logged["body"] = redact(json.loads(body))
        except ValueError:
            logged["body"] = f"<{len(body)} bytes, not JSON>"
        except RecursionError:  # hostile nesting must not break error handling
            logged["body"] = f"<{len(body)} bytes, nested too deeply>"
    return logged


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        request_id = request_id_from(scope["headers"])
        token = _request_id.set(request_id)
        user: dict[str, str] = {}
        user_token = _request_user.set(user)
        client = scope.get("client")
        client_token = set_client_address(client[0] if client else None)
        started = time.perf_counter()
        status = 500
        response_started = False
        aborted = False
        body_seen = bytearray()

        async def receive_and_keep() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                room = _LOGGED_BODY_BYTES - len(body_seen)
                body_seen.extend(message.get("body", b"")[: max(room, 0)])
            return message

        async def send_with_request_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive_and_keep, send_with_request_id)
            except Exception as error:
                logger.exception(
                    "unhandled_error",
                    method=scope["method"],
                    path=scope["path"],
                    response_started=response_started,
                    **redacted_input(scope.get("query_string", b""), bytes(body_seen)),
                )
                if response_started:
                    # Too late for an envelope: the server must abort the response.
                    aborted = True
                    mark_logged(error)
                    raise
                await send_error(
                    send_with_request_id,
                    status=500,
                    code=ErrorCode.INTERNAL,
                    message="An internal error occurred.",
                    request_id=request_id,
                )
            finally:
                logger.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    status=status,
                    aborted=aborted,
                    duration_ms=round((time.perf_counter() - started) * 1000, 2),
                    **user,
                )
                # The user id belongs to this request only.
                structlog.contextvars.unbind_contextvars("user_id")
                _request_user.reset(user_token)
                reset_client_address(client_token)
                _request_id.reset(token)
