"""The policy limits in force and every change to them (DESIGN.md §3 "Users and policy")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, UtcDateTime
from backend.db import Base


class PolicyLimit(Base):
    """One limit's value in force: one row per field of `backend.settings.Policy`."""

    __tablename__ = "policy_limits"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    effective_from: Mapped[datetime] = mapped_column(UtcDateTime)
    # The change (or seeding) that set the value.
    change_id: Mapped[int | None] = mapped_column(BigId, default=None)


class PolicyChange(Base):
    """A proposed, approved, rejected or seeded value of one limit: the limits' history.

    `seeded` rows record the first values, taken from the configuration (`CREDITDESK_POLICY`);
    after that only an approved change moves a limit, from its `effective_from` (the approval).
    """

    __tablename__ = "policy_changes"
    __table_args__ = (
        Index("ix_policy_changes_name_status", "name", "status"),
        Index("ix_policy_changes_status_proposed_at", "status", "proposed_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[int | None] = mapped_column(BigInteger, default=None)
    new_value: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(16))  # seeded | pending | approved | rejected
    proposed_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"), default=None)
    proposed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    decision_comment: Mapped[str | None] = mapped_column(String(500), default=None)
    effective_from: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
