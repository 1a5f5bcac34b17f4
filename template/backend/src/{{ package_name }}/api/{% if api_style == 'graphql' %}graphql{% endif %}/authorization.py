"""The permission each field declares, enforced before its resolver runs.

A field declares it with `@guarded_field(Permission.ITEMS_READ)` (or
`@guarded_mutation(...)`) instead of `@strawberry.field`: the
permission is checked against the caller's principal, and published in the SDL as
`@requires(permission: "items:read")`. A test walks every field of Query and
Mutation and fails on one that declares nothing and is not in PUBLIC_FIELDS.
"""

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.schema_directive import Location
from strawberry.types import Info

from ...security.rbac import require
from .context import Context

Resolver = TypeVar("Resolver", bound=Callable[..., Any])

# Root fields anyone may call, by their GraphQL name.
PUBLIC_FIELDS = frozenset(
    {
        "register",
        "login",
        "refresh",
        "logout",
        "browserLogin",
        "browserRefresh",
        "browserLogout",
    }
)


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="requires",
    description="The permission a caller needs for this field.",
)
class Requires:
    permission: str


class RequirePermission(FieldExtension):
    def __init__(self, permission: str) -> None:
        self.permission = permission

    def resolve(
        self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        raise TypeError("guarded fields must have async resolvers")

    async def resolve_async(
        self,
        next_: Callable[..., Awaitable[Any]],
        source: Any,
        info: Context,
        **kwargs: Any,
    ) -> Any:
        require(await info.context.principal(), self.permission)
        return await next_(source, info, **kwargs)


def _declaration(permission: str) -> dict[str, Any]:
    return {
        "extensions": [RequirePermission(permission)],
        "directives": [Requires(permission=str(permission))],
    }


def guarded_field(permission: str) -> Callable[[Resolver], Resolver]:
    """`strawberry.field` for a query field that needs `permission` (a
    `Permission`, or a feature package's own)."""
    return cast(
        Callable[[Resolver], Resolver], strawberry.field(**_declaration(permission))
    )


def guarded_mutation(permission: str) -> Callable[[Resolver], Resolver]:
    """`strawberry.mutation` for a mutation that needs `permission`."""
    return cast(
        Callable[[Resolver], Resolver], strawberry.mutation(**_declaration(permission))
    )
