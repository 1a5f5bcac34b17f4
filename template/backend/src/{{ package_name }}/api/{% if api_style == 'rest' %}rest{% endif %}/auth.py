"""Registration, sign-in, token refresh and sign-out."""

from fastapi import APIRouter, status
from pydantic import BaseModel, EmailStr, Field

from ...security.password_policy import MAX_LENGTH as PASSWORD_MAX_LENGTH
from ...security.refresh_tokens import MAX_TOKEN_LENGTH
from ...services.auth_service import TokenPair
from ..dependencies import ServicesDep
from .schemas import RequestBody, UserResponse, error_responses

router = APIRouter(prefix="/auth", tags=["auth"])

Password = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)


class Credentials(RequestBody):
    email: EmailStr
    password: str = Password


class RefreshRequest(RequestBody):
    refresh_token: str = Field(min_length=1, max_length=MAX_TOKEN_LENGTH)


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 (the scheme's name)
    expires_in: int = Field(description="Seconds until the access token expires.")

    @classmethod
    def of(cls, pair: TokenPair) -> "TokenResponse":
        return cls(
            access_token=pair.access_token,
            refresh_token=pair.refresh_token,
            expires_in=pair.expires_in_seconds,
        )


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(409, 422, 429),
)
async def register(body: Credentials, services: ServicesDep) -> UserResponse:
    """Creates a member account."""
    user = await services.auth.register(email=body.email, password=body.password)
    return UserResponse.model_validate(user)


@router.post("/login", responses=error_responses(401, 422, 429))
async def login(body: Credentials, services: ServicesDep) -> TokenResponse:
    """Starts a session: a short-lived access token and a refresh token."""
    pair = await services.auth.login(email=body.email, password=body.password)
    return TokenResponse.of(pair)


@router.post("/refresh", responses=error_responses(401, 422, 429))
async def refresh(body: RefreshRequest, services: ServicesDep) -> TokenResponse:
    """Exchanges a refresh token for a new pair; the old one stops working.

    Presenting a refresh token a second time ends its whole session.
    """
    pair = await services.auth.refresh(refresh_token=body.refresh_token)
    return TokenResponse.of(pair)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(401, 422),
)
async def logout(body: RefreshRequest, services: ServicesDep) -> None:
    """Ends the session the refresh token belongs to."""
    await services.auth.logout(refresh_token=body.refresh_token)
