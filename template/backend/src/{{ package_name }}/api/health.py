"""Liveness and readiness over plain HTTP, whatever the API style.

/livez says the process is serving; /healthz says whether every dependency answers
(200) or names the ones that do not (503), for load balancers and orchestrators.
"""

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from ..errors import ErrorCode, error_envelope
from ..middleware.request_context import current_request_id
from .dependencies import HealthCheckerDep

CheckStatus = Literal["ok", "unavailable"]

router = APIRouter(tags=["health"])


class LivenessResponse(BaseModel):
    status: Literal["ok"]


class HealthResponse(BaseModel):
    status: CheckStatus
    checks: dict[str, CheckStatus]


class UnhealthyError(BaseModel):
    code: str
    message: str
    request_id: str | None


class UnhealthyResponse(HealthResponse):
    error: UnhealthyError


# HEAD too, outside the contract: some load balancers probe with it.
@router.head("/livez", include_in_schema=False)
@router.get("/livez", summary="The process is serving requests")
async def livez() -> LivenessResponse:
    return LivenessResponse(status="ok")


@router.head("/healthz", include_in_schema=False, response_model=HealthResponse)
@router.get(
    "/healthz",
    summary="Every dependency answers",
    response_model=HealthResponse,
    responses={
        503: {"model": UnhealthyResponse, "description": "A dependency is down"}
    },
)
async def healthz(checker: HealthCheckerDep) -> HealthResponse | JSONResponse:
    report = await checker.check()
    checks: dict[str, CheckStatus] = {
        name: "ok" if ok else "unavailable" for name, ok in report.results.items()
    }
    if report.healthy:
        return HealthResponse(status="ok", checks=checks)
    body = error_envelope(
        ErrorCode.SERVICE_UNAVAILABLE,
        "Unavailable: " + ", ".join(report.failed),
        current_request_id(),
    )
    return JSONResponse(
        status_code=503, content={"status": "unavailable", "checks": checks, **body}
    )
