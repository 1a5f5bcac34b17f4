"""Registration, sign-in, token refresh and sign-out; who a token belongs to."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeGuard

from ..errors import AuthenticationError, ConflictError, InvalidInputError
from ..logging import get_logger
from ..models import AuthSession, RefreshToken, User
from ..security.access_tokens import AccessTokenCodec, InvalidAccessTokenError
from ..security.password_policy import password_problem
from ..security.passwords import PasswordHasher
from ..security.rbac import DEFAULT_ROLES, Permission, Principal, known_roles, require
from ..security.refresh_tokens import (
    MAX_TOKEN_LENGTH,
    hash_refresh_token,
    new_refresh_token,
)
from .emails import normalize_email
from .ports import Clock, UnitOfWork, UnitOfWorkFactory

logger = get_logger(__name__)

# One answer for every failed sign-in, so it never tells which part was wrong.
INVALID_CREDENTIALS = "The email address or password is incorrect."
REFRESH_REFUSED = "The refresh token is invalid, expired or revoked."
ACCESS_REFUSED = "The access token is invalid or expired."


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in_seconds: int


class AuthService:
    def __init__(
        self,
        *,
        unit_of_work: UnitOfWorkFactory,
        hasher: PasswordHasher,
        access_tokens: AccessTokenCodec,
        refresh_token_lifetime: timedelta,
        session_lifetime: timedelta,
        clock: Clock,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._hasher = hasher
        self._access_tokens = access_tokens
        self._refresh_token_lifetime = refresh_token_lifetime
        self._session_lifetime = session_lifetime
        self._clock = clock

    async def register(self, *, email: str, password: str) -> User:
        """Creates a member account. Raises ConflictError if the email is taken."""
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
        """Starts a session. Every failure raises the same AuthenticationError."""
        try:
            address = normalize_email(email)
        except InvalidInputError:
            address = None
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
        logger.info("user_signed_in", signed_in_user_id=str(user.id))
        return pair

    async def refresh(self, *, refresh_token: str) -> TokenPair:
        """Exchanges a refresh token for a new pair; each token works once.

        Presenting a token that was already exchanged ends its whole session: one
        of the two holders is an attacker, and the server cannot tell which.
        """
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
        await uow.auth_sessions.add_refresh_token(
            RefreshToken(
                id=uuid.uuid4(),
                session_id=session.id,
                token_hash=hash_refresh_token(refresh_token),
                # Never beyond the session's own end.
                expires_at=min(now + self._refresh_token_lifetime, session.expires_at),
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
        )


def session_is_open(
    session: AuthSession | None, *, now: datetime
) -> TypeGuard[AuthSession]:
    """Whether the session exists, was not revoked, and has not reached its end."""
    return (
        session is not None and session.revoked_at is None and session.expires_at > now
    )
