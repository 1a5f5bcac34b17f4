"""Who is calling, and whether they may: the permission each operation declares.

An operation declares its permission in its signature,
`principal: Annotated[Principal, requires(Permission.ITEMS_READ)]`; the permission
also appears in the contract as the operation's security scope, and a test walks
every operation to check that each declares one (or is listed as public).
"""

from typing import Annotated, Any

from fastapi import Depends, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, SecurityScopes

from ...errors import AuthenticationError
from ...middleware.request_context import bind_user_id
from ...security.rbac import Principal, require
from ..dependencies import ServicesDep

BEARER_SCHEME_NAME = "bearer"
NO_CREDENTIALS = "This operation needs an access token (Authorization: Bearer)."

# Operations anyone may call, by (method, path); every other one needs a permission.
PUBLIC_OPERATIONS = frozenset(
    {
        ("GET", "/livez"),
        ("GET", "/healthz"),
        ("POST", "/api/v1/auth/register"),
        ("POST", "/api/v1/auth/login"),
        ("POST", "/api/v1/auth/refresh"),
        ("POST", "/api/v1/auth/logout"),
        ("POST", "/api/v1/auth/browser/login"),
        ("POST", "/api/v1/auth/browser/refresh"),
        ("POST", "/api/v1/auth/browser/logout"),
    }
)

bearer = HTTPBearer(
    scheme_name=BEARER_SCHEME_NAME, bearerFormat="JWT", auto_error=False
)


async def current_principal(
    security_scopes: SecurityScopes,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    services: ServicesDep,
) -> Principal:
    """The authenticated caller, holding every permission the operation declared."""
    if credentials is None:
        raise AuthenticationError(NO_CREDENTIALS)
    principal = await services.auth.authenticate(credentials.credentials)
    bind_user_id(principal.user_id)
    for scope in security_scopes.scopes:
        require(principal, scope)
    return principal


def requires(permission: str) -> Any:
    """The dependency marker an operation puts on its principal parameter: a
    `Permission`, or a feature package's own (features/<name>/permissions.py)."""
    return Security(current_principal, scopes=[str(permission)])
