"""Reading bills: the latest bill of many accounts at once, an account's bills, one bill's lines."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from backend.accounts.models import Account
from backend.billing import engine
from backend.billing.models import Bill, BillLine
from backend.billing.schemas import BillDetail, BillLineOut, BillOut
from backend.common.pagination import decode_cursor, page_of
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


# A bill as `BillOut` shows it, read as plain rows beside its account's delinquency start.
_BILL_COLUMNS = (
    Bill.id, Bill.account_id, Bill.statement_date, Bill.due_date, Bill.total_fen, Bill.minimum_payment_fen,
    Bill.paid_fen, Bill.outstanding_fen.label("outstanding_fen"), Bill.status, Bill.previous_balance_fen,
)


def _account_bills(after: bool) -> Select[Any]:
    """The account (always one row, even with no bills) and its bills newest first; with `after`,
    only those before `bindparam("before")`."""
    joined = Bill.account_id == Account.id
    if after:
        joined = joined & (Bill.statement_date < bindparam("before"))
    statement: Select[Any] = (
        select(Account.overdue_since, *_BILL_COLUMNS)
        .select_from(Account)
        .outerjoin(Bill, joined)
        .where(Account.id == bindparam("account_id"))
        .order_by(Bill.statement_date.desc())
        .limit(bindparam("limit"))
    )
    return statement


_ACCOUNT_BILLS = {False: _account_bills(False), True: _account_bills(True)}


def bills_json(*, connection: Connection, account_id: int, limit: int, cursor: str | None) -> bytes:
    """An account's bills, newest statement first (one bill per statement date and account), as
    `Page[BillOut]` JSON bytes; 404 if there is no such account. One statement, plain rows
    (docs/load.md, "The hot reads"). A superseded bill shows the status `shown_bill_status`
    gives it from the account's delinquency."""
    params: dict[str, Any] = {"account_id": account_id, "limit": limit + 1}
    if cursor is not None:
        (params["before"],) = decode_cursor(cursor, BILLS_CURSOR, (date,))
    rows = connection.execute(_ACCOUNT_BILLS[cursor is not None], params).all()
    if not rows:
        raise NotFound(f"There is no account {account_id}.")
    bills = [row for row in rows if row.id is not None]
    shown, next_cursor = page_of(bills, limit=limit, kind=BILLS_CURSOR, key=lambda b: (b.statement_date,))
    items = []
    # Newest first: after a cursor every bill is superseded, on the first page all but the first.
    for i, row in enumerate(shown):
        item = row._asdict()
        overdue_since = item.pop("overdue_since")
        item["status"] = engine.shown_bill_status(
            row.status, superseded=cursor is not None or i > 0, due_date=row.due_date, overdue_since=overdue_since)
        items.append(item)
    return to_json({"items": items, "next_cursor": next_cursor})


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
