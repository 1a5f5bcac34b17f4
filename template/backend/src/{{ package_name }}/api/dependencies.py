"""FastAPI dependencies as named types, so route signatures read as sentences."""

from typing import Annotated, cast

from fastapi import Depends, Request

from ..health import HealthChecker
from ..resources import Resources
from ..services.registry import Services


def get_resources(request: Request) -> Resources:
    # Set by the lifespan in main.py; one per running app.
    return cast(Resources, request.state.resources)


ResourcesDep = Annotated[Resources, Depends(get_resources)]


def get_health_checker(resources: ResourcesDep) -> HealthChecker:
    return resources.health_checker


HealthCheckerDep = Annotated[HealthChecker, Depends(get_health_checker)]


def get_services(resources: ResourcesDep) -> Services:
    return resources.services


ServicesDep = Annotated[Services, Depends(get_services)]
