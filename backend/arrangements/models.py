"""Repayment arrangements: what was quoted and agreed, its status, and who proposed and approved it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, JSONDocument, Money, UtcDateTime
from backend.db import Base


class Arrangement(Base):
    """One arrangement. `terms` is what was asked for; `quote` the server's quote it was agreed on
    (schedule, cost, effects, approval reasons), fixed at proposal. `version` guards actions."""

    __tablename__ = "arrangements"
    __table_args__ = (
        Index("ix_arrangements_account_type_status", "account_id", "type", "status"),
        # end of day: the live promises and hardship plans
        Index("ix_arrangements_status_type", "status", "type"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(BigId, ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    type: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32))
    terms: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    quote: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    # Money at stake (converted, restructured, waived or promised), for lists and the case; fen.
    amount_fen: Mapped[int] = mapped_column(Money, default=0)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    proposed_by: Mapped[int] = mapped_column(BigId, ForeignKey("users.id"))
    proposed_by_name: Mapped[str] = mapped_column(String(128))
    proposed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[int | None] = mapped_column(BigId, ForeignKey("users.id"), default=None)
    decided_by_name: Mapped[str | None] = mapped_column(String(128), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    decision_comment: Mapped[str | None] = mapped_column(Text, default=None)
    # When it went live, and its business date (the rolling windows count from it).
    activated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    activated_on: Mapped[date | None] = mapped_column(Date, default=None)
    # The business date it was kept, broken, completed or cancelled on.
    resolved_on: Mapped[date | None] = mapped_column(Date, default=None)
    bill_id: Mapped[int | None] = mapped_column(BigId, default=None)
    plan_id: Mapped[int | None] = mapped_column(BigId, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
