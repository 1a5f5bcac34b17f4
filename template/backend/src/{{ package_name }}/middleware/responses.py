"""Error responses sent by middleware, before or outside the router."""

import json

from starlette.types import Send

from ..errors import ErrorCode, error_envelope


async def send_error(
    send: Send, *, status: int, code: ErrorCode, message: str, request_id: str | None
) -> None:
    body = json.dumps(error_envelope(code, message, request_id)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
