"""Response bodies of the audit-trail endpoint."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class AuditRecordOut(BaseModel):
    """One record of the append-only, hash-chained audit trail."""

    id: int
    at: datetime
    actor_id: int | None = Field(description="Null for the system (end of day, seeding)")
    actor_name: str | None = Field(description="The actor's display name; null for the system")
    actor_role: str
    action: str = Field(examples=["case.assigned"])
    entity_type: str = Field(examples=["case"])
    entity_id: str
    customer_id: int | None
    before: Any | None = Field(description="The fields that changed, as they were")
    after: Any | None = Field(description="The fields that changed, as they are now")
    request_id: str | None
    idempotency_key: str | None
    prev_hash: str
    hash: str


class ChainCheckOut(BaseModel):
    """The result of walking the audit chain."""

    ok: bool
    record_count: int = Field(description="Records checked (up to the first broken one)")
    first_broken_id: int | None = Field(description="The first record whose hash or link does not hold; null when all hold")
    checked_at: datetime
