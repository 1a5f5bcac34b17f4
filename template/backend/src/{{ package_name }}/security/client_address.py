"""The calling client's IP address, for limits that count per client.

The request-context middleware sets it from the ASGI scope's client address. The
server takes that address from X-Forwarded-For only when the connection comes
from `APP_FORWARDED_ALLOW_IPS` (the load balancer's addresses), so a client
elsewhere cannot choose the address it is counted under. Outside a request (a
maintenance command) there is none.
"""

from contextvars import ContextVar, Token

_client_address: ContextVar[str | None] = ContextVar("client_address", default=None)


def current_client_address() -> str | None:
    return _client_address.get()


def set_client_address(address: str | None) -> Token[str | None]:
    return _client_address.set(address)


def reset_client_address(token: Token[str | None]) -> None:
    _client_address.reset(token)
