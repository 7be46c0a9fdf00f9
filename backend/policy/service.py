"""The policy limits in the database, their history, and four-eyes changes (DESIGN.md §3 "Users
and policy", docs/admin.md).

- The limits are the fields of `backend.settings.Policy`. Their values in force live in
  `policy_limits`; every value they ever had, and every proposal, in `policy_changes`.
- The configuration (`CREDITDESK_POLICY`, else the defaults) only seeds them: the first time a
  change is proposed, every limit without a row is written down as `seeded`; from then on the
  database decides. Until then a read falls back to the configuration, the same value the seed
  will write.
- An admin proposes a change (one limit, a new value, a reason); another admin approves it (never
  the proposer: 403 `four_eyes`) or rejects it. It applies from the approval. One change per limit
  waits at a time.
- Services read the policy once per request through `current_policy` (see
  `backend.policy.dependency.PolicyDep`), never from a per-process cache, so several backend
  processes on one database agree from the request after an approval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from backend.audit.service import record_audit
from backend.common.casework import ensure_four_eyes
from backend.common.context import RequestContext
from backend.common.pagination import decode_cursor, page_of
from backend.errors import Conflict, NotFound, ValidationFailed
from backend.policy.models import PolicyChange, PolicyLimit
from backend.settings import Policy

SEEDED, PENDING, APPROVED, REJECTED = "seeded", "pending", "approved", "rejected"
CHANGES_CURSOR = "policy_changes"


@dataclass(frozen=True)
class LimitRule:
    unit: str  # fen | days | business_days | hours | months | payments
    minimum: int
    maximum: int


_DAYS, _FEN = "days", "fen"
# Every limit with its unit and the values a proposal may give it.
LIMIT_RULES: dict[str, LimitRule] = {
    "extension_agent_max_days": LimitRule(_DAYS, 0, 60),
    "extension_max_days": LimitRule(_DAYS, 0, 60),
    "extension_window_days": LimitRule(_DAYS, 1, 3650),
    "hardship_agent_max_months": LimitRule("months", 1, 600),
    "hardship_min_months": LimitRule("months", 1, 600),
    "hardship_max_months": LimitRule("months", 1, 600),
    "hardship_agent_penalty_waiver_fen": LimitRule(_FEN, 0, 10_000_000_000),
    "hardship_missed_payments_to_break": LimitRule("payments", 1, 24),
    "fee_waiver_agent_limit_fen": LimitRule(_FEN, 0, 10_000_000_000),
    "fee_waiver_window_days": LimitRule(_DAYS, 1, 3650),
    "promise_max_days": LimitRule(_DAYS, 1, 365),
    "dispute_outcome_approval_over_fen": LimitRule(_FEN, 0, 10_000_000_000),
    "dispute_acknowledge_business_days": LimitRule("business_days", 1, 30),
    "dispute_decide_days": LimitRule(_DAYS, 1, 365),
    "dispute_handler_extension_days": LimitRule(_DAYS, 1, 365),
    "dispute_supervisor_extension_days": LimitRule(_DAYS, 1, 365),
    "fraud_first_review_hours": LimitRule("hours", 1, 720),
    "fraud_decide_days": LimitRule(_DAYS, 1, 365),
    "approval_business_days": LimitRule("business_days", 1, 30),
}
LIMIT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Policy))
assert set(LIMIT_NAMES) == set(LIMIT_RULES), "every Policy field needs a LimitRule"

# Limits that must keep an order among themselves: (smaller, larger, the sentence when not).
ORDERED_LIMITS: tuple[tuple[str, str, str], ...] = (
    ("extension_agent_max_days", "extension_max_days",
     "An agent's extension cannot exceed the most a supervisor may grant."),
    ("hardship_min_months", "hardship_agent_max_months",
     "A hardship plan's shortest term cannot exceed what an agent may grant alone."),
    ("hardship_agent_max_months", "hardship_max_months",
     "What an agent may grant alone cannot exceed a hardship plan's longest term."),
    ("dispute_decide_days", "dispute_handler_extension_days",
     "A handler's extended deadline cannot be shorter than the deadline to decide."),
    ("dispute_handler_extension_days", "dispute_supervisor_extension_days",
     "A handler's extended deadline cannot exceed a supervisor's."),
)


class ChangeNotPending(Conflict):
    code = "policy_change_not_pending"
    title = "The change was already decided"


class ChangePending(Conflict):
    code = "policy_change_pending"
    title = "A change of this limit is already waiting"


class InvalidPolicy(ValidationFailed):
    code = "invalid_policy_change"
    title = "The change is not allowed"


# -- reading ------------------------------------------------------------------------------------

def stored_values(session: Session) -> dict[str, int]:
    """The limits the database holds (possibly none, before the first change)."""
    return {name: int(value) for name, value in session.execute(select(PolicyLimit.name, PolicyLimit.value))}


def current_policy(*, session: Session, seed: Policy) -> Policy:
    """The policy in force: the database's values, and `seed`'s for limits it does not hold yet.
    One query; call it once per request (or end-of-day run), never cache it across requests."""
    values = asdict(seed)
    values.update({name: value for name, value in stored_values(session).items() if name in values})
    return Policy(**values)


@dataclass(frozen=True)
class LimitInForce:
    name: str
    value: int
    unit: str
    minimum: int
    maximum: int
    effective_from: datetime | None
    change_id: int | None
    seeded: bool  # True: still the configuration's value (never changed)


def limits_in_force(*, session: Session, seed: Policy) -> list[LimitInForce]:
    rows = {row.name: row for row in session.scalars(select(PolicyLimit))}
    changes = {
        change.id: change
        for change in session.scalars(
            select(PolicyChange).where(PolicyChange.id.in_([r.change_id for r in rows.values() if r.change_id]))
        )
    }
    values = asdict(seed)
    result = []
    for name in LIMIT_NAMES:
        rule = LIMIT_RULES[name]
        row = rows.get(name)
        change = changes.get(row.change_id) if row is not None and row.change_id is not None else None
        result.append(
            LimitInForce(
                name=name,
                value=int(row.value) if row is not None else int(values[name]),
                unit=rule.unit,
                minimum=rule.minimum,
                maximum=rule.maximum,
                effective_from=row.effective_from if row is not None else None,
                change_id=row.change_id if row is not None else None,
                seeded=change is None or change.status == SEEDED,
            )
        )
    return result


def pending_changes(*, session: Session) -> Sequence[PolicyChange]:
    return session.scalars(
        select(PolicyChange).where(PolicyChange.status == PENDING).order_by(PolicyChange.proposed_at, PolicyChange.id)
    ).all()


def list_changes(
    *, session: Session, name: str | None, limit: int, cursor: str | None
) -> tuple[Sequence[PolicyChange], str | None]:
    """The history: every change, seeded value and decision, newest first."""
    query = select(PolicyChange)
    if name is not None:
        query = query.where(PolicyChange.name == name)
    if cursor is not None:
        (after_id,) = decode_cursor(cursor, CHANGES_CURSOR, (int,))
        query = query.where(PolicyChange.id < after_id)
    rows = session.scalars(query.order_by(PolicyChange.id.desc()).limit(limit + 1)).all()
    return page_of(rows, limit=limit, kind=CHANGES_CURSOR, key=lambda change: (change.id,))


# -- changing -----------------------------------------------------------------------------------

def ensure_seeded(*, session: Session, seed: Policy, now: datetime) -> None:
    """Write down the configuration's value of every limit the database does not hold yet, with a
    `seeded` history entry. Once: when two requests seed at the same moment, each limit's row is
    inserted by one of them, and only that one writes its history entry."""
    held = set(stored_values(session))
    missing = {name: value for name, value in asdict(seed).items() if name not in held}
    if not missing:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    inserted = session.scalars(
        insert(PolicyLimit)
        .values([{"name": name, "value": value, "effective_from": now} for name, value in missing.items()])
        .on_conflict_do_nothing()
        .returning(PolicyLimit.name)
    ).all()
    for name in inserted:
        change = PolicyChange(
            name=name, old_value=None, new_value=missing[name], reason="The first value, from the configuration.",
            status=SEEDED, proposed_at=now, effective_from=now,
        )
        session.add(change)
        session.flush()
        session.execute(update(PolicyLimit).where(PolicyLimit.name == name).values(change_id=change.id))


def _lock_limit(session: Session, name: str) -> PolicyLimit:
    if session.get_bind().dialect.name == "sqlite":
        # Take the database's write lock before reading (pysqlite begins at the first write).
        session.execute(update(PolicyLimit).where(PolicyLimit.name == name).values(value=PolicyLimit.value))
    limit = session.get(PolicyLimit, name, with_for_update=True, populate_existing=True)
    if limit is None:  # seeded just before; cannot be missing
        raise NotFound(f"There is no limit {name!r}.")
    return limit


def _check_value(name: str, value: int, others: dict[str, int]) -> None:
    rule = LIMIT_RULES.get(name)
    if rule is None:
        raise InvalidPolicy(f"There is no limit called {name!r}.", errors={"body.name": ["not a policy limit"]})
    if not rule.minimum <= value <= rule.maximum:
        message = f"{name} must be between {rule.minimum} and {rule.maximum}."
        raise InvalidPolicy(message, errors={"body.value": [message]})
    proposed = {**others, name: value}
    for smaller, larger, sentence in ORDERED_LIMITS:
        if name in (smaller, larger) and proposed[smaller] > proposed[larger]:
            raise InvalidPolicy(
                f"{sentence} ({smaller} {proposed[smaller]} > {larger} {proposed[larger]})",
                errors={"body.value": [sentence]},
            )


def propose_change(
    *, session: Session, ctx: RequestContext, seed: Policy, name: str, value: int, reason: str
) -> PolicyChange:
    """An admin proposes a new value for one limit; it waits for another admin. Audited."""
    if name not in LIMIT_RULES:
        raise InvalidPolicy(f"There is no limit called {name!r}.", errors={"body.name": ["not a policy limit"]})
    now = ctx.clock.now()
    ensure_seeded(session=session, seed=seed, now=now)
    limit = _lock_limit(session, name)
    if limit.value == value:
        message = f"{name} is already {value}."
        raise InvalidPolicy(message, code="policy_unchanged", errors={"body.value": [message]})
    _check_value(name, value, stored_values(session))
    waiting = session.scalar(
        select(PolicyChange.id).where(PolicyChange.name == name, PolicyChange.status == PENDING).limit(1)
    )
    if waiting is not None:
        raise ChangePending(
            f"Change {waiting} of {name} is waiting for approval; approve or reject it first.",
            extra={"pending_change_id": waiting},
        )
    change = PolicyChange(
        name=name, old_value=limit.value, new_value=value, reason=reason.strip(), status=PENDING,
        proposed_by=ctx.user.id, proposed_at=now,
    )
    session.add(change)
    session.flush()
    record_audit(session=session, ctx=ctx, action="policy.change_proposed", entity_type="policy_change",
                 entity_id=change.id, after={"limit": name, "old_value": limit.value, "new_value": value,
                                             "reason": change.reason})
    return change


def _locked_change(session: Session, change_id: int) -> PolicyChange:
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(PolicyChange).where(PolicyChange.id == change_id).values(status=PolicyChange.status))
    change = session.get(PolicyChange, change_id, with_for_update=True, populate_existing=True)
    if change is None or change.status == SEEDED:
        raise NotFound(f"There is no policy change {change_id}.")
    if change.status != PENDING:
        raise ChangeNotPending(f"Change {change_id} was already {change.status}.", extra={"status": change.status})
    return change


def approve_change(*, session: Session, ctx: RequestContext, change_id: int, comment: str | None) -> PolicyChange:
    """Another admin approves: the limit takes the new value from now. Audited."""
    change = _locked_change(session, change_id)
    ensure_four_eyes(proposed_by=change.proposed_by, deciding_user_id=ctx.user.id,
                     detail="You proposed this change; another admin must approve it.", subject="policy_change")
    limit = _lock_limit(session, change.name)
    _check_value(change.name, change.new_value, stored_values(session))
    now = ctx.clock.now()
    before = limit.value
    limit.value = change.new_value
    limit.effective_from = now
    limit.change_id = change.id
    change.status = APPROVED
    change.decided_by = ctx.user.id
    change.decided_at = now
    change.decision_comment = (comment or "").strip() or None
    change.effective_from = now
    session.flush()
    record_audit(session=session, ctx=ctx, action="policy.change_approved", entity_type="policy_change",
                 entity_id=change.id, before={change.name: before}, after={change.name: change.new_value})
    return change


def reject_change(*, session: Session, ctx: RequestContext, change_id: int, comment: str | None) -> PolicyChange:
    """An admin rejects a waiting change (the proposer may withdraw their own). Audited."""
    change = _locked_change(session, change_id)
    now = ctx.clock.now()
    change.status = REJECTED
    change.decided_by = ctx.user.id
    change.decided_at = now
    change.decision_comment = (comment or "").strip() or None
    session.flush()
    record_audit(session=session, ctx=ctx, action="policy.change_rejected", entity_type="policy_change",
                 entity_id=change.id, before={"status": PENDING}, after={"status": REJECTED})
    return change
