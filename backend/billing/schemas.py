"""Response bodies of the bill endpoints. Money in integer fen; dates ISO; timestamps UTC."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.common.wording import Params, code_field, params_field

# `carried_over`: not paid by its due date, what it still owed went on a later bill, and the
# account is no longer overdue (backend.billing.engine.shown_bill_status).
BillStatus = Literal["open", "paid", "partially_paid", "overdue", "carried_over"]


class BillOut(BaseModel):
    """A bill (statement) without its lines: the summary an account overview shows."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    account_id: int
    statement_date: date
    due_date: date
    total_fen: int = Field(description="Σ of the bill's lines")
    minimum_payment_fen: int
    paid_fen: int
    outstanding_fen: int = Field(description="What is still owed of this bill")
    status: BillStatus
    previous_balance_fen: int


class BillLineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    line_no: int
    transaction_id: int | None = Field(description="Null for the line carrying the previous balance")
    posted_at: datetime
    type: str
    description: str
    description_code: str | None = code_field("The description")
    description_params: Params | None = params_field("description")
    amount_fen: int


class BillDetail(BillOut):
    lines: list[BillLineOut] = Field(description="In line order; Σ amount_fen = total_fen")
