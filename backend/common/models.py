"""Tables of the request machinery (not of a business domain): the idempotency keys.

At the bottom of the layers like every models module: it imports SQLAlchemy and the database kit
only. The rules that use the table (claiming a key, replaying a response) are in
`backend.common.idempotency`, which sits with the FastAPI dependencies.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, JSONDocument, UtcDateTime
from backend.db import Base


class IdempotencyKey(Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (Index("ix_idempotency_keys_created_at", "created_at"),)

    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("users.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    # sha256 hex of method, path and body
    request_fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    response_body: Mapped[Any | None] = mapped_column(JSONDocument, default=None)
    response_headers: Mapped[dict[str, str] | None] = mapped_column(JSONDocument, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime)
