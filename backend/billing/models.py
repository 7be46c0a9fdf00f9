"""Bills (statements) and their lines."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.common.types import BigId, JSONDocument, Money, UtcDateTime
from backend.db import Base


class Bill(Base):
    __tablename__ = "bills"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    statement_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    cycle_start: Mapped[date | None] = mapped_column(Date)
    previous_balance_fen: Mapped[int] = mapped_column(Money, default=0)
    carried_fen: Mapped[int] = mapped_column(Money, default=0)  # unpaid rest of earlier bills at the cut
    total_fen: Mapped[int] = mapped_column(Money)  # = Σ lines.amount_fen
    minimum_payment_fen: Mapped[int] = mapped_column(Money)
    paid_fen: Mapped[int] = mapped_column(Money, default=0)
    status: Mapped[str] = mapped_column(String(16), default="open")
    due_evaluated: Mapped[bool] = mapped_column(Boolean, default=False)
    # What is still owed of the bill, by allocation component.
    open_interest_fen: Mapped[int] = mapped_column(Money, default=0)
    open_fees_fen: Mapped[int] = mapped_column(Money, default=0)
    open_installments_fen: Mapped[int] = mapped_column(Money, default=0)
    open_principal_fen: Mapped[int] = mapped_column(Money, default=0)
    # The minimum's parts (docs/rules.md, "Minimum payment"): owed at 100%, and the purchase
    # principal whose 10% is owed; and the money among this bill's charges under open dispute.
    # minimum_payment_fen = minimum_from_parts(fixed, base, disputed, paid + outstanding), always.
    minimum_fixed_fen: Mapped[int] = mapped_column(Money, default=0)
    minimum_base_fen: Mapped[int] = mapped_column(Money, default=0)
    disputed_fen: Mapped[int] = mapped_column(Money, default=0)
    # What is still owed of the debt carried from earlier bills, by part: before the due date
    # only this bears interest (docs/rules.md, "The interest base").
    carried_interest_fen: Mapped[int] = mapped_column(Money, default=0)
    carried_fees_fen: Mapped[int] = mapped_column(Money, default=0)
    carried_installments_fen: Mapped[int] = mapped_column(Money, default=0)
    carried_principal_fen: Mapped[int] = mapped_column(Money, default=0)

    lines: Mapped[list[BillLine]] = relationship(lazy="raise", order_by="BillLine.line_no")

    __table_args__ = (Index("ix_bills_account_statement", "account_id", "statement_date", unique=True),)

    @hybrid_property
    def outstanding_fen(self) -> int:  # on the class, the same sum in SQL
        return self.open_interest_fen + self.open_fees_fen + self.open_installments_fen + self.open_principal_fen


class BillLine(Base):
    __tablename__ = "bill_lines"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), index=True)
    customer_id: Mapped[int] = mapped_column(BigId)
    line_no: Mapped[int] = mapped_column(Integer)
    transaction_id: Mapped[int | None] = mapped_column(BigId)  # None: the previous balance
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    type: Mapped[str] = mapped_column(String(40))  # a transaction type (accounts.models.Transaction.type)
    description: Mapped[str] = mapped_column(String(128))
    description_code: Mapped[str | None] = mapped_column(String(48), default=None)  # docs/api-wording.md
    description_params: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument, default=None)
    amount_fen: Mapped[int] = mapped_column(Money)
