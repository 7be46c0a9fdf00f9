"""Reading the audit trail: newest first, filtered, paged by a keyset cursor.

Reading the trail is not itself audited: it reveals no personal data beyond what the reader's
role already sees, and an audit read that wrote audit records would grow the chain with every
page a supervisor scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, false, select, tuple_
from sqlalchemy.orm import Session

from backend.audit.models import AuditRecord
from backend.audit.schemas import AuditRecordOut
from backend.auth.models import User
from backend.clock import start_of_business_day
from backend.common.pagination import Page, decode_cursor, page_of
from backend.errors import ValidationFailed
from backend.settings import Policy

AUDIT_CURSOR = "audit"


@dataclass(frozen=True)
class AuditFilters:
    entity_type: str | None = None
    entity_id: str | None = None
    # a user id (digits) or a username
    actor: str | None = None
    # an exact action, or a prefix written `case.*`
    action: str | None = None
    customer_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


def _conditions(session: Session, filters: AuditFilters) -> list[ColumnElement[bool]]:
    if filters.date_from is not None and filters.date_to is not None and filters.date_from > filters.date_to:
        raise ValidationFailed("'from' is after 'to'.", errors={"query.from": ["must not be after 'to'"]})
    conditions: list[ColumnElement[bool]] = []
    if filters.entity_type is not None:
        conditions.append(AuditRecord.entity_type == filters.entity_type)
    if filters.entity_id is not None:
        conditions.append(AuditRecord.entity_id == filters.entity_id)
    if filters.actor is not None:
        if filters.actor.isdigit():
            conditions.append(AuditRecord.actor_id == int(filters.actor))
        else:
            actor_id = session.scalar(select(User.id).where(User.username == filters.actor))
            conditions.append(AuditRecord.actor_id == actor_id if actor_id is not None else false())
    if filters.action is not None:
        if filters.action.endswith(".*"):
            prefix = filters.action[:-1]  # keeps the dot: `case.*` matches `case.assigned`, not `cases`
            conditions.append(AuditRecord.action.startswith(prefix, autoescape=True))
        else:
            conditions.append(AuditRecord.action == filters.action)
    if filters.customer_id is not None:
        conditions.append(AuditRecord.customer_id == filters.customer_id)
    start = _day_start(filters.date_from) if filters.date_from is not None else None
    if start is not None:
        conditions.append(AuditRecord.at >= start)
    end = _day_start(filters.date_to, days_later=1) if filters.date_to is not None else None
    if end is not None:
        conditions.append(AuditRecord.at < end)
    return conditions


def _day_start(day: date, *, days_later: int = 0) -> datetime | None:
    """00:00 Shanghai of `day` + `days_later`, in UTC; None at the ends of the calendar (year 1
    in Shanghai is still year 0 in UTC, and 9999-12-31 has no next day), where the bound
    excludes nothing anyway."""
    try:
        return start_of_business_day(day + timedelta(days=days_later))
    except OverflowError:
        return None


# What an admin reads of a record's before/after: who did what, not the customer's data
# (DESIGN: "the audit trail shows admins who did what"). Values of any other field (note bodies,
# descriptions, reasons, names, phone and ID numbers, amounts and balances) are withheld.
ADMIN_VISIBLE_FIELDS = frozenset({
    "status", "state", "queue", "priority", "assignee_id", "version", "sla_state", "type", "category",
    "outcome", "field", "role", "username", "display_name", "active", "locked_until", "opened_at", "due_at",
    "closed_at", "decided_by", "decided_at", "proposed_by", "activated_on", "resolved_on", "plan_id",
    "bill_id", "case_id", "dispute_id", "report_id", "arrangement_id", "transaction_id", "account_id",
    "customer_id", "holds_freeze", "extended_days", "subject_id", "action",
    # The service's own settings, which admins run: policy changes and user changes.
    "limit", "old_value", "new_value", "must_change_password",
    *(limit.name for limit in dataclass_fields(Policy)),
})
WITHHELD = "[withheld]"


def for_admin(document: Any) -> Any:
    """`document` (a record's before/after) with the values of customer-data fields withheld."""
    if not isinstance(document, dict):
        return None if document is None else WITHHELD
    return {key: value if key in ADMIN_VISIBLE_FIELDS else WITHHELD for key, value in document.items()}


def list_audit_records(
    *, session: Session, filters: AuditFilters, limit: int, cursor: str | None, withhold_customer_data: bool = False
) -> Page[AuditRecordOut]:
    """Audit records matching `filters`, newest first by (at, id); `from`/`to` are business dates
    (Asia/Shanghai), inclusive. `withhold_customer_data` (admins): see `for_admin`."""
    shown = for_admin if withhold_customer_data else (lambda document: document)
    query = (
        select(AuditRecord, User.display_name)
        .outerjoin(User, User.id == AuditRecord.actor_id)
        .where(*_conditions(session, filters))
    )
    if cursor is not None:
        at, record_id = decode_cursor(cursor, AUDIT_CURSOR, (datetime, int))
        query = query.where(tuple_(AuditRecord.at, AuditRecord.id) < (at, record_id))
    query = query.order_by(AuditRecord.at.desc(), AuditRecord.id.desc()).limit(limit + 1)
    rows, next_cursor = page_of(
        session.execute(query).all(), limit=limit, kind=AUDIT_CURSOR, key=lambda row: (row[0].at, row[0].id)
    )
    return Page[AuditRecordOut](
        items=[
            AuditRecordOut(
                id=record.id,
                at=record.at,
                actor_id=record.actor_id,
                actor_name=actor_name,
                actor_role=record.actor_role,
                action=record.action,
                entity_type=record.entity_type,
                entity_id=record.entity_id,
                customer_id=record.customer_id,
                before=shown(record.before),
                after=shown(record.after),
                request_id=record.request_id,
                idempotency_key=record.idempotency_key,
                prev_hash=record.prev_hash,
                hash=record.hash,
            )
            for record, actor_name in rows
        ],
        next_cursor=next_cursor,
    )
