"""`GET /v1/policy`, `GET/POST /v1/policy/changes`, `POST /v1/policy/changes/{id}/actions/{approve,reject}`:
the policy limits, their history and four-eyes changes (admins)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from backend.auth.models import Role, User
from backend.common.idempotency import IdempotencyDep
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import entity_id, problem_responses
from backend.deps import ContextDep, SessionDep, SettingsDep, require_roles
from backend.policy import service
from backend.policy.models import PolicyChange
from backend.policy.schemas import LimitOut, PolicyChangeIn, PolicyChangeOut, PolicyDecisionIn, PolicyOut

router = APIRouter(prefix="/v1/policy", tags=["policy"], dependencies=[Depends(require_roles(Role.ADMIN.value))])
ChangeId = Annotated[int, entity_id("Policy change id")]

WRITE_RESPONSES = problem_responses(
    400, 401, 403, 404, 409, 422,
    s400="Idempotency-Key missing",
    s403="Not an admin, or approving one's own change (four eyes)",
    s409="The change was already decided, another change of the limit is waiting, or the request is in flight",
    s422="Validation failed (an unknown limit, a value out of range), or the Idempotency-Key was used with another body",
)


def _with_names(session: Session, changes: Sequence[PolicyChange]) -> list[PolicyChangeOut]:
    ids = {i for c in changes for i in (c.proposed_by, c.decided_by) if i is not None}
    names: dict[int | None, str] = {}
    if ids:
        names = {row.id: row.display_name for row in session.execute(
            select(User.id, User.display_name).where(User.id.in_(ids)))}
    return [
        PolicyChangeOut.model_validate(change).model_copy(
            update={"proposed_by_name": names.get(change.proposed_by), "decided_by_name": names.get(change.decided_by)}
        )
        for change in changes
    ]


@router.get("", response_model=PolicyOut, responses=problem_responses(401, 403))
def get_policy(session: SessionDep, settings: SettingsDep) -> PolicyOut:
    """The limits in force and the changes waiting for a second admin."""
    limits = service.limits_in_force(session=session, seed=settings.policy)
    return PolicyOut(
        limits=[LimitOut(**vars(limit)) for limit in limits],
        pending=_with_names(session, service.pending_changes(session=session)),
    )


@router.get("/changes", response_model=Page[PolicyChangeOut], responses=problem_responses(401, 403, 422))
def list_changes(
    session: SessionDep,
    name: Annotated[str | None, Query(max_length=64, pattern=r"^[a-z_]+$", description="Only this limit")] = None,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[PolicyChangeOut]:
    """The history of the limits: first values, proposals and decisions, newest first."""
    rows, next_cursor = service.list_changes(session=session, name=name, limit=limit, cursor=cursor)
    return Page[PolicyChangeOut](items=_with_names(session, rows), next_cursor=next_cursor)


@router.post("/changes", status_code=201, response_model=PolicyChangeOut, responses=WRITE_RESPONSES)
def propose_change(
    body: PolicyChangeIn, session: SessionDep, settings: SettingsDep, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Propose a new value for one limit; it applies when another admin approves it. Audited."""
    change = service.propose_change(
        session=session, ctx=ctx, seed=settings.policy, name=body.name, value=body.value, reason=body.reason
    )
    return idem.complete(_with_names(session, [change])[0], status_code=201)


@router.post("/changes/{change_id}/actions/approve", response_model=PolicyChangeOut, responses=WRITE_RESPONSES)
def approve_change(
    change_id: ChangeId, body: PolicyDecisionIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Approve another admin's change: the limit takes its new value from now. Audited."""
    change = service.approve_change(session=session, ctx=ctx, change_id=change_id, comment=body.comment)
    return idem.complete(_with_names(session, [change])[0])


@router.post("/changes/{change_id}/actions/reject", response_model=PolicyChangeOut, responses=WRITE_RESPONSES)
def reject_change(
    change_id: ChangeId, body: PolicyDecisionIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Reject a waiting change (the proposer may withdraw their own). Audited."""
    change = service.reject_change(session=session, ctx=ctx, change_id=change_id, comment=body.comment)
    return idem.complete(_with_names(session, [change])[0])
