"""Who may do what with orders: members their own, administrators everyone's.

Found by name: the permission table reads PERMISSIONS and GRANTS from every
feature package (security/rbac.py); administrators hold all of them.
"""

from enum import StrEnum

from ...security.rbac import Role


class OrderPermission(StrEnum):
    READ = "orders:read"
    WRITE = "orders:write"
    READ_ANY = "orders:read-any"


PERMISSIONS = frozenset(OrderPermission)
GRANTS = {Role.MEMBER: {OrderPermission.READ, OrderPermission.WRITE}}
