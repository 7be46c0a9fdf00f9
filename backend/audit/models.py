"""The audit trail: append-only, hash-chained records, and the one-row head of the chain."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, JSONDocument, UtcDateTime
from backend.db import Base

GENESIS_HASH = "0" * 64


class AuditRecord(Base):
    __tablename__ = "audit_records"
    __table_args__ = (
        Index("ix_audit_records_entity", "entity_type", "entity_id"),
        Index("ix_audit_records_actor_id_at", "actor_id", "at"),
        Index("ix_audit_records_at", "at"),
        Index("ix_audit_records_customer_id", "customer_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    # Carried for partitioning by customer; null for records not about one customer.
    customer_id: Mapped[int | None] = mapped_column(BigId, default=None)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Null for the system (end of day, seeding); no foreign key so records outlive anything.
    actor_id: Mapped[int | None] = mapped_column(BigId, default=None)
    actor_role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[Any | None] = mapped_column(JSONDocument, default=None)
    after: Mapped[Any | None] = mapped_column(JSONDocument, default=None)
    request_id: Mapped[str | None] = mapped_column(String(128), default=None)
    idempotency_key: Mapped[str | None] = mapped_column(String(64), default=None)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    """One row (id 1) holding the last record's hash; locking it serializes appends."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_hash: Mapped[str] = mapped_column(String(64))
    last_id: Mapped[int | None] = mapped_column(BigId, default=None)
