"""The versioned REST router; each feature's router is registered here."""

from fastapi import APIRouter

from ...config import Settings
from . import auth, items, users

API_PREFIX = "/api/v1"

# One router per feature module (api/rest/items.py -> items.router), in order.
FEATURE_ROUTERS: tuple[APIRouter, ...] = (auth.router, users.router, items.router)


def build_api_router(_settings: Settings) -> APIRouter:
    """Every REST route under /api/v1 (settings are for styles that need them)."""
    router = APIRouter(prefix=API_PREFIX)
    for feature_router in FEATURE_ROUTERS:
        router.include_router(feature_router)
    return router
