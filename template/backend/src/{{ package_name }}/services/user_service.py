"""The current user's profile and the administration of users."""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..errors import ConflictError, InvalidInputError, NotFoundError
from ..logging import get_logger
from ..models import User
from ..models.page import Page, PageRequest
from ..security.password_policy import password_problem
from ..security.passwords import PasswordHasher
from ..security.rbac import Permission, Principal, Role, require
from .emails import normalize_email
from .pages import checked_page
from .ports import Clock, UnitOfWorkFactory

logger = get_logger(__name__)

NO_SUCH_USER = "No user with this id."


@dataclass(frozen=True)
class AdminOutcome:
    """The administrator, and what ensure_admin changed (created, promoted, ...)."""

    user: User
    change: Literal["created", "promoted", "reactivated", "unchanged"]


class UserService:
    def __init__(
        self,
        *,
        unit_of_work: UnitOfWorkFactory,
        hasher: PasswordHasher,
        clock: Clock,
    ) -> None:
        self._unit_of_work = unit_of_work
        self._hasher = hasher
        self._clock = clock

    async def get_me(self, principal: Principal) -> User:
        require(principal, Permission.PROFILE_READ)
        async with self._unit_of_work() as uow:
            user = await uow.users.get(principal.user_id)
        if user is None:
            raise NotFoundError(NO_SUCH_USER)
        return user

    async def get_many(
        self, principal: Principal, user_ids: Sequence[uuid.UUID]
    ) -> list[User | None]:
        """The users, in the order asked, None where the principal may not see one.

        Administrators (users:read) see everyone; anyone else only themselves.
        """
        require(principal, Permission.PROFILE_READ)
        visible = [
            user_id
            for user_id in user_ids
            if principal.can(Permission.USERS_READ) or user_id == principal.user_id
        ]
        if not visible:
            return [None for _ in user_ids]
        async with self._unit_of_work() as uow:
            found = {user.id: user for user in await uow.users.get_many(visible)}
        return [found.get(user_id) for user_id in user_ids]

    async def list_users(self, principal: Principal, page: PageRequest) -> Page[User]:
        require(principal, Permission.USERS_READ)
        async with self._unit_of_work() as uow:
            return await uow.users.list_page(checked_page(page))

    async def set_roles(
        self, principal: Principal, user_id: uuid.UUID, roles: Iterable[Role]
    ) -> User:
        """Replaces the user's roles; takes effect on their next request."""
        require(principal, Permission.USERS_MANAGE)
        new_roles = sorted({Role(role) for role in roles})
        if not new_roles:
            raise InvalidInputError("A user needs at least one role.")
        if user_id == principal.user_id and Role.ADMIN not in new_roles:
            # Keeps at least the administrator making the change.
            raise ConflictError("You cannot remove your own administrator role.")
        async with self._unit_of_work() as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise NotFoundError(NO_SUCH_USER)
            user.roles = [role.value for role in new_roles]
            await uow.commit()
        logger.info("user_roles_changed", target_user_id=str(user_id), roles=user.roles)
        return user

    async def deactivate(self, principal: Principal, user_id: uuid.UUID) -> User:
        """Blocks sign-in and ends every session of the user at once."""
        require(principal, Permission.USERS_MANAGE)
        if user_id == principal.user_id:
            raise ConflictError("You cannot deactivate your own account.")
        async with self._unit_of_work() as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise NotFoundError(NO_SUCH_USER)
            user.is_active = False
            await uow.auth_sessions.revoke_sessions(user_id=user.id, now=self._clock())
            await uow.commit()
        logger.info("user_deactivated", target_user_id=str(user_id))
        return user

    async def ensure_admin(self, *, email: str, password: str) -> AdminOutcome:
        """Creates an administrator, or makes an existing account one.

        For the operator's bootstrap command only: no principal is checked, so the
        operator proves control of an existing account with its password (someone
        who registered the address first does not become an administrator). An
        existing account is reactivated and keeps its password.
        """
        address = normalize_email(email)
        async with self._unit_of_work() as uow:
            existing = await uow.users.get_by_email(address)
        if existing is None:
            return await self._create_admin(address, password)
        matches, _ = await self._hasher.verify(password, existing.password_hash)
        if not matches:
            raise InvalidInputError(
                "An account with this email address exists and the password is "
                "not its password."
            )
        async with self._unit_of_work() as uow:
            user = await uow.users.get(existing.id)
            if user is None:
                raise NotFoundError(NO_SUCH_USER)
            outcome = AdminOutcome(user, "unchanged")
            if not user.is_active:
                user.is_active = True
                outcome = AdminOutcome(user, "reactivated")
            if Role.ADMIN.value not in user.roles:
                user.roles = sorted({*user.roles, Role.ADMIN.value})
                outcome = AdminOutcome(user, "promoted")
            await uow.commit()
        logger.info("admin_ensured", admin_user_id=str(user.id), outcome=outcome.change)
        return outcome

    async def _create_admin(self, address: str, password: str) -> AdminOutcome:
        problem = password_problem(password, email=address)
        if problem:
            raise InvalidInputError(problem)
        password_hash = await self._hasher.hash(password)
        now = self._clock()
        user = User(
            id=uuid.uuid4(),
            email=address,
            password_hash=password_hash,
            roles=[Role.ADMIN.value, Role.MEMBER.value],
            is_active=True,
            created_at=now,
            password_changed_at=now,
        )
        async with self._unit_of_work() as uow:
            await uow.users.add(user)
            await uow.commit()
        logger.info("admin_ensured", admin_user_id=str(user.id), outcome="created")
        return AdminOutcome(user, "created")
