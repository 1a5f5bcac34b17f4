"""CSRF defences of the browser session: a per-session token and the origin rule.

The token is base64url(HMAC-SHA256(key, session id)): stateless, the same for every
refresh of one session, and useless without the session's HttpOnly cookie. Its key
is derived from the JWT signing secret under a label of its own, so a CSRF token
is never a signature the access-token code would accept (or the other way round).
"""

import base64
import hashlib
import hmac
import uuid
from collections.abc import Iterable
from urllib.parse import urlsplit

# Changing the label (or the secret) changes every token: browsers sign in again.
KEY_LABEL = b"browser-session/csrf-token/v1"
# Real tokens are 43 characters; anything far longer is refused before comparing.
MAX_TOKEN_LENGTH = 128
# Longer than any origin a browser sends; bounds the work spent on a hostile header.
MAX_ORIGIN_LENGTH = 2048
DEFAULT_PORTS = {"http": 80, "https": 443}


class CsrfTokens:
    def __init__(self, *, secret: str) -> None:
        self._key = hmac.new(secret.encode("utf-8"), KEY_LABEL, hashlib.sha256).digest()

    def token_for(self, session_id: uuid.UUID) -> str:
        """The session's token: what the browser sends back as X-CSRF-Token."""
        digest = hmac.new(self._key, session_id.bytes, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def matches(self, token: str | None, session_id: uuid.UUID) -> bool:
        """Whether `token` is the session's token; compared in constant time."""
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return False
        expected = self.token_for(session_id).encode("ascii")
        return hmac.compare_digest(token.encode("utf-8", "replace"), expected)


def canonical_origin(value: str) -> str | None:
    """`scheme://host[:port]` as browsers serialise an Origin header, or None.

    None for anything that is not an http(s) origin: "null", "*", a URL with a
    path, query or credentials, a bad port, whitespace or control characters.
    """
    if len(value) > MAX_ORIGIN_LENGTH or not value.isprintable() or " " in value:
        return None
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname
    if (
        parts.scheme not in DEFAULT_PORTS
        or not host
        or "@" in parts.netloc
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or value.endswith(("?", "#"))
    ):
        return None
    if ":" in host:  # IPv6: urlsplit drops the brackets
        host = f"[{host}]"
    if port is None or port == DEFAULT_PORTS[parts.scheme]:
        return f"{parts.scheme}://{host}"
    return f"{parts.scheme}://{host}:{port}"


class TrustedOrigins:
    """The origin rule: a request naming an Origin must come from one we trust.

    Trusted are the configured origins (CORS_ALLOW_ORIGINS; a "*" there trusts
    nobody extra) and the service's own origin. A request without an Origin
    header passes: browsers send one with every POST, other clients need none.
    """

    def __init__(self, configured: Iterable[str]) -> None:
        canonical = (canonical_origin(origin) for origin in configured)
        self._configured = frozenset(origin for origin in canonical if origin)

    def admit(self, origin: str | None, *, own_origin: str) -> bool:
        if origin is None:
            return True
        candidate = canonical_origin(origin)
        if candidate is None:
            return False
        return candidate in self._configured or candidate == canonical_origin(
            own_origin
        )
