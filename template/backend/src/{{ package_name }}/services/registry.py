"""Builds every service once per running app, from settings and a unit of work."""

from dataclasses import dataclass

from ..config import Settings
from ..models.columns import utc_now
from ..security.access_tokens import AccessTokenCodec
from ..security.passwords import PasswordHasher
from .auth_service import AuthService
from .item_service import ItemService
from .ports import Clock, UnitOfWorkFactory
from .user_service import UserService


@dataclass(frozen=True)
class Services:
    auth: AuthService
    users: UserService
    items: ItemService


def build_services(
    settings: Settings, unit_of_work: UnitOfWorkFactory, *, clock: Clock = utc_now
) -> Services:
    hasher = PasswordHasher(settings.argon2_parameters)
    access_tokens = AccessTokenCodec(
        secret=settings.jwt_secret.get_secret_value(),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        lifetime=settings.access_token_lifetime,
    )
    return Services(
        auth=AuthService(
            unit_of_work=unit_of_work,
            hasher=hasher,
            access_tokens=access_tokens,
            refresh_token_lifetime=settings.refresh_token_lifetime,
            session_lifetime=settings.session_lifetime,
            clock=clock,
        ),
        users=UserService(unit_of_work=unit_of_work, hasher=hasher, clock=clock),
        items=ItemService(unit_of_work=unit_of_work, clock=clock),
    )
