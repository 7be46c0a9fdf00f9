"""What other domains may ask about disputes, as queries named by intent (never the table).

Claims, fraud reports and the reconciliation ask these instead of reading `disputes` themselves,
so the dispute's columns can change without them. Each takes the caller's session and reads
only; none writes.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from backend.db import Reader, on_account_or_ids
from backend.disputes.models import Dispute
from backend.disputes.rules import DisputeStatus


class DisputeOnTransaction(NamedTuple):
    """What a dispute holds or gave back of its transaction (amounts in fen)."""

    dispute_id: int
    transaction_id: int
    category: str
    is_open: bool
    disputed_fen: int
    provisional_credit_fen: int
    awarded_fen: int


_ON_TRANSACTIONS = (
    select(Dispute.id, Dispute.transaction_id, Dispute.category, Dispute.status, Dispute.disputed_amount_fen,
           Dispute.provisional_credit_fen, Dispute.awarded_fen)
    .order_by(Dispute.id)
)
# Built once (the transactions page of every call asks it): the disputes of one account.
_ON_ACCOUNT = _ON_TRANSACTIONS.where(Dispute.account_id == bindparam("account_id"))


def disputes_on(
    session: Reader, transaction_ids: Collection[int] = (), *, account_id: int | None = None
) -> list[DisputeOnTransaction]:
    """Every dispute ever filed on the transactions (or, given `account_id`, on any transaction
    of that account), oldest first; one query."""
    rows = on_account_or_ids(session, _ON_ACCOUNT, lambda ids: _ON_TRANSACTIONS.where(Dispute.transaction_id.in_(ids)),
                             account_id=account_id, ids=transaction_ids)
    return [
        DisputeOnTransaction(int(dispute_id), int(txn_id), category, status != DisputeStatus.RESOLVED.value,
                             int(disputed), int(provisional), int(awarded or 0))
        for dispute_id, txn_id, category, status, disputed, provisional, awarded in rows
    ]


def open_disputes_on(session: Session, transaction_ids: Collection[int]) -> list[tuple[int, int]]:
    """(transaction id, dispute id) of the open disputes on the transactions."""
    ids = list(transaction_ids)
    if not ids:
        return []
    rows = session.execute(
        select(Dispute.open_transaction_id, Dispute.id).where(Dispute.open_transaction_id.in_(ids))
    ).all()
    return [(int(txn), int(dispute)) for txn, dispute in rows if txn is not None]


def disputed_transaction_ids(session: Session) -> set[int]:
    """Every transaction that was ever disputed (for the book-wide checks)."""
    return {int(t) for t in session.scalars(select(Dispute.transaction_id).distinct())}


def open_dispute_holdings() -> Select[tuple[int, int, int]]:
    """A query of (account id, transaction id, held fen) per open dispute: the money it holds out
    of the minimum and penalty (its amount less any provisional credit), to be used as a subquery."""
    return select(
        Dispute.account_id.label("account_id"),
        Dispute.transaction_id.label("transaction_id"),
        (Dispute.disputed_amount_fen - func.coalesce(Dispute.provisional_credit_fen, 0)).label("held"),
    ).where(Dispute.status != DisputeStatus.RESOLVED.value)
