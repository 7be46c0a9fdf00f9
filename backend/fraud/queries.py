"""What other domains may ask about fraud reports, as queries named by intent (never the tables).

Claims, disputes, the reconciliation and the customer's alerts ask these instead of reading
`fraud_reports` and `fraud_report_transactions` themselves. Each takes the caller's session and
reads only.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from backend.db import Reader, on_account_or_ids
from backend.fraud.models import FraudReport, FraudReportTransaction
from backend.fraud.rules import OPEN_STATUSES, FraudStatus

CONFIRMED = "confirmed"
# Reports still being worked: the money they name is held, not yet written off.
_BEING_WORKED = (FraudStatus.NEW.value, FraudStatus.INVESTIGATING.value)


class ReportOnTransaction(NamedTuple):
    """What a fraud report holds or wrote off of one transaction it names (amounts in fen)."""

    report_id: int
    transaction_id: int
    amount_fen: int
    written_off: bool  # confirmed (or its write-off posted)
    being_worked: bool  # new or investigating


_ON_TRANSACTIONS = (
    select(FraudReport.id, FraudReportTransaction.transaction_id, FraudReport.status, FraudReport.outcome,
           FraudReportTransaction.amount_fen, FraudReportTransaction.write_off_transaction_id)
    .join(FraudReport, FraudReport.id == FraudReportTransaction.fraud_report_id)
    .order_by(FraudReport.id)
)
# Built once (the transactions page of every call asks it): the reports of one account.
_ON_ACCOUNT = _ON_TRANSACTIONS.where(FraudReport.account_id == bindparam("account_id"))


def reports_on(
    session: Reader, transaction_ids: Collection[int] = (), *, account_id: int | None = None
) -> list[ReportOnTransaction]:
    """Every fraud report that names the transactions (or, given `account_id`, any transaction
    of that account), oldest first; one query."""
    rows = on_account_or_ids(
        session, _ON_ACCOUNT, lambda ids: _ON_TRANSACTIONS.where(FraudReportTransaction.transaction_id.in_(ids)),
        account_id=account_id, ids=transaction_ids)
    return [
        ReportOnTransaction(int(report_id), int(txn_id), int(amount),
                            write_off_id is not None or outcome == CONFIRMED, status in _BEING_WORKED)
        for report_id, txn_id, status, outcome, amount, write_off_id in rows
    ]


def report_holding(session: Session, transaction_id: int) -> int | None:
    """The live or confirmed fraud report that names the transaction, if any."""
    return session.scalar(
        select(FraudReport.id)
        .join(FraudReportTransaction, FraudReportTransaction.fraud_report_id == FraudReport.id)
        .where(
            FraudReportTransaction.transaction_id == transaction_id,
            FraudReport.status.in_([status.value for status in OPEN_STATUSES]) | (FraudReport.outcome == CONFIRMED),
        )
        .limit(1)
    )


def reported_transaction_ids(session: Session) -> set[int]:
    """Every transaction ever named in a fraud report (for the book-wide checks)."""
    return {int(t) for t in session.scalars(select(FraudReportTransaction.transaction_id).distinct())}


def reports_holding_freeze(session: Session, account_ids: Collection[int]) -> dict[int, list[int]]:
    """For each of the accounts, the reports not yet closed that hold it frozen, oldest first."""
    holders: dict[int, list[int]] = {}
    ids = list(account_ids)
    if not ids:
        return holders
    for report_id, account_id in session.execute(
        select(FraudReport.id, FraudReport.account_id).where(
            FraudReport.account_id.in_(ids), FraudReport.holds_freeze.is_(True),
            FraudReport.status != FraudStatus.CLOSED.value,
        ).order_by(FraudReport.id)
    ).tuples():
        holders.setdefault(int(account_id), []).append(int(report_id))
    return holders
