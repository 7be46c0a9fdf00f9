"""Cases: opening them for disputes, fraud reports and approvals, changing them with a timeline
entry, and the SLA clock. Other domains call `open_case`, `change_case` and `close_case` in
their own transaction; the queue views, assignment and stats are here too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit.service import record_audit, to_json_value
from backend.cases.models import QUEUE_OF_TYPE, Case, CaseEvent, CaseType, Priority
from backend.cases.sla import SlaState, resume_deadline, sla_state
from backend.common.context import RequestContext
from backend.errors import NotFound

# Fields whose changes go on the timeline and into the audit record.
TRACKED_FIELDS = ("status", "queue", "priority", "assignee_id", "due_at", "paused_since", "closed_at", "amount_fen")


def case_sla_state(case: Case, now: datetime) -> SlaState:
    if not case.is_open:
        return SlaState.ON_TRACK
    return sla_state(now=now, started_at=case.sla_started_at, due_at=case.due_at, paused_since=case.paused_since)


def _snapshot(case: Case) -> dict[str, Any]:
    return {name: getattr(case, name) for name in TRACKED_FIELDS}


def _diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    changed = [name for name in TRACKED_FIELDS if before[name] != after[name]]
    return {n: before[n] for n in changed}, {n: after[n] for n in changed}


def add_case_event(
    *,
    session: Session,
    case: Case,
    ctx: RequestContext | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    """Append one timeline entry; `ctx` None means the system (end of day)."""
    event = CaseEvent(
        case_id=case.id,
        at=at or (ctx.clock.now() if ctx else case.opened_at),
        actor_id=ctx.user.id if ctx else None,
        actor_name=ctx.user.display_name if ctx else "System",
        actor_role=ctx.user.role if ctx else "system",
        action=action,
        before=to_json_value(before) if before else None,
        after=to_json_value(after) if after else None,
        note=note,
    )
    session.add(event)
    return event


def open_case(
    *,
    session: Session,
    case_type: CaseType,
    subject_id: int,
    account_id: int,
    customer_id: int,
    status: str,
    summary: str,
    due_at: datetime | None,
    summary_code: str | None = None,
    summary_params: dict[str, Any] | None = None,
    ctx: RequestContext,
    priority: Priority = Priority.NORMAL,
    amount_fen: int = 0,
    note: str | None = None,
) -> Case:
    """Open the case for a new dispute, fraud report or arrangement awaiting approval.

    The SLA window starts now and ends at `due_at`. Records the `opened` timeline entry and
    the `case.open` audit record."""
    now = ctx.clock.now()
    case = Case(
        type=case_type.value,
        subject_id=subject_id,
        account_id=account_id,
        customer_id=customer_id,
        status=status,
        is_open=True,
        queue=QUEUE_OF_TYPE[case_type].value,
        priority=priority.value,
        assignee_id=None,
        summary=summary[:200],
        summary_code=summary_code,
        summary_params=summary_params,
        amount_fen=amount_fen,
        opened_by=ctx.user.id,
        opened_at=now,
        sla_started_at=now,
        due_at=due_at,
        paused_since=None,
        closed_at=None,
        version=1,
    )
    session.add(case)
    session.flush()
    after = _snapshot(case)
    add_case_event(session=session, case=case, ctx=ctx, action="opened", after=after, note=note, at=now)
    record_audit(
        session=session,
        ctx=ctx,
        action="case.open",
        entity_type="case",
        entity_id=case.id,
        after={"type": case.type, "subject_id": subject_id, **after},
        customer_id=customer_id,
    )
    return case


def case_of(*, session: Session, case_type: CaseType, subject_id: int, for_update: bool = False) -> Case:
    query = select(Case).where(Case.type == case_type.value, Case.subject_id == subject_id)
    if for_update:
        query = query.with_for_update()
    case = session.scalars(query.execution_options(populate_existing=True)).one_or_none()
    if case is None:
        raise NotFound(f"There is no case for {case_type.value} {subject_id}.")
    return case


def change_case(
    *,
    session: Session,
    case: Case,
    ctx: RequestContext | None,
    action: str,
    note: str | None = None,
    now: datetime | None = None,
    version_claimed: bool = False,
    **changes: Any,
) -> Case:
    """Apply `changes` (any of TRACKED_FIELDS, plus `sla_started_at`) to the case, bump its
    version, and record the timeline entry and audit record with the fields before → after.

    Special keys: `pause=True` pauses the SLA clock, `pause=False` resumes it (the deadline
    moves back by the pause); `close=True` closes the case (no deadline any more).
    `ctx` None means the system (end of day); then pass `now`. `version_claimed=True`: the
    caller already bumped the version with `claim_version` (If-Match), so it is not bumped again.
    """
    at = now or (ctx.clock.now() if ctx else None)
    if at is None:
        raise ValueError("change_case without a request context needs `now`")
    before = _snapshot(case)
    pause = changes.pop("pause", None)
    close = changes.pop("close", False)
    for name, value in changes.items():
        if name not in TRACKED_FIELDS and name != "sla_started_at":
            raise ValueError(f"not a case field: {name}")
        setattr(case, name, value)
    if pause is True and case.paused_since is None:
        case.paused_since = at
    elif pause is False and case.paused_since is not None:
        if case.due_at is not None:
            case.due_at = resume_deadline(case.due_at, case.paused_since, at)
        # The window's start moves too, so the paused time counts as neither used nor allowed
        # and "at risk" stays at 80% of the time actually worked.
        case.sla_started_at = resume_deadline(case.sla_started_at, case.paused_since, at)
        case.paused_since = None
    if close:
        case.is_open = False
        case.closed_at = at
        case.paused_since = None
        case.due_at = None  # no deadline any more: a closed case sorts after the open ones
    if not version_claimed:
        case.version += 1
    session.flush()
    old, new = _diff(before, _snapshot(case))
    add_case_event(session=session, case=case, ctx=ctx, action=action, before=old, after=new, note=note, at=at)
    record_audit(
        session=session,
        ctx=ctx,
        at=at,
        action=f"case.{action}",
        entity_type="case",
        entity_id=case.id,
        before=old,
        after=new,
        customer_id=case.customer_id,
    )
    return case
