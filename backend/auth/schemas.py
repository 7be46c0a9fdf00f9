"""Request and response bodies of the auth endpoints."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from backend.common.routing import WITHOUT_NUL


class TokenRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=WITHOUT_NUL)
    password: str = Field(min_length=1, max_length=1024, pattern=WITHOUT_NUL)


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    role: str
    must_change_password: bool = Field(
        default=False, description="True until the user replaces a password an admin set (POST /v1/me/password)"
    )


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime
    user: UserOut
