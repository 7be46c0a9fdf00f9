"""Installment plans (bill and transaction installments, cash loans, hardship plans)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.common.types import BigId, Money, UtcDateTime
from backend.db import Base


class InstallmentPlan(Base):
    __tablename__ = "installment_plans"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    customer_id: Mapped[int] = mapped_column(BigId)
    kind: Mapped[str] = mapped_column(String(32))
    principal_fen: Mapped[int] = mapped_column(Money)
    fee_fen: Mapped[int] = mapped_column(Money)  # installment fee, or a cash loan's interest
    terms: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active|completed|paid_off|broken
    daily_rate_ppm: Mapped[int | None] = mapped_column(Integer)
    source_transaction_id: Mapped[int | None] = mapped_column(BigId)
    description: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The business date an early payoff was set up: the plan then ends `paid_off`, not `completed`.
    payoff_on: Mapped[date | None] = mapped_column(Date, default=None)

    periods: Mapped[list[InstallmentPeriod]] = relationship(
        lazy="raise", order_by="InstallmentPeriod.period", back_populates="plan"
    )


class InstallmentPeriod(Base):
    __tablename__ = "installment_periods"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("installment_plans.id"))
    account_id: Mapped[int] = mapped_column(BigId)
    customer_id: Mapped[int] = mapped_column(BigId)
    period: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    principal_fen: Mapped[int] = mapped_column(Money)
    fee_fen: Mapped[int] = mapped_column(Money)
    paid_fen: Mapped[int] = mapped_column(Money, default=0)
    status: Mapped[str] = mapped_column(String(16), default="scheduled")  # scheduled|billed|partially_paid|paid|waived|cancelled

    plan: Mapped[InstallmentPlan] = relationship(back_populates="periods", lazy="raise")

    __table_args__ = (
        Index("ix_installment_periods_plan_period", "plan_id", "period", unique=True),
        Index("ix_installment_periods_account_status", "account_id", "status"),
    )

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.fee_fen
