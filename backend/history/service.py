"""A customer's contact history and the alerts an agent sees on opening the customer
(docs/contact-history.md).

The history reads the domains' own records (notes, case steps, arrangements, reveals in the
audit trail, dispute money events) through one UNION of their (time, kind, id) keys, paged
newest first by that key, then loads the page's rows kind by kind: at most six statements a page
whatever its length, and every branch is served by an account or customer index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, String, bindparam, literal, select, true, tuple_, union_all
from sqlalchemy.orm import Session

from backend.accounts.models import Account
from backend.arrangements.models import Arrangement
from backend.arrangements.rules import CANCELLABLE_WHEN_ACTIVE, Status
from backend.audit.models import AuditRecord
from backend.auth.models import User
from backend.cases.models import Case, CaseEvent, CaseType
from backend.common.pagination import Page, decode_cursor, page_of
from backend.customers.models import Customer
from backend.disputes.models import DisputeMoneyEvent
from backend.errors import NotFound, ValidationFailed
from backend.fraud import queries as fraud_queries
from backend.history.schemas import (
    HISTORY_KINDS,
    AlertArrangement,
    AlertCase,
    AlertFreeze,
    CustomerAlerts,
    HistoryEntry,
    LastContact,
)
from backend.notes.models import ContactNote

HISTORY_CURSOR = "history"
# backend.customers.service.REVEAL_ACTION (which imports this module for `include=alerts`).
REVEAL_ACTION = "customer.reveal"
SYSTEM_NAME = "System"
# In the alert strip: every arrangement waiting for approval, and those in force with an ongoing
# obligation (a promise to pay, a hardship plan); a conversion, an extension or a waiver in force
# is done and shows in the account's own figures and in the Arrangements tab.
ONGOING_TYPES = tuple(t.value for t in CANCELLABLE_WHEN_ACTIVE)


def _require_customer(session: Session, customer_id: int) -> None:
    if session.get(Customer, customer_id) is None:
        raise NotFound(f"There is no customer {customer_id}.")


def parse_kinds(raw: str | None) -> tuple[str, ...]:
    """`note,case` → ("note", "case"); None → every kind; 422 for anything else."""
    if raw is None:
        return HISTORY_KINDS
    parts = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = sorted(parts - set(HISTORY_KINDS))
    if unknown or not parts:
        raise ValidationFailed(
            f"Cannot filter the history by: {', '.join(unknown) or 'nothing'}.",
            errors={"query.kind": [f"each must be one of: {', '.join(HISTORY_KINDS)}"]},
        )
    return tuple(kind for kind in HISTORY_KINDS if kind in parts)


def _account_ids(session: Session, customer_id: int) -> list[int]:
    return list(session.scalars(select(Account.id).where(Account.customer_id == customer_id)))


def _key_branches(customer_id: int, account_ids: list[int], kinds: Iterable[str]) -> list[Any]:
    def keyed(at: Any, kind: str, id_: Any) -> Any:
        return select(at.label("at"), literal(kind, String(16)).label("kind"), id_.label("id"))

    branches = {
        "note": lambda: keyed(ContactNote.created_at, "note", ContactNote.id).where(
            ContactNote.account_id.in_(account_ids)),
        "case": lambda: keyed(CaseEvent.at, "case", CaseEvent.id).join(Case, Case.id == CaseEvent.case_id).where(
            Case.account_id.in_(account_ids)),
        "arrangement": lambda: keyed(Arrangement.proposed_at, "arrangement", Arrangement.id).where(
            Arrangement.account_id.in_(account_ids)),
        "reveal": lambda: keyed(AuditRecord.at, "reveal", AuditRecord.id).where(
            AuditRecord.customer_id == customer_id, AuditRecord.action == REVEAL_ACTION),
        "money": lambda: keyed(DisputeMoneyEvent.at, "money", DisputeMoneyEvent.id).where(
            DisputeMoneyEvent.account_id.in_(account_ids)),
    }
    return [branches[kind]() for kind in kinds]


def _user_names(session: Session, user_ids: Iterable[int | None]) -> dict[int, str]:
    ids = {i for i in user_ids if i is not None}
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).tuples().all())


def _entries(session: Session, keys: Sequence[tuple[datetime, str, int]]) -> list[HistoryEntry]:
    """The history entries for `keys`, in their order: one statement per kind on the page."""
    by_kind: dict[str, list[int]] = {}
    for _at, kind, id_ in keys:
        by_kind.setdefault(kind, []).append(id_)
    found: dict[tuple[str, int], HistoryEntry] = {}
    if ids := by_kind.get("note"):
        for note in session.scalars(select(ContactNote).where(ContactNote.id.in_(ids))):
            found["note", note.id] = HistoryEntry(
                kind="note", id=note.id, at=note.created_at, account_id=note.account_id,
                actor_name=note.author_name, action=note.channel, text=note.body, status=None, amount_fen=None,
                case_id=None, case_type=None, arrangement_id=None)
    if ids := by_kind.get("case"):
        for step, case in session.execute(
            select(CaseEvent, Case).join(Case, Case.id == CaseEvent.case_id).where(CaseEvent.id.in_(ids))
        ).tuples():
            found["case", step.id] = HistoryEntry(
                kind="case", id=step.id, at=step.at, account_id=case.account_id, actor_name=step.actor_name,
                action=step.action, text=step.note, status=case.status,
                amount_fen=case.amount_fen if step.action == "opened" else None, case_id=case.id,
                case_type=case.type,
                arrangement_id=case.subject_id if case.type == CaseType.ARRANGEMENT.value else None)
    if ids := by_kind.get("arrangement"):
        for arrangement in session.scalars(select(Arrangement).where(Arrangement.id.in_(ids))):
            found["arrangement", arrangement.id] = HistoryEntry(
                kind="arrangement", id=arrangement.id, at=arrangement.proposed_at, account_id=arrangement.account_id,
                actor_name=arrangement.proposed_by_name, action=arrangement.type, text=arrangement.note,
                status=arrangement.status, amount_fen=arrangement.amount_fen, case_id=None, case_type=None,
                arrangement_id=arrangement.id)
    if ids := by_kind.get("reveal"):
        records = session.scalars(select(AuditRecord).where(AuditRecord.id.in_(ids))).all()
        names = _user_names(session, (r.actor_id for r in records))
        for record in records:
            after = record.after if isinstance(record.after, dict) else {}
            found["reveal", record.id] = HistoryEntry(
                kind="reveal", id=record.id, at=record.at, account_id=None,
                actor_name=names.get(record.actor_id or 0, SYSTEM_NAME), action=str(after.get("field", "")),
                text=after.get("reason"), status=None, amount_fen=None, case_id=None, case_type=None,
                arrangement_id=None)
    if ids := by_kind.get("money"):
        rows = session.execute(
            select(DisputeMoneyEvent, Case.id)
            .outerjoin(Case, (Case.type == CaseType.DISPUTE.value) & (Case.subject_id == DisputeMoneyEvent.dispute_id))
            .where(DisputeMoneyEvent.id.in_(ids))
        ).tuples().all()
        names = _user_names(session, (event.actor_id for event, _case_id in rows))
        for event, case_id in rows:
            found["money", event.id] = HistoryEntry(
                kind="money", id=event.id, at=event.at, account_id=event.account_id,
                actor_name=names.get(event.actor_id or 0, SYSTEM_NAME), action=event.kind, text=None, status=None,
                amount_fen=event.amount_fen, case_id=case_id, case_type=CaseType.DISPUTE.value if case_id else None,
                arrangement_id=None)
    return [found[kind, id_] for _at, kind, id_ in keys if (kind, id_) in found]


def customer_history(
    *, session: Session, customer_id: int, kinds: Sequence[str], limit: int, cursor: str | None
) -> Page[HistoryEntry]:
    """The customer's contact history of `kinds`, newest first (by time, then kind, then id)."""
    _require_customer(session, customer_id)
    account_ids = _account_ids(session, customer_id)
    union = union_all(*_key_branches(customer_id, account_ids, kinds)).subquery("history")
    query = select(union.c.at, union.c.kind, union.c.id)
    if cursor is not None:
        after = decode_cursor(cursor, HISTORY_CURSOR, (datetime, str, int))
        query = query.where(tuple_(union.c.at, union.c.kind, union.c.id) < after)
    query = query.order_by(union.c.at.desc(), union.c.kind.desc(), union.c.id.desc()).limit(limit + 1)
    keys = [(at, kind, id_) for at, kind, id_ in session.execute(query).tuples()]
    shown, next_cursor = page_of(keys, limit=limit, kind=HISTORY_CURSOR, key=lambda key: key)
    return Page[HistoryEntry](items=_entries(session, shown), next_cursor=next_cursor)


def customer_alerts(*, session: Session, customer_id: int) -> CustomerAlerts:
    """The alerts of the customer (404 when there is none); see `alerts_of`."""
    _require_customer(session, customer_id)
    accounts = session.scalars(select(Account).where(Account.customer_id == customer_id).order_by(Account.id)).all()
    return alerts_of(session=session, customer_id=customer_id, accounts=accounts)


# The alert strip's statements, built once: every customer open runs them.
_ACCOUNT_IDS: BindParameter[Any] = bindparam("account_ids", expanding=True)
_ALERT_ARRANGEMENTS = (
    select(Arrangement.id, Arrangement.account_id, Arrangement.type, Arrangement.status, Arrangement.amount_fen,
           Arrangement.terms, Arrangement.proposed_at, Arrangement.proposed_by_name)
    .where(Arrangement.account_id.in_(_ACCOUNT_IDS),
           (Arrangement.status == Status.PENDING_APPROVAL.value)
           | ((Arrangement.status == Status.ACTIVE.value) & Arrangement.type.in_(ONGOING_TYPES)))
    .order_by(Arrangement.proposed_at.desc(), Arrangement.id.desc())
)
_ALERT_CASES = (
    select(Case.id, Case.type, Case.subject_id, Case.account_id, Case.status, Case.amount_fen, Case.opened_at)
    .where(Case.account_id.in_(_ACCOUNT_IDS), Case.is_open == true(),
           Case.type.in_((CaseType.DISPUTE.value, CaseType.FRAUD_REPORT.value)))
    .order_by(Case.opened_at.desc(), Case.id.desc())
)
_LAST_CONTACT = (
    select(ContactNote.created_at, ContactNote.account_id, ContactNote.channel, ContactNote.author_name)
    .where(ContactNote.account_id.in_(_ACCOUNT_IDS))
    .order_by(ContactNote.created_at.desc(), ContactNote.id.desc()).limit(1)
)


def alerts_of(*, session: Session, customer_id: int, accounts: Sequence[Account]) -> CustomerAlerts:
    """Live and waiting arrangements, open disputes and fraud reports with their amounts, frozen
    accounts and the reports that hold them, and the last contact note, over `accounts` (the
    customer's): at most four statements (three unless an account is frozen)."""
    ids = {"account_ids": [a.id for a in accounts]}
    # Plain rows on the session's connection: every customer open runs these (docs/load.md).
    reader = session.connection()
    arrangements = reader.execute(_ALERT_ARRANGEMENTS, ids).all()
    cases = reader.execute(_ALERT_CASES, ids).all()
    frozen = [a for a in accounts if a.status == "frozen"]
    holders = fraud_queries.reports_holding_freeze(session, [a.id for a in frozen])
    last = reader.execute(_LAST_CONTACT, ids).first()
    return CustomerAlerts(
        customer_id=customer_id,
        arrangements=[
            AlertArrangement(
                id=a.id, account_id=a.account_id, type=a.type, status=a.status,
                amount_fen=a.amount_fen, promised_date=a.terms.get("promised_date"), months=a.terms.get("months"),
                proposed_at=a.proposed_at, proposed_by_name=a.proposed_by_name)
            for a in arrangements
        ],
        open_cases=[
            AlertCase(case_id=c.id, type=c.type, subject_id=c.subject_id,
                      account_id=c.account_id, status=c.status, amount_fen=c.amount_fen, opened_at=c.opened_at)
            for c in cases
        ],
        freezes=[AlertFreeze(account_id=a.id, account_number=a.account_number, fraud_report_ids=holders.get(a.id, []))
                 for a in frozen],
        last_contact=LastContact(at=last.created_at, account_id=last.account_id, channel=last.channel,
                                 author_name=last.author_name) if last is not None else None,
    )
