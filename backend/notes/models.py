"""Contact notes agents write about a call."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.common.types import BigId, UtcDateTime
from backend.db import Base


class ContactNote(Base):
    __tablename__ = "contact_notes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    customer_id: Mapped[int] = mapped_column(BigId)
    author_id: Mapped[int] = mapped_column(BigId)
    author_name: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16), default="phone")  # phone|chat|email|branch
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_contact_notes_account_created", "account_id", "created_at"),)
