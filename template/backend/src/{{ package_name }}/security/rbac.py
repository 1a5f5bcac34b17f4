"""Roles -> permissions, the one place access rules are written down.

Routes declare the permission they need; services check it again. Permissions
ending in `-any` widen a rule from the principal's own resources to everyone's.
"""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..errors import PermissionDeniedError


class Role(StrEnum):
    MEMBER = "member"
    ADMIN = "admin"


class Permission(StrEnum):
    PROFILE_READ = "profile:read"
    PROFILE_UPDATE = "profile:update"
    ITEMS_READ = "items:read"
    ITEMS_WRITE = "items:write"
    ITEMS_READ_ANY = "items:read-any"
    ITEMS_WRITE_ANY = "items:write-any"
    USERS_READ = "users:read"
    USERS_MANAGE = "users:manage"


_MEMBER_PERMISSIONS = frozenset(
    {
        Permission.PROFILE_READ,
        Permission.PROFILE_UPDATE,
        Permission.ITEMS_READ,
        Permission.ITEMS_WRITE,
    }
)
ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.MEMBER: _MEMBER_PERMISSIONS,
    Role.ADMIN: frozenset(Permission),
}
DEFAULT_ROLES = (Role.MEMBER,)


def known_roles(names: Iterable[str]) -> frozenset[Role]:
    """The roles among `names`; a name no longer known grants nothing."""
    known = {role.value for role in Role}
    return frozenset(Role(name) for name in names if name in known)


def permissions_of(roles: Iterable[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


@dataclass(frozen=True)
class Principal:
    """Who is making the request, as the database says now (not as the token said)."""

    user_id: uuid.UUID
    session_id: uuid.UUID
    roles: frozenset[Role]

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.roles)

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


def require(principal: Principal, permission: Permission) -> None:
    """Raises PermissionDeniedError unless the principal holds `permission`."""
    if not principal.can(permission):
        raise PermissionDeniedError("You do not have permission to do this.")
