"""Customers: the people who hold accounts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.common.types import BigId, UtcDateTime
from backend.db import Base

if TYPE_CHECKING:
    from backend.accounts.models import Account


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # Binary ("C") ordering on PostgreSQL whatever the database locale, so a name-prefix search
    # is an index range scan of [prefix, prefix + U+10FFFF) as on SQLite.
    name: Mapped[str] = mapped_column(String(64).with_variant(String(64, collation="C"), "postgresql"))
    phone: Mapped[str] = mapped_column(String(20), index=True)
    national_id: Mapped[str] = mapped_column(String(18))
    national_id_last4: Mapped[str] = mapped_column(String(4))
    bank_card: Mapped[str | None] = mapped_column(String(19))
    city: Mapped[str | None] = mapped_column(String(32))
    # e.g. ["vulnerable", "complaint_history"]: things an agent should see before speaking.
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    accounts: Mapped[list[Account]] = relationship(back_populates="customer", lazy="raise",
                                                   order_by="Account.id")

    # Searches page by (name, id) or by id: the sort key in the index lets the first page be
    # read straight off it, however many customers share a surname or an ID's last four.
    __table_args__ = (
        Index("ix_customers_name_id", "name", "id"),
        Index("ix_customers_national_id_last4_id", "national_id_last4", "id"),
    )
