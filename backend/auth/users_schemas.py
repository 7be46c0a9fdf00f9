"""Request and response bodies of the users endpoints (admin) and of a user's own password change."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.common.routing import WITHOUT_NUL

RoleName = Literal["agent", "dispute_handler", "supervisor", "admin"]
Password = Field(min_length=1, max_length=1024, pattern=WITHOUT_NUL, description="At least 12 characters, not the username")


class ManagedUserOut(BaseModel):
    """A user as an admin sees them."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    role: str
    active: bool = Field(description="False while disabled: the user cannot sign in")
    must_change_password: bool
    locked_until: datetime | None = Field(description="Set while too many failed sign-ins lock the user")
    is_demo: bool
    created_at: datetime


class NewUserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    display_name: str = Field(min_length=1, max_length=128, pattern=WITHOUT_NUL)
    role: RoleName
    password: str = Password


class ChangeRoleIn(BaseModel):
    role: RoleName


class ResetPasswordIn(BaseModel):
    password: str = Password


class OwnPasswordIn(BaseModel):
    current_password: str = Field(min_length=1, max_length=1024, pattern=WITHOUT_NUL)
    new_password: str = Password
