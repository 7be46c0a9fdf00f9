"""Reading accounts: the overview an agent sees first, and the transaction history."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any

from pydantic_core import to_json
from sqlalchemy import bindparam, func, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from backend.accounts.models import Account, Transaction
from backend.accounts.schemas import AccountBrief, AccountOverview
from backend.billing import rules
from backend.billing.engine import TRANSACTION_TYPES
from backend.billing.models import Bill
from backend.billing.queries import latest_bills
from backend.billing.schemas import BillOut
from backend.claims.service import claims_on
from backend.common.pagination import decode_cursor, page_of
from backend.errors import NotFound, ValidationFailed
from backend.installments.models import InstallmentPeriod

TRANSACTIONS_CURSOR = "transactions"


def get_account(*, session: Session, account_id: int) -> Account:
    """The account, or 404 `not_found`."""
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound(f"There is no account {account_id}.")
    return account


def bucket_of(account: Account, today: date) -> str:
    return rules.delinquency_bucket(rules.days_past_due(account.overdue_since, today))


def account_brief(account: Account, today: date) -> AccountBrief:
    return AccountBrief(
        id=account.id,
        account_number=account.account_number,
        product=account.product,  # type: ignore[arg-type]
        status=account.status,  # type: ignore[arg-type]
        delinquency_bucket=bucket_of(account, today),  # type: ignore[arg-type]
    )


_NOT_YET_BILLED = InstallmentPeriod.status == "scheduled"
_UNBILLED_PRINCIPAL = (  # built once: every account overview runs it
    select(InstallmentPeriod.account_id, func.sum(InstallmentPeriod.principal_fen))
    .where(InstallmentPeriod.account_id.in_(bindparam("account_ids", expanding=True)), _NOT_YET_BILLED)
    .group_by(InstallmentPeriod.account_id)
)


def unbilled_principal_of_account() -> Any:
    """The same sum for the `Account` of the enclosing statement (a correlated scalar subquery)."""
    return (
        select(func.coalesce(func.sum(InstallmentPeriod.principal_fen), 0))
        .where(InstallmentPeriod.account_id == Account.id, _NOT_YET_BILLED)
        .scalar_subquery()
    )


def unbilled_principal(*, session: Session, account_ids: Collection[int]) -> dict[int, int]:
    """Principal of installment periods still `scheduled` (not yet billed), by account."""
    if not account_ids:
        return {}
    rows = session.execute(_UNBILLED_PRINCIPAL, {"account_ids": list(account_ids)})
    return {account_id: int(total or 0) for account_id, total in rows}


def next_due(account: Account, bill: Bill | None, today: date) -> tuple[date, int]:
    """When the customer must next pay and how much, in fen.

    Before the latest bill's due date: that date and what is left of its minimum. After it,
    with an amount past due: today and that amount. Otherwise: the next cycle's due date, 0.
    """
    if bill is not None and today <= bill.due_date:
        return bill.due_date, max(0, bill.minimum_payment_fen - bill.paid_fen)
    if account.past_due_fen > 0:
        return today, account.past_due_fen
    return rules.due_date_for(rules.first_of_next_month(today), account.due_day), 0


def overview(account: Account, *, bill: Bill | None, unbilled_fen: int, today: date) -> AccountOverview:
    used, available = rules.used_and_available(account.balance_fen, unbilled_fen, account.credit_limit_fen)
    dpd = rules.days_past_due(account.overdue_since, today)
    due_date, due_fen = next_due(account, bill, today)
    return AccountOverview(
        id=account.id,
        customer_id=account.customer_id,
        account_number=account.account_number,
        product=account.product,  # type: ignore[arg-type]
        status=account.status,  # type: ignore[arg-type]
        opened_on=account.opened_on,
        credit_limit_fen=account.credit_limit_fen,
        used_fen=used,
        available_fen=available,
        balance_fen=account.balance_fen,
        past_due_fen=account.past_due_fen,
        days_past_due=dpd,
        delinquency_bucket=rules.delinquency_bucket(dpd),  # type: ignore[arg-type]
        next_due_date=due_date,
        next_due_fen=due_fen,
        current_bill=BillOut.model_validate(bill) if bill is not None else None,
        daily_rate_ppm=account.daily_rate_ppm,
        due_day=account.due_day,
    )


def account_overviews(
    *, session: Session, accounts: Sequence[Account], today: date, bills: dict[int, Bill] | None = None
) -> list[AccountOverview]:
    """Overviews of several accounts in two queries (installments not yet billed, latest bills).

    Pass `bills` when the latest bills are already loaded."""
    ids = [account.id for account in accounts]
    unbilled = unbilled_principal(session=session, account_ids=ids)
    if bills is None:
        bills = latest_bills(session=session, account_ids=ids)
    return [
        overview(account, bill=bills.get(account.id), unbilled_fen=unbilled.get(account.id, 0), today=today)
        for account in accounts
    ]


def account_overview(*, session: Session, account_id: int, today: date) -> AccountOverview:
    account = get_account(session=session, account_id=account_id)
    return account_overviews(session=session, accounts=[account], today=today)[0]


def parse_transaction_types(raw: str | None) -> list[str] | None:
    """`purchase,refund` → the types; None for no filter. 422 for a type the ledger does not know."""
    if raw is None:
        return None
    types = [part.strip() for part in raw.split(",") if part.strip()]
    unknown = sorted({t for t in types if t not in TRANSACTION_TYPES})
    if unknown or not types:
        raise ValidationFailed(
            f"Unknown transaction type(s): {', '.join(unknown) or '(none given)'}.",
            errors={"query.type": [f"each must be one of: {', '.join(TRANSACTION_TYPES)}"]},
        )
    return types


# The columns of a transaction as the API shows it (`TransactionOut`), read as plain rows.
_TRANSACTION_COLUMNS = (
    Transaction.id, Transaction.account_id, Transaction.type, Transaction.amount_fen, Transaction.posted_at,
    Transaction.business_date, Transaction.merchant, Transaction.description, Transaction.description_code,
    Transaction.description_params, Transaction.plan_id,
)
# The first page, the one nearly every call asks for, is built once; filters and cursors add to it.
_NEWEST_TRANSACTIONS = (
    select(*_TRANSACTION_COLUMNS)
    .where(Transaction.account_id == bindparam("account_id"))
    .order_by(Transaction.posted_at.desc(), Transaction.id.desc())
    .limit(bindparam("limit"))
)
_ACCOUNT_EXISTS = select(Account.id).where(Account.id == bindparam("account_id"))


def transactions_json(
    *,
    connection: Connection,
    account_id: int,
    date_from: date | None,
    date_to: date | None,
    types: Collection[str] | None,
    limit: int,
    cursor: str | None,
) -> bytes:
    """A page of an account's transactions, newest first by (posted_at, id), business dates
    inclusive, with the claims on each: `Page[TransactionOut]` as JSON bytes. 404 if there is
    no such account.

    An agent opens this on most calls, so it is lean (docs/load.md, "The hot reads"): plain rows
    of the connection, no ORM objects and no pydantic models; the JSON is written by the same
    serializer pydantic uses, so it is exactly what the models would give."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ValidationFailed("'from' is after 'to'.", errors={"query.from": ["must not be after 'to'"]})
    query = _NEWEST_TRANSACTIONS
    if date_from is not None:
        query = query.where(Transaction.business_date >= date_from)
    if date_to is not None:
        query = query.where(Transaction.business_date <= date_to)
    if types is not None:
        query = query.where(Transaction.type.in_(types))
    if cursor is not None:
        posted_at, transaction_id = decode_cursor(cursor, TRANSACTIONS_CURSOR, (datetime, int))
        query = query.where(tuple_(Transaction.posted_at, Transaction.id) < (posted_at, transaction_id))
    found = connection.execute(query, {"account_id": account_id, "limit": limit + 1}).all()
    rows, next_cursor = page_of(found, limit=limit, kind=TRANSACTIONS_CURSOR, key=lambda t: (t.posted_at, t.id))
    # An empty page may be an account that is not there (any row proves that it is).
    if not rows and connection.execute(_ACCOUNT_EXISTS, {"account_id": account_id}).first() is None:
        raise NotFound(f"There is no account {account_id}.")
    # The claims of the page's transactions (marked in the list): the account's disputes and fraud
    # reports, two indexed queries.
    claims = claims_on(connection, [row.id for row in rows], account_id=account_id)
    items = []
    for row in rows:
        item = row._asdict()
        item["claims"] = [
            {"kind": c.kind, "amount_fen": c.amount_fen, "source_type": c.source_type, "source_id": c.source_id}
            for c in claims[row.id].claims
        ]
        items.append(item)
    return to_json({"items": items, "next_cursor": next_cursor})
