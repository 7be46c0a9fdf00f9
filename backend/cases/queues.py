"""The case queues: who sees which case, the unified list with its filters and keyset cursor, one
case with its timeline, assignment, take-next, bulk-assign and the queue stats.

Visibility (DESIGN.md §3 Roles): an agent sees the cases they opened or are assigned; a dispute
handler those plus every case in the disputes and fraud queues; a supervisor all; an admin none
(the routes refuse admins before anything runs). A case the caller may not see is 404, as if it
did not exist, so ids cannot be probed.

The SLA state is computed from the business clock, never stored; to filter and count by it the
same rule as `backend.cases.sla.sla_state` is written as one SQL expression (`sla_state_sql`),
so a filtered list and the stats agree with the `sla_state` each case shows.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    and_,
    case,
    false,
    func,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from backend.accounts.models import Account
from backend.auth.models import Role, User
from backend.cases.models import QUEUES, Case, CaseEvent, CaseType, Queue
from backend.cases.schemas import (
    AgeingBucket,
    AssigneeList,
    AssigneeOut,
    BulkAssignOut,
    CaseDetail,
    CaseEventOut,
    CaseOut,
    CaseStats,
    QueueStats,
)
from backend.cases.service import case_sla_state, change_case
from backend.cases.sla import AT_RISK_DENOMINATOR, AT_RISK_NUMERATOR, SLA_STATES, SlaState
from backend.common.concurrency import claim_version
from backend.common.context import RequestContext
from backend.common.pagination import InvalidCursor, Page, decode_cursor, page_of
from backend.customers.models import Customer
from backend.errors import Conflict, Forbidden, NotFound, ValidationFailed

CASES_CURSOR = "cases"
CASE_ETAG_KIND = "case"
TAKE_NEXT_BATCH = 10
TAKE_NEXT_ATTEMPTS = 5

# Which roles work which queue: they may be assigned its cases and take them.
SERVING_ROLES: dict[str, tuple[str, ...]] = {
    Queue.DISPUTES.value: (Role.DISPUTE_HANDLER.value, Role.SUPERVISOR.value),
    Queue.FRAUD.value: (Role.DISPUTE_HANDLER.value, Role.SUPERVISOR.value),
    Queue.APPROVALS.value: (Role.SUPERVISOR.value,),
}
SUBJECT_PATHS = {
    CaseType.DISPUTE.value: "/v1/disputes",
    CaseType.FRAUD_REPORT.value: "/v1/fraud-reports",
    CaseType.ARRANGEMENT.value: "/v1/arrangements",
}
PENDING_APPROVAL = "pending_approval"

# Ageing of open cases by time since opened: [min_days, max_days), the last one open-ended.
AGEING_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0-1d", 0, 1),
    ("1-3d", 1, 3),
    ("3-7d", 3, 7),
    ("7-15d", 7, 15),
    ("15-30d", 15, 30),
    ("30d+", 30, None),
)


class CaseClosed(Conflict):
    code = "case_closed"
    title = "The case is closed"


class AlreadyAssigned(Conflict):
    code = "already_assigned"
    title = "The case already has this assignee"


class InvalidAssignee(ValidationFailed):
    code = "invalid_assignee"
    title = "This user cannot work the case"


class QueueEmpty(NotFound):
    code = "queue_empty"
    title = "Nothing to take"


# --- who serves and sees what ------------------------------------------------------------


def queues_served(role: str) -> tuple[str, ...]:
    """The queues whose cases `role` works (is assigned, takes next)."""
    return tuple(queue for queue in QUEUES if role in SERVING_ROLES[queue])


def visible_to(user: User) -> ColumnElement[bool]:
    """A WHERE condition: the cases `user` may see."""
    if user.role == Role.SUPERVISOR:
        return true()
    own = or_(Case.opened_by == user.id, Case.assignee_id == user.id)
    if user.role == Role.DISPUTE_HANDLER:
        return or_(own, Case.queue.in_(queues_served(user.role)))
    if user.role == Role.AGENT:
        return own
    return false()


# --- the SLA state and age in SQL ---------------------------------------------------------


class epoch_microseconds(FunctionElement[int]):  # noqa: N801 - a SQL function, named like one
    """Microseconds since 1970 of a UTC timestamp column, as an exact integer."""

    type = BigInteger()
    inherit_cache = True
    name = "epoch_microseconds"


@compiles(epoch_microseconds, "postgresql")
def _epoch_microseconds_postgresql(element: epoch_microseconds, compiler: SQLCompiler, **kw: Any) -> str:
    # EXTRACT gives an exact numeric on PostgreSQL 14+.
    column = compiler.process(element.clauses, **kw)
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {column}) * 1000000) AS BIGINT)"


@compiles(epoch_microseconds, "sqlite")
def _epoch_microseconds_sqlite(element: epoch_microseconds, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLAlchemy stores a timestamp as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC): whole seconds from the
    # first 19 characters, microseconds from the last 6, so nothing goes through a float.
    column = compiler.process(element.clauses, **kw)
    return (
        f"(CAST(strftime('%s', substr({column}, 1, 19)) AS INTEGER) * 1000000"
        f" + CAST(substr({column}, 21, 6) AS INTEGER))"
    )


def _epoch_us(moment: datetime) -> int:
    delta = moment.astimezone(timezone.utc) - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def sla_state_sql(now: datetime) -> ColumnElement[str]:
    """`case_sla_state` as a SQL CASE expression, exactly: whole seconds used and allowed,
    truncated as Python's `int()` truncates, at risk from `used * 5 >= allowed * 4`."""
    started = epoch_microseconds(Case.sla_started_at)
    # Integer division truncates toward zero on both databases, like int() of total_seconds().
    used = (literal(_epoch_us(now), BigInteger) - started) // 1_000_000
    allowed = (epoch_microseconds(Case.due_at) - started) // 1_000_000
    return case(
        (Case.is_open == false(), literal(SlaState.ON_TRACK.value)),
        (Case.paused_since.is_not(None), literal(SlaState.PAUSED.value)),
        (Case.due_at.is_(None), literal(SlaState.ON_TRACK.value)),
        (Case.due_at < now, literal(SlaState.BREACHED.value)),
        (
            or_(allowed <= 0, used * AT_RISK_DENOMINATOR >= allowed * AT_RISK_NUMERATOR),
            literal(SlaState.AT_RISK.value),
        ),
        else_=literal(SlaState.ON_TRACK.value),
    )


def age_bucket_sql(now: datetime) -> ColumnElement[str]:
    """The `AGEING_BUCKETS` label of a case's age (now − opened_at) as a SQL CASE expression."""
    whens = [
        (Case.opened_at > now - timedelta(days=max_days), literal(label))
        for label, _min_days, max_days in AGEING_BUCKETS
        if max_days is not None
    ]
    return case(*whens, else_=literal(AGEING_BUCKETS[-1][0]))


def seconds_to_due(case_row: Case, now: datetime) -> int | None:
    """Whole seconds to the deadline (floor, so a breach is negative); None when paused or closed."""
    if not case_row.is_open or case_row.paused_since is not None or case_row.due_at is None:
        return None
    return math.floor((case_row.due_at - now).total_seconds())


# --- reading ------------------------------------------------------------------------------


def case_out(
    case_row: Case, assignee_name: str | None, now: datetime, customer_name: str = "", account_number: str = ""
) -> CaseOut:
    return CaseOut(
        id=case_row.id,
        type=case_row.type,  # type: ignore[arg-type]
        subject_id=case_row.subject_id,
        subject_url=f"{SUBJECT_PATHS[case_row.type]}/{case_row.subject_id}",
        account_id=case_row.account_id,
        customer_id=case_row.customer_id,
        customer_name=customer_name,
        account_number=account_number,
        status=case_row.status,
        is_open=case_row.is_open,
        queue=case_row.queue,  # type: ignore[arg-type]
        priority=case_row.priority,  # type: ignore[arg-type]
        assignee_id=case_row.assignee_id,
        assignee_name=assignee_name,
        summary=case_row.summary,
        summary_code=case_row.summary_code,
        summary_params=case_row.summary_params,
        amount_fen=case_row.amount_fen,
        opened_by=case_row.opened_by,
        opened_at=case_row.opened_at,
        due_at=case_row.due_at,
        paused_since=case_row.paused_since,
        closed_at=case_row.closed_at,
        sla_state=case_sla_state(case_row, now).value,
        seconds_to_due=seconds_to_due(case_row, now),
        version=case_row.version,
    )


@dataclass(frozen=True)
class CaseFilters:
    """What the list is narrowed to; each tuple is "any of", empty for no filter."""

    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    queues: tuple[str, ...] = ()
    # "me", "none" or a user id
    assignee: str | None = None
    sla_states: tuple[str, ...] = ()
    account_id: int | None = None
    customer_id: int | None = None
    is_open: bool | None = None


def comma_values(raw: str | None) -> tuple[str, ...]:
    """`"a, b,a"` → `("a", "b")`: the distinct values of a comma list, in order."""
    if raw is None:
        return ()
    return tuple(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))


def _with_assignee_name(query: Select[Any]) -> Select[Any]:
    return query.outerjoin(User, User.id == Case.assignee_id)


def _filtered(filters: CaseFilters, user: User, now: datetime) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [visible_to(user)]
    if filters.types:
        conditions.append(Case.type.in_(filters.types))
    if filters.statuses:
        conditions.append(Case.status.in_(filters.statuses))
    if filters.queues:
        conditions.append(Case.queue.in_(filters.queues))
    if filters.assignee == "me":
        conditions.append(Case.assignee_id == user.id)
    elif filters.assignee == "none":
        conditions.append(Case.assignee_id.is_(None))
    elif filters.assignee is not None:
        conditions.append(Case.assignee_id == int(filters.assignee))
    if filters.sla_states and set(filters.sla_states) != set(SLA_STATES):
        conditions.append(sla_state_sql(now).in_(filters.sla_states))
    if filters.account_id is not None:
        conditions.append(Case.account_id == filters.account_id)
    if filters.customer_id is not None:
        conditions.append(Case.customer_id == filters.customer_id)
    if filters.is_open is not None:
        conditions.append(Case.is_open == (true() if filters.is_open else false()))
    return conditions


def _decode_cases_cursor(cursor: str) -> tuple[datetime | None, int]:
    due_text, case_id = decode_cursor(cursor, CASES_CURSOR, (str, int))
    if due_text == "":
        return None, case_id
    try:
        due = datetime.fromisoformat(due_text)
    except ValueError:
        due = None
    if due is None or due.tzinfo is None:
        raise InvalidCursor(
            "The cursor is not one this list handed out. Start again without a cursor.",
            errors={"query.cursor": ["not a valid cursor for this list"]},
        )
    return due.astimezone(timezone.utc), case_id


def list_cases(
    *, session: Session, user: User, filters: CaseFilters, now: datetime, limit: int, cursor: str | None
) -> Page[CaseOut]:
    """The cases `user` can see that match `filters`, by deadline (`due_at`, no deadline last)
    then id, one page of `limit`."""
    query = (
        _with_assignee_name(select(Case, User.display_name, Customer.name, Account.account_number))
        .join(Customer, Customer.id == Case.customer_id)
        .join(Account, Account.id == Case.account_id)
        .where(*_filtered(filters, user, now))
    )
    if cursor is not None:
        due, after_id = _decode_cases_cursor(cursor)
        if due is None:
            query = query.where(Case.due_at.is_(None), Case.id > after_id)
        else:
            query = query.where(
                or_(
                    Case.due_at > due,
                    and_(Case.due_at == due, Case.id > after_id),
                    Case.due_at.is_(None),
                )
            )
    query = query.order_by(Case.due_at.asc().nulls_last(), Case.id.asc()).limit(limit + 1)
    rows = session.execute(query).all()
    shown, next_cursor = page_of(
        rows, limit=limit, kind=CASES_CURSOR, key=lambda row: (row[0].due_at or "", row[0].id)
    )
    return Page[CaseOut](items=[case_out(row[0], row[1], now, row[2], row[3]) for row in shown], next_cursor=next_cursor)


def _names_of(session: Session, cases: Sequence[Case]) -> dict[int, tuple[str, str]]:
    """case id → (customer's name, account number), in one query."""
    rows = session.execute(
        select(Case.id, Customer.name, Account.account_number)
        .join(Customer, Customer.id == Case.customer_id)
        .join(Account, Account.id == Case.account_id)
        .where(Case.id.in_([case.id for case in cases]))
    ).tuples()
    return {case_id: (name, number) for case_id, name, number in rows}


def visible_case(*, session: Session, user: User, case_id: int) -> Case:
    """The case, if `user` may see it; 404 otherwise (whether or not it exists)."""
    found = session.scalars(
        select(Case).where(Case.id == case_id, visible_to(user)).execution_options(populate_existing=True)
    ).one_or_none()
    if found is None:
        raise NotFound(f"There is no case {case_id} you can see.")
    return found


def require_subject_visible(*, session: Session, user: User, case_type: str, subject_id: int, noun: str) -> None:
    """404 (as for a missing one) when the dispute or fraud report `subject_id` has a case that
    `user` may not see: a case's subject is shown to exactly those who may see the case."""
    of_subject = (Case.type == case_type, Case.subject_id == subject_id)
    if session.scalar(select(Case.id).where(*of_subject).limit(1)) is None:
        return
    if session.scalar(select(Case.id).where(*of_subject, visible_to(user)).limit(1)) is None:
        raise NotFound(f"There is no {noun} {subject_id}.")


def allowed_case_actions(case_row: Case, user: User) -> list[str]:
    """What `user` may do to the case itself through `POST /v1/cases/{id}/assign`."""
    if not case_row.is_open or user.role not in SERVING_ROLES[case_row.queue]:
        return []
    actions: list[str] = []
    if case_row.assignee_id is None:
        actions.append("take")
    elif case_row.assignee_id == user.id:
        actions.append("release")
    if user.role == Role.SUPERVISOR:
        actions.append("assign")
    return actions


def case_detail(*, session: Session, user: User, case_row: Case, now: datetime) -> CaseDetail:
    """The case with its timeline (oldest first) and the caller's allowed actions."""
    assignee_name = (
        session.scalar(select(User.display_name).where(User.id == case_row.assignee_id))
        if case_row.assignee_id is not None
        else None
    )
    customer_name, account_number = _names_of(session, [case_row])[case_row.id]
    events = session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case_row.id).order_by(CaseEvent.id)
    ).all()
    return CaseDetail(
        **case_out(case_row, assignee_name, now, customer_name, account_number).model_dump(),
        timeline=[
            CaseEventOut(
                id=event.id,
                at=event.at,
                actor_id=event.actor_id,
                actor_name=event.actor_name,
                actor_role=event.actor_role,
                action=event.action,
                before=event.before,
                after=event.after,
                note=event.note,
            )
            for event in events
        ],
        allowed_actions=allowed_case_actions(case_row, user),  # type: ignore[arg-type]
    )


# --- assigning ----------------------------------------------------------------------------


def eligible_assignee(*, session: Session, assignee_id: int, queues: Iterable[str]) -> User:
    """The active user `assignee_id` if their role works every one of `queues`; 422 otherwise."""
    assignee = session.get(User, assignee_id)
    if assignee is None or not assignee.active:
        raise InvalidAssignee(
            f"There is no active user {assignee_id}.", errors={"body.assignee_id": ["no such active user"]}
        )
    unserved = sorted({queue for queue in queues if assignee.role not in SERVING_ROLES[queue]})
    if unserved:
        raise InvalidAssignee(
            f"{assignee.display_name} ({assignee.role}) does not work the {', '.join(unserved)} queue.",
            errors={"body.assignee_id": [f"must be a user who works the {', '.join(unserved)} queue"]},
        )
    return assignee


def _check_handler_assignment(case_row: Case, user: User, assignee_id: int | None) -> None:
    """A dispute handler takes cases of their queues for themselves and releases their own;
    reassigning anyone else's case is a supervisor's call."""
    if case_row.queue not in queues_served(user.role):
        raise Forbidden("Only a supervisor assigns cases in this queue.")
    if assignee_id is not None and assignee_id != user.id:
        raise Forbidden(
            "You may assign a case only to yourself. Ask a supervisor to assign it to someone else."
        )
    if case_row.assignee_id not in (None, user.id):
        raise Forbidden("This case is assigned to someone else. Ask a supervisor to reassign it.")


def assign_case(
    *,
    session: Session,
    ctx: RequestContext,
    case_id: int,
    if_match: str | None,
    assignee_id: int | None,
    note: str | None = None,
) -> Case:
    """Assign the case to `assignee_id` (None: unassign), guarded by `If-Match`.

    Supervisors assign anyone who works the case's queue; dispute handlers only take a case of
    the disputes or fraud queue for themselves or release their own. 404 for a case the caller
    cannot see, 412 stale, 409 `case_closed` / `already_assigned`, 422 `invalid_assignee`."""
    user = ctx.user
    if user.role not in (Role.DISPUTE_HANDLER, Role.SUPERVISOR):
        raise Forbidden(f"Your role ({user.role}) may not assign cases.")
    visible_case(session=session, user=user, case_id=case_id)
    claim_version(session=session, model=Case, kind=CASE_ETAG_KIND, entity_id=case_id, if_match=if_match)
    case_row = session.get(Case, case_id, populate_existing=True)
    assert case_row is not None  # the claim found it
    if not case_row.is_open:
        raise CaseClosed(f"Case {case_id} is closed; it cannot be assigned.")
    if user.role == Role.DISPUTE_HANDLER:
        _check_handler_assignment(case_row, user, assignee_id)
    if assignee_id == case_row.assignee_id:
        raise AlreadyAssigned(
            "The case is already unassigned."
            if assignee_id is None
            else "The case is already assigned to this user."
        )
    if assignee_id is not None:
        eligible_assignee(session=session, assignee_id=assignee_id, queues=[case_row.queue])
    return change_case(
        session=session,
        case=case_row,
        ctx=ctx,
        action="assigned" if assignee_id is not None else "unassigned",
        note=note,
        version_claimed=True,
        assignee_id=assignee_id,
    )


def take_next_case(*, session: Session, ctx: RequestContext, queue: str | None) -> Case:
    """Assign to the caller the open unassigned case due first in `queue` (default: every queue
    they serve), and return it. 404 `queue_empty` when there is none.

    Two callers at once never get the same case: the take is a conditional UPDATE (`... WHERE
    assignee_id IS NULL`) that only one of them can win; the loser moves on to the next case.
    On PostgreSQL the candidates are read `FOR UPDATE SKIP LOCKED`, so callers do not even queue
    behind one another."""
    user = ctx.user
    served = queues_served(user.role)
    if queue is not None and queue not in served:
        raise Forbidden(f"Your role ({user.role}) does not work the {queue} queue.")
    queues = (queue,) if queue is not None else served
    if not queues:
        raise Forbidden(f"Your role ({user.role}) does not work any queue.")
    postgresql = session.get_bind().dialect.name == "postgresql"
    for _attempt in range(TAKE_NEXT_ATTEMPTS):
        candidates = (
            select(Case.id)
            .where(Case.is_open == true(), Case.assignee_id.is_(None), Case.queue.in_(queues))
            .order_by(Case.due_at.asc().nulls_last(), Case.id.asc())
        )
        if postgresql:
            candidates = candidates.limit(1).with_for_update(skip_locked=True)
        else:
            candidates = candidates.limit(TAKE_NEXT_BATCH)
        ids = session.scalars(candidates).all()
        if not ids:
            break
        for case_id in ids:
            claimed = session.execute(
                update(Case)
                .where(Case.id == case_id, Case.is_open == true(), Case.assignee_id.is_(None))
                .values(version=Case.version + 1)
                .execution_options(synchronize_session=False)
            )
            if claimed.rowcount == 1:  # type: ignore[attr-defined]
                case_row = session.get(Case, case_id, populate_existing=True)
                assert case_row is not None
                return change_case(
                    session=session,
                    case=case_row,
                    ctx=ctx,
                    action="taken",
                    version_claimed=True,
                    assignee_id=user.id,
                )
    raise QueueEmpty(f"No open unassigned case waits in the {' or '.join(queues)} queue.")


def bulk_assign(
    *,
    session: Session,
    ctx: RequestContext,
    case_ids: Sequence[int],
    assignee_id: int | None,
    note: str | None = None,
) -> BulkAssignOut:
    """Assign every case in `case_ids` to `assignee_id` (None: unassign), all or nothing.

    Any id that does not exist (404), any closed case (409 `case_closed`), or an assignee who
    does not work one of the cases' queues (422 `invalid_assignee`) fails the whole request and
    changes nothing; the problem names the cases. Cases that already have the assignee are left
    as they are; every other case gets a new version and an `assigned` timeline entry. No
    If-Match: a supervisor's bulk reassignment overrides, and bumps the version, so a handler's
    concurrent change with an older ETag gets 412."""
    if len(set(case_ids)) != len(case_ids):
        raise ValidationFailed(
            "Each case may be listed once.", errors={"body.case_ids": ["must not repeat an id"]}
        )
    locking = select(Case).where(Case.id.in_(case_ids)).order_by(Case.id)
    if session.get_bind().dialect.name == "sqlite":
        # Take SQLite's write lock before reading, so what we read is what we overwrite.
        session.execute(
            update(Case)
            .where(Case.id.in_(case_ids))
            .values(version=Case.version)
            .execution_options(synchronize_session=False)
        )
    else:
        locking = locking.with_for_update()  # in id order, so two bulk assigns cannot deadlock
    cases = {c.id: c for c in session.scalars(locking.execution_options(populate_existing=True))}
    missing = [case_id for case_id in case_ids if case_id not in cases]
    if missing:
        raise NotFound(
            f"There is no case {', '.join(map(str, missing))}.",
            errors={"body.case_ids": [f"no such case: {', '.join(map(str, missing))}"]},
        )
    closed = [case_id for case_id in case_ids if not cases[case_id].is_open]
    if closed:
        raise CaseClosed(
            f"Closed cases cannot be assigned: {', '.join(map(str, closed))}.",
            errors={"body.case_ids": [f"closed: {', '.join(map(str, closed))}"]},
        )
    if assignee_id is not None:
        eligible_assignee(session=session, assignee_id=assignee_id, queues={c.queue for c in cases.values()})
    changed: list[int] = []
    unchanged: list[int] = []
    for case_id in case_ids:
        case_row = cases[case_id]
        if case_row.assignee_id == assignee_id:
            unchanged.append(case_id)
            continue
        change_case(
            session=session,
            case=case_row,
            ctx=ctx,
            action="assigned" if assignee_id is not None else "unassigned",
            note=note,
            assignee_id=assignee_id,
        )
        changed.append(case_id)
    names = dict(
        session.execute(select(User.id, User.display_name).where(User.id == assignee_id)).tuples().all()
    )
    shown_as = _names_of(session, list(cases.values()))
    now = ctx.clock.now()
    return BulkAssignOut(
        assignee_id=assignee_id,
        changed_ids=changed,
        unchanged_ids=unchanged,
        items=[
            case_out(cases[i], names.get(assignee_id or 0), now, *shown_as[i])
            for i in case_ids
        ],
    )


def assignees(*, session: Session, queues: Sequence[str]) -> AssigneeList:
    """The active users who work every one of `queues` (default: any queue), each with the number
    of open cases they hold, by display name then id: whom a supervisor can assign cases to."""
    wanted = tuple(dict.fromkeys(queues))
    if wanted:
        roles = set(SERVING_ROLES[wanted[0]]).intersection(*(SERVING_ROLES[queue] for queue in wanted[1:]))
    else:
        wanted, roles = QUEUES, {role for queue in QUEUES for role in SERVING_ROLES[queue]}
    held = (
        select(Case.assignee_id.label("user_id"), func.count().label("n"))
        .where(Case.is_open == true(), Case.assignee_id.is_not(None))
        .group_by(Case.assignee_id)
        .subquery()
    )
    rows = session.execute(
        select(User.id, User.username, User.display_name, User.role, func.coalesce(held.c.n, 0))
        .outerjoin(held, held.c.user_id == User.id)
        .where(User.active == true(), User.role.in_(sorted(roles)))
        .order_by(User.display_name, User.id)
    ).all()
    return AssigneeList(
        queues=list(wanted),  # type: ignore[arg-type]
        items=[
            AssigneeOut(id=uid, username=username, display_name=name, role=role, open_cases=int(count))
            for uid, username, name, role, count in rows
        ],
    )


# --- stats --------------------------------------------------------------------------------


def case_stats(*, session: Session, user: User, now: datetime) -> CaseStats:
    """The open cases `user` can see, counted by queue, type, status, SLA state and age.

    One grouped query; the few grouped rows are then summed up here."""
    inner = (
        select(
            Case.queue.label("queue"),
            Case.type.label("type"),
            Case.status.label("status"),
            sla_state_sql(now).label("sla_state"),
            age_bucket_sql(now).label("age"),
            case((Case.assignee_id.is_(None), 1), else_=0).label("unassigned"),
        )
        .where(Case.is_open == true(), visible_to(user))
        .subquery()
    )
    grouped = session.execute(
        select(
            inner.c.queue,
            inner.c.type,
            inner.c.status,
            inner.c.sla_state,
            inner.c.age,
            inner.c.unassigned,
            func.count().label("n"),
        ).group_by(
            inner.c.queue, inner.c.type, inner.c.status, inner.c.sla_state, inner.c.age, inner.c.unassigned
        )
    ).all()
    by_queue: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    by_sla: Counter[str] = Counter()
    by_age: Counter[str] = Counter()
    per_queue: dict[str, Counter[str]] = {queue: Counter() for queue in QUEUES}
    for queue, case_type, status, state, age, unassigned, count in grouped:
        by_queue[queue] += count
        by_type[case_type] += count
        by_status[status] += count
        by_sla[state] += count
        by_age[age] += count
        per_queue[queue][state] += count
        per_queue[queue]["open"] += count
        per_queue[queue]["unassigned"] += count * unassigned
    return CaseStats(
        as_of=now,
        open_total=sum(by_queue.values()),
        by_queue={queue: by_queue[queue] for queue in QUEUES},
        by_type={case_type.value: by_type[case_type.value] for case_type in CaseType},
        by_status=dict(sorted(by_status.items())),
        by_sla_state={state: by_sla[state] for state in SLA_STATES},
        ageing=[
            AgeingBucket(bucket=label, min_days=low, max_days=high, count=by_age[label])
            for label, low, high in AGEING_BUCKETS
        ],
        pending_approvals=by_status[PENDING_APPROVAL],
        queues=[
            QueueStats(
                queue=queue,  # type: ignore[arg-type]
                open=counts["open"],
                unassigned=counts["unassigned"],
                on_track=counts[SlaState.ON_TRACK.value],
                at_risk=counts[SlaState.AT_RISK.value],
                breached=counts[SlaState.BREACHED.value],
                paused=counts[SlaState.PAUSED.value],
            )
            for queue, counts in per_queue.items()
        ],
    )
