"""Reading bills: the latest bill of many accounts at once, an account's bills, one bill's lines."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from backend.billing import engine
from backend.billing.models import Bill, BillLine
from backend.billing.schemas import BillDetail, BillLineOut, BillOut
from backend.common.pagination import Page, decode_cursor, page_of
from backend.errors import NotFound

BILLS_CURSOR = "bills"


_LATEST = (
    select(Bill.account_id, func.max(Bill.statement_date).label("statement_date"))
    .where(Bill.account_id.in_(bindparam("account_ids", expanding=True)))
    .group_by(Bill.account_id)
    .subquery()
)
# Built once: every customer open and every end-of-day batch runs it.
_LATEST_BILLS = select(Bill).join(
    _LATEST, (Bill.account_id == _LATEST.c.account_id) & (Bill.statement_date == _LATEST.c.statement_date)
)


def latest_bills(*, session: Session, account_ids: Collection[int]) -> dict[int, Bill]:
    """Each account's latest bill (by statement date), by account id; one query for all."""
    if not account_ids:
        return {}
    return {bill.account_id: bill for bill in session.scalars(_LATEST_BILLS, {"account_ids": list(account_ids)})}


def bill_out(bill: Bill, *, superseded: bool, overdue_since: date | None) -> BillOut:
    """A bill as the API shows it, its status as the account stands now (`shown_bill_status`)."""
    out = BillOut.model_validate(bill)
    out.status = engine.shown_bill_status(  # type: ignore[assignment]
        bill.status, superseded=superseded, due_date=bill.due_date, overdue_since=overdue_since)
    return out


def list_bills(*, session: Session, account_id: int, limit: int, cursor: str | None,
               overdue_since: date | None) -> Page[BillOut]:
    """An account's bills, newest statement first (one bill per statement date and account).
    `overdue_since` is the account's: a superseded bill is overdue only while that lasts."""
    query = select(Bill).where(Bill.account_id == account_id)
    if cursor is not None:
        (statement_date,) = decode_cursor(cursor, BILLS_CURSOR, (date,))
        query = query.where(Bill.statement_date < statement_date)
    query = query.order_by(Bill.statement_date.desc()).limit(limit + 1)
    rows, next_cursor = page_of(
        session.scalars(query).all(), limit=limit, kind=BILLS_CURSOR, key=lambda b: (b.statement_date,)
    )
    # Newest first: after a cursor every bill is superseded, on the first page all but the first.
    return Page[BillOut](
        items=[bill_out(b, superseded=cursor is not None or i > 0, overdue_since=overdue_since)
               for i, b in enumerate(rows)],
        next_cursor=next_cursor,
    )


def get_bill(*, session: Session, account_id: int, bill_id: int, overdue_since: date | None) -> BillDetail:
    """One bill of the account with its lines in order; 404 if it is another account's."""
    bill = session.get(Bill, bill_id)
    if bill is None or bill.account_id != account_id:
        raise NotFound(f"Account {account_id} has no bill {bill_id}.")
    lines = session.scalars(select(BillLine).where(BillLine.bill_id == bill_id).order_by(BillLine.line_no))
    superseded = session.scalar(select(Bill.id).where(
        Bill.account_id == account_id, Bill.statement_date > bill.statement_date).limit(1)) is not None
    summary = bill_out(bill, superseded=superseded, overdue_since=overdue_since)
    return BillDetail(**summary.model_dump(), lines=[BillLineOut.model_validate(line) for line in lines])
