"""Short-lived access tokens: JWTs signed with one fixed algorithm.

Claims: sub (user id), sid (sign-in session id), roles, iat, exp, jti, iss, aud.
The server never trusts a token's own header to choose how to check it: the
algorithm list is fixed, and issuer, audience and every claim are required.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("sub", "sid", "roles", "iat", "exp", "jti", "iss", "aud")
# Tolerates small clock differences between the servers of a deployment.
CLOCK_SKEW = timedelta(seconds=10)


class InvalidAccessTokenError(Exception):
    """The token is malformed, forged, expired or meant for another service."""


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    roles: tuple[str, ...]
    token_id: str
    expires_at: datetime


class AccessTokenCodec:
    def __init__(
        self, *, secret: str, issuer: str, audience: str, lifetime: timedelta
    ) -> None:
        self._secret = secret
        self._issuer = issuer
        self._audience = audience
        self.lifetime = lifetime

    def issue(
        self,
        *,
        user_id: uuid.UUID,
        session_id: uuid.UUID,
        roles: Iterable[str],
        now: datetime,
    ) -> str:
        claims = {
            "sub": str(user_id),
            "sid": str(session_id),
            "roles": sorted(roles),
            "iat": now,
            "exp": now + self.lifetime,
            "jti": uuid.uuid4().hex,
            "iss": self._issuer,
            "aud": self._audience,
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def verify(self, token: str, *, now: datetime | None = None) -> AccessClaims:
        """The token's claims; raises InvalidAccessTokenError for any defect.

        Expiry is judged at `now`, the caller's clock (the current time by default),
        the same clock `issue` was given.
        """
        moment = now or datetime.now(UTC)
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=self._issuer,
                leeway=CLOCK_SKEW,
                # PyJWT would judge these by the system clock; checked below instead.
                options={
                    "require": list(REQUIRED_CLAIMS),
                    "verify_exp": False,
                    "verify_iat": False,
                },
            )
            roles = claims["roles"]
            if not isinstance(roles, list) or not all(
                isinstance(role, str) for role in roles
            ):
                raise InvalidAccessTokenError("roles is not a list of names")
            issued_at = datetime.fromtimestamp(claims["iat"], tz=UTC)
            expires_at = datetime.fromtimestamp(claims["exp"], tz=UTC)
            if expires_at <= moment - CLOCK_SKEW:
                raise InvalidAccessTokenError("expired")
            if issued_at > moment + CLOCK_SKEW:
                raise InvalidAccessTokenError("issued in the future")
            return AccessClaims(
                user_id=uuid.UUID(str(claims["sub"])),
                session_id=uuid.UUID(str(claims["sid"])),
                roles=tuple(roles),
                token_id=str(claims["jti"]),
                expires_at=expires_at,
            )
        except (jwt.PyJWTError, ValueError, TypeError, OverflowError, OSError) as error:
            raise InvalidAccessTokenError(type(error).__name__) from error
