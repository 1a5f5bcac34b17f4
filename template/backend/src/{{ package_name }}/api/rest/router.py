"""The versioned REST router; each feature's router is registered here."""

from fastapi import APIRouter

from . import auth, items, users

API_PREFIX = "/api/v1"

# One router per feature module (api/rest/items.py -> items.router), in order.
FEATURE_ROUTERS: tuple[APIRouter, ...] = (auth.router, users.router, items.router)


def build_rest_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    for feature_router in FEATURE_ROUTERS:
        router.include_router(feature_router)
    return router
