"""Registration, sign-in, token refresh and sign-out (bearer and browser sessions);
who a token belongs to.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeGuard

from ..errors import (
    AuthenticationError,
    ConflictError,
    InvalidInputError,
    PermissionDeniedError,
)
from ..logging import get_logger
from ..models import AuthSession, RefreshToken, User
from ..security.access_tokens import AccessTokenCodec, InvalidAccessTokenError
from ..security.csrf import CsrfTokens, TrustedOrigins
from ..security.password_policy import password_problem
from ..security.passwords import PasswordHasher
from ..security.rate_limits import AccountRateLimits
from ..security.rbac import DEFAULT_ROLES, Permission, Principal, known_roles, require
from ..security.refresh_tokens import (
    MAX_TOKEN_LENGTH,
    hash_refresh_token,
    new_refresh_token,
)
from .emails import normalize_email
from .ports import Clock, UnitOfWork, UnitOfWorkFactory
from .rate_limiter import RateLimiter

logger = get_logger(__name__)

# One answer for every failed sign-in, so it never tells which part was wrong.
INVALID_CREDENTIALS = "The email address or password is incorrect."
REFRESH_REFUSED = "The refresh token is invalid, expired or revoked."
ACCESS_REFUSED = "The access token is invalid or expired."
# The actions the rate limiter counts (services/rate_limiter.py).
REGISTER = "register"
SIGN_IN = "sign-in"
SIGN_IN_ACCOUNT = "sign-in-account"
REFRESH = "refresh"
PASSWORD_CHANGE = "password-change"  # noqa: S105 (an action, not a password)
# One answer for a missing or wrong CSRF token and a foreign origin alike.
BROWSER_REQUEST_REFUSED = (
    "The request lacks this session's CSRF token or comes from an untrusted origin."
)


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in_seconds: int
    session_id: uuid.UUID
    # Until the refresh token expires (never beyond the session's end).
    refresh_expires_in_seconds: int


@dataclass(frozen=True)
class BrowserTokens:
    """A browser session: the refresh token goes into an HttpOnly cookie, and
    `csrf_token` (the same for the session's whole life) to the page.
    """

    pair: TokenPair
    csrf_token: str


@dataclass(frozen=True)
class BrowserRequest:
    """What a browser's refresh or sign-out carries; any part may be forged.

    `origin` is the Origin header (None when absent); `own_origin` the service's
    own origin as this request reached it.
    """

    refresh_token: str | None
    csrf_token: str | None
    origin: str | None
    own_origin: str


class AuthService:
    def __init__(
        self,
        *,
        unit_of_work: UnitOfWorkFactory,
        hasher: PasswordHasher,
        access_tokens: AccessTokenCodec,
        refresh_token_lifetime: timedelta,
        session_lifetime: timedelta,
        csrf_tokens: CsrfTokens,
        trusted_origins: TrustedOrigins,
        rate_limiter: RateLimiter,
        rate_limits: AccountRateLimits,
        clock: Clock,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._hasher = hasher
        self._access_tokens = access_tokens
        self._csrf_tokens = csrf_tokens
        self._trusted_origins = trusted_origins
        self._refresh_token_lifetime = refresh_token_lifetime
        self._session_lifetime = session_lifetime
        self._rate_limiter = rate_limiter
        self._limits = rate_limits
        self._clock = clock

    async def register(self, *, email: str, password: str) -> User:
        """Creates a member account. Raises ConflictError if the email is taken."""
        await self._rate_limiter.spend_per_client(
            self._limits.registration_per_client, action=REGISTER
        )
        address = normalize_email(email)
        problem = password_problem(password, email=address)
        if problem:
            raise InvalidInputError(problem)
        password_hash = await self._hasher.hash(password)
        async with self._unit_of_work() as uow:
            now = self._clock()
            user = User(
                id=uuid.uuid4(),
                email=address,
                password_hash=password_hash,
                roles=[role.value for role in DEFAULT_ROLES],
                is_active=True,
                created_at=now,
                password_changed_at=now,
            )
            await uow.users.add(user)
            await uow.commit()
        logger.info("user_registered", registered_user_id=str(user.id))
        return user

    async def login(self, *, email: str, password: str) -> TokenPair:
        """Starts a session. Every failure raises the same AuthenticationError.

        Rate-limited per client address and per account (RateLimitedError): the
        account's count is of failures, as a success starts it afresh. An unknown
        address is counted alike, so a refusal says nothing about who has one.
        """
        await self._rate_limiter.spend_per_client(
            self._limits.sign_in_per_client, action=SIGN_IN
        )
        try:
            address = normalize_email(email)
        except InvalidInputError:
            address = None
        account = address or email.strip().casefold()
        await self._rate_limiter.spend(
            self._limits.sign_in_per_account, action=SIGN_IN_ACCOUNT, subject=account
        )
        # The slow hash check runs between two short units of work, so no
        # database connection waits on it: a flood of sign-ins cannot starve the pool.
        async with self._unit_of_work() as uow:
            user = await uow.users.get_by_email(address) if address else None
        if user is None:
            # Same work as a wrong password, so timing does not reveal accounts.
            await self._hasher.verify_against_nothing(password)
            logger.info("sign_in_failed")
            raise AuthenticationError(INVALID_CREDENTIALS)
        matches, new_hash = await self._hasher.verify(password, user.password_hash)
        if not matches or not user.is_active:
            logger.info("sign_in_failed", account_user_id=str(user.id))
            raise AuthenticationError(INVALID_CREDENTIALS)
        async with self._unit_of_work() as uow:
            # Only if the password checked is still the account's: a password change
            # or deactivation that committed meanwhile wins (and a stale rehash is
            # never written over a new password).
            if not await uow.users.replace_password_hash(
                user.id, expected=user.password_hash, new=new_hash
            ):
                logger.info("sign_in_failed", account_user_id=str(user.id))
                raise AuthenticationError(INVALID_CREDENTIALS)
            pair = await self._start_session(uow, user)
            await uow.commit()
        await self._rate_limiter.forgive(action=SIGN_IN_ACCOUNT, subject=account)
        logger.info("user_signed_in", signed_in_user_id=str(user.id))
        return pair

    async def refresh(self, *, refresh_token: str) -> TokenPair:
        """Exchanges a refresh token for a new pair; each token works once.

        Presenting a token that was already exchanged ends its whole session: one
        of the two holders is an attacker, and the server cannot tell which.
        """
        await self._rate_limiter.spend_per_client(
            self._limits.refresh_per_client, action=REFRESH
        )
        now = self._clock()
        async with self._unit_of_work() as uow:
            stored = await self._stored_refresh_token(uow, refresh_token)
            session = await uow.auth_sessions.get_session(stored.session_id)
            if not session_is_open(session, now=now):
                raise AuthenticationError(REFRESH_REFUSED)
            if stored.expires_at <= now:
                raise AuthenticationError(REFRESH_REFUSED)
            if not await uow.auth_sessions.claim_refresh_token(stored, now=now):
                session.revoked_at = now
                await uow.commit()
                logger.warning(
                    "refresh_token_reused",
                    session_id=str(session.id),
                    session_user_id=str(session.user_id),
                )
                raise AuthenticationError(REFRESH_REFUSED)
            user = await uow.users.get(session.user_id)
            if user is None or not user.is_active:
                raise AuthenticationError(REFRESH_REFUSED)
            pair = await self._issue_pair(uow, user, session)
            await uow.commit()
        return pair

    async def logout(self, *, refresh_token: str) -> None:
        """Ends the session the refresh token belongs to (its whole family)."""
        now = self._clock()
        async with self._unit_of_work() as uow:
            stored = await self._stored_refresh_token(uow, refresh_token)
            session = await uow.auth_sessions.get_session(stored.session_id)
            if session is None or session.revoked_at is not None:
                raise AuthenticationError(REFRESH_REFUSED)
            session.revoked_at = now
            await uow.commit()

    async def browser_login(
        self, *, email: str, password: str, origin: str | None, own_origin: str
    ) -> BrowserTokens:
        """`login` for a browser; refused (PermissionDeniedError) from a foreign
        origin, so no other site can sign a visitor in to an account of its own.
        """
        self._require_trusted_origin(origin, own_origin=own_origin)
        return self._browser_tokens(await self.login(email=email, password=password))

    async def browser_refresh(self, request: BrowserRequest) -> BrowserTokens:
        """`refresh` with the cookie's token, once the origin and the CSRF token
        pass; otherwise PermissionDeniedError, and the token stays unused.
        """
        refresh_token = await self._vouched_browser_token(request)
        return self._browser_tokens(await self.refresh(refresh_token=refresh_token))

    async def browser_logout(self, request: BrowserRequest) -> None:
        """`logout` with the cookie's token, under the same checks as refresh."""
        await self.logout(refresh_token=await self._vouched_browser_token(request))

    async def authenticate(self, access_token: str) -> Principal:
        """Who holds this access token, with their roles as stored now.

        A token of an ended session or a deactivated user is refused at once,
        without waiting for it to expire.
        """
        try:
            claims = self._access_tokens.verify(access_token, now=self._clock())
        except InvalidAccessTokenError:
            raise AuthenticationError(ACCESS_REFUSED) from None
        async with self._unit_of_work() as uow:
            session = await uow.auth_sessions.get_session(claims.session_id)
            if (
                not session_is_open(session, now=self._clock())
                or session.user_id != claims.user_id
            ):
                raise AuthenticationError(ACCESS_REFUSED)
            user = await uow.users.get(claims.user_id)
            if user is None or not user.is_active:
                raise AuthenticationError(ACCESS_REFUSED)
        return Principal(
            user_id=user.id, session_id=session.id, roles=known_roles(user.roles)
        )

    async def change_password(
        self, principal: Principal, *, current_password: str, new_password: str
    ) -> None:
        """Sets a new password and ends every other session of the user."""
        require(principal, Permission.PROFILE_UPDATE)
        # Its current-password check must not become a way to guess passwords.
        account = str(principal.user_id)
        await self._rate_limiter.spend(
            self._limits.password_change_per_account,
            action=PASSWORD_CHANGE,
            subject=account,
        )
        async with self._unit_of_work() as uow:
            user = await uow.users.get(principal.user_id)
        if user is None:
            raise AuthenticationError(ACCESS_REFUSED)
        # Hashing happens outside any transaction (see login).
        matches, _ = await self._hasher.verify(current_password, user.password_hash)
        if not matches:
            raise InvalidInputError("The current password is not correct.")
        problem = password_problem(new_password, email=user.email)
        if problem:
            raise InvalidInputError(problem)
        new_hash = await self._hasher.hash(new_password)
        async with self._unit_of_work() as uow:
            now = self._clock()
            if not await uow.users.replace_password_hash(
                user.id, expected=user.password_hash, new=new_hash, changed_at=now
            ):
                raise ConflictError(
                    "The password was changed meanwhile; sign in again and retry."
                )
            await uow.auth_sessions.revoke_sessions(
                user_id=user.id, now=now, keep=principal.session_id
            )
            await uow.commit()
        await self._rate_limiter.forgive(action=PASSWORD_CHANGE, subject=account)
        logger.info("password_changed")

    async def purge_ended_sessions(self) -> int:
        """Deletes revoked and expired sessions with their refresh tokens.

        For the maintenance command; returns how many sessions were deleted.
        """
        async with self._unit_of_work() as uow:
            deleted = await uow.auth_sessions.delete_ended_sessions(now=self._clock())
            await uow.commit()
        logger.info("ended_sessions_purged", sessions=deleted)
        return deleted

    def _require_trusted_origin(self, origin: str | None, *, own_origin: str) -> None:
        if not self._trusted_origins.admit(origin, own_origin=own_origin):
            logger.warning("browser_request_refused", reason="origin")
            raise PermissionDeniedError(BROWSER_REQUEST_REFUSED)

    async def _vouched_browser_token(self, request: BrowserRequest) -> str:
        """The request's refresh token, after the origin and CSRF checks.

        Reads only: a forged request must not use up (or, replayed, revoke) the
        token, so nothing is written before both checks pass.
        """
        self._require_trusted_origin(request.origin, own_origin=request.own_origin)
        refresh_token = request.refresh_token or ""
        async with self._unit_of_work() as uow:
            stored = await self._stored_refresh_token(uow, refresh_token)
        if not self._csrf_tokens.matches(request.csrf_token, stored.session_id):
            logger.warning(
                "browser_request_refused",
                reason="csrf_token",
                session_id=str(stored.session_id),
            )
            raise PermissionDeniedError(BROWSER_REQUEST_REFUSED)
        return refresh_token

    def _browser_tokens(self, pair: TokenPair) -> BrowserTokens:
        return BrowserTokens(
            pair=pair, csrf_token=self._csrf_tokens.token_for(pair.session_id)
        )

    async def _stored_refresh_token(
        self, uow: UnitOfWork, refresh_token: str
    ) -> RefreshToken:
        if not refresh_token or len(refresh_token) > MAX_TOKEN_LENGTH:
            raise AuthenticationError(REFRESH_REFUSED)
        stored = await uow.auth_sessions.get_refresh_token(
            hash_refresh_token(refresh_token)
        )
        if stored is None:
            raise AuthenticationError(REFRESH_REFUSED)
        return stored

    async def _start_session(self, uow: UnitOfWork, user: User) -> TokenPair:
        now = self._clock()
        session = AuthSession(
            id=uuid.uuid4(),
            user_id=user.id,
            created_at=now,
            expires_at=now + self._session_lifetime,
            revoked_at=None,
        )
        await uow.auth_sessions.add_session(session)
        return await self._issue_pair(uow, user, session)

    async def _issue_pair(
        self, uow: UnitOfWork, user: User, session: AuthSession
    ) -> TokenPair:
        now = self._clock()
        refresh_token = new_refresh_token()
        # Never beyond the session's own end.
        expires_at = min(now + self._refresh_token_lifetime, session.expires_at)
        await uow.auth_sessions.add_refresh_token(
            RefreshToken(
                id=uuid.uuid4(),
                session_id=session.id,
                token_hash=hash_refresh_token(refresh_token),
                expires_at=expires_at,
                created_at=now,
                used_at=None,
            )
        )
        access_token = self._access_tokens.issue(
            user_id=user.id, session_id=session.id, roles=user.roles, now=now
        )
        return TokenPair(
            access_token=access_token,
            refresh_token=refresh_token,
            expires_in_seconds=int(self._access_tokens.lifetime.total_seconds()),
            session_id=session.id,
            refresh_expires_in_seconds=int((expires_at - now).total_seconds()),
        )


def session_is_open(
    session: AuthSession | None, *, now: datetime
) -> TypeGuard[AuthSession]:
    """Whether the session exists, was not revoked, and has not reached its end."""
    return (
        session is not None and session.revoked_at is None and session.expires_at > now
    )
