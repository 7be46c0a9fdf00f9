"""What a service needs to know about the request it serves: who, which request, and when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from backend.clock import BusinessClock

if TYPE_CHECKING:
    from backend.auth.models import User


@dataclass(frozen=True)
class RequestContext:
    user: User
    request_id: str | None
    idempotency_key: str | None
    clock: BusinessClock

    @property
    def actor_id(self) -> int:
        return self.user.id

    @property
    def actor_role(self) -> str:
        return self.user.role
