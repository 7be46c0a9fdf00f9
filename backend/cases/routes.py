"""`GET /v1/cases`, `GET /v1/cases/stats`, `GET /v1/cases/{id}`, `POST /v1/cases/{id}/assign`,
`POST /v1/cases/take-next`, `POST /v1/cases/bulk-assign`: the unified queue (DESIGN.md §3
Cases and queues). Admins get 403 on all of them (cases are customer data)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.responses import Response

from backend.auth.models import Role, User
from backend.cases import queues
from backend.cases.models import CASE_TYPES, QUEUES
from backend.cases.schemas import (
    AssigneeList,
    AssignIn,
    BulkAssignIn,
    BulkAssignOut,
    CaseDetail,
    CaseOut,
    CaseStats,
    TakeNextIn,
)
from backend.cases.sla import SLA_STATES
from backend.common.casework import etag_of
from backend.common.concurrency import IfMatchHeader
from backend.common.idempotency import IdempotencyDep
from backend.common.pagination import INT64_MAX, CursorQuery, Page, limit_query
from backend.common.routing import (
    CUSTOMER_DATA,
    READ_RESPONSES,
    comma_list_pattern,
    entity_id,
    problem_responses,
)
from backend.deps import ClockDep, ContextDep, SessionDep, UserDep, require_roles

router = APIRouter(prefix="/v1/cases", tags=["cases"], dependencies=CUSTOMER_DATA)
# `{case_id:int}` in the paths: `/v1/cases/take-next` and `/v1/cases/stats` are resources of
# their own, never a case id, so `GET /v1/cases/take-next` is 405, not a 422 about the id.

CaseId = Annotated[int, entity_id("Case id")]
QueueWorker = Annotated[User, Depends(require_roles(Role.DISPUTE_HANDLER.value, Role.SUPERVISOR.value))]
Supervisor = Annotated[User, Depends(require_roles(Role.SUPERVISOR.value))]

STATUS_PATTERN = r"^ *[a-z_]{1,32} *(?:, *[a-z_]{1,32} *)*$"
ASSIGNEE_PATTERN = r"^(?:me|none|[1-9][0-9]{0,17})$"

WRITE_DESCRIPTIONS = {
    "s400": "Idempotency-Key missing",
    "s409": "The same request is still in flight; or a case is closed (`case_closed`) or already "
    "has this assignee (`already_assigned`)",
    "s422": "Validation failed (`invalid_assignee`: the user does not work the queue), or the "
    "Idempotency-Key was used with another body",
}


@router.get("", response_model=Page[CaseOut], responses=problem_responses(401, 403, 422))
def list_cases(
    session: SessionDep,
    user: UserDep,
    clock: ClockDep,
    types: Annotated[
        str | None,
        Query(
            alias="type",
            max_length=100,
            pattern=comma_list_pattern(CASE_TYPES),
            description=f"Comma list of: {', '.join(CASE_TYPES)}",
        ),
    ] = None,
    statuses: Annotated[
        str | None,
        Query(
            alias="status",
            max_length=400,
            pattern=STATUS_PATTERN,
            description="Comma list of statuses, e.g. `new,investigating` or `pending_approval` (the "
            "approvals inbox)",
        ),
    ] = None,
    queue: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=comma_list_pattern(QUEUES),
            description=f"Comma list of: {', '.join(QUEUES)}",
        ),
    ] = None,
    assignee: Annotated[
        str | None,
        Query(
            max_length=20,
            pattern=ASSIGNEE_PATTERN,
            description="`me`, `none` (unassigned) or a user id",
        ),
    ] = None,
    sla_state: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=comma_list_pattern(SLA_STATES),
            description=f"Comma list of: {', '.join(SLA_STATES)} (as of now on the business clock; "
            "a closed case counts as on_track)",
        ),
    ] = None,
    account_id: Annotated[
        int | None, Query(ge=1, le=INT64_MAX, description="Only this account's cases")
    ] = None,
    customer_id: Annotated[
        int | None, Query(ge=1, le=INT64_MAX, description="Only this customer's cases")
    ] = None,
    is_open: Annotated[
        bool | None,
        Query(alias="open", description="true: open cases only; false: closed only; default both"),
    ] = None,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[CaseOut]:
    """The cases you can see, by deadline (`due_at`; none last) then id. Agents see the cases
    they opened; dispute handlers those and every disputes and fraud case; supervisors all."""
    filters = queues.CaseFilters(
        types=queues.comma_values(types),
        statuses=queues.comma_values(statuses),
        queues=queues.comma_values(queue),
        assignee=assignee,
        sla_states=queues.comma_values(sla_state),
        account_id=account_id,
        customer_id=customer_id,
        is_open=is_open,
    )
    return queues.list_cases(
        session=session, user=user, filters=filters, now=clock.now(), limit=limit, cursor=cursor
    )


@router.get("/stats", response_model=CaseStats, responses=problem_responses(401, 403))
def case_stats(session: SessionDep, user: QueueWorker, clock: ClockDep) -> CaseStats:
    """Open cases you can see, counted: by queue, type, status and SLA state; ageing since opened;
    approvals waiting; per queue the unassigned, at-risk and breached. Dispute handlers and
    supervisors."""
    return queues.case_stats(session=session, user=user, now=clock.now())


@router.get("/assignees", response_model=AssigneeList, responses=problem_responses(401, 403, 422))
def assignees(
    session: SessionDep,
    user: Supervisor,
    queue: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=comma_list_pattern(QUEUES),
            description=f"Comma list of: {', '.join(QUEUES)}; the users who work every one of them "
            "(default: who work any queue)",
        ),
    ] = None,
) -> AssigneeList:
    """Whom cases can be assigned to: the active dispute handlers and supervisors for the disputes
    and fraud queues, supervisors for approvals, each with the open cases they hold. Supervisors."""
    return queues.assignees(session=session, queues=queues.comma_values(queue))


@router.get("/{case_id:int}", response_model=CaseDetail, responses=READ_RESPONSES)
def get_case(
    case_id: CaseId, session: SessionDep, user: UserDep, clock: ClockDep, response: Response
) -> CaseDetail:
    """The case with its timeline and what you may do to it; `ETag` for `If-Match`."""
    case_row = queues.visible_case(session=session, user=user, case_id=case_id)
    response.headers.update({"ETag": etag_of(queues.CASE_ETAG_KIND, case_row)})
    return queues.case_detail(session=session, user=user, case_row=case_row, now=clock.now())


@router.post(
    "/take-next",
    response_model=CaseDetail,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        422,
        **{
            **WRITE_DESCRIPTIONS,
            "s404": "Nothing to take (`queue_empty`)",
            "s409": "The same request is still in flight",
        },
    ),
)
def take_next(
    body: TakeNextIn, session: SessionDep, user: QueueWorker, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Assign yourself the open unassigned case due first in a queue you work (or in `queue`).
    Dispute handlers and supervisors; requires an `Idempotency-Key`."""
    case_row = queues.take_next_case(session=session, ctx=ctx, queue=body.queue)
    detail = queues.case_detail(session=session, user=user, case_row=case_row, now=ctx.clock.now())
    return idem.complete(detail, headers={"ETag": etag_of(queues.CASE_ETAG_KIND, case_row)})


@router.post(
    "/bulk-assign",
    response_model=BulkAssignOut,
    responses=problem_responses(
        400, 401, 403, 404, 409, 422, **{**WRITE_DESCRIPTIONS, "s404": "A listed case does not exist"}
    ),
)
def bulk_assign(
    body: BulkAssignIn, session: SessionDep, user: Supervisor, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Assign up to 200 cases to one user (or unassign them), all or nothing. Supervisors;
    requires an `Idempotency-Key`."""
    result = queues.bulk_assign(
        session=session, ctx=ctx, case_ids=body.case_ids, assignee_id=body.assignee_id, note=body.note
    )
    return idem.complete(result)


@router.post(
    "/{case_id:int}/assign",
    response_model=CaseDetail,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        412,
        422,
        428,
        **WRITE_DESCRIPTIONS,
        s412="The case changed since you read it; the current ETag is in the problem and the header",
        s428="If-Match missing",
    ),
)
def assign(
    case_id: CaseId,
    body: AssignIn,
    session: SessionDep,
    user: QueueWorker,
    ctx: ContextDep,
    idem: IdempotencyDep,
    if_match: IfMatchHeader = None,
) -> Response:
    """Assign the case (`assignee_id`), or unassign it (null). Supervisors assign anyone who works
    the queue; dispute handlers take a disputes or fraud case for themselves or release their
    own. Requires `If-Match` and an `Idempotency-Key`."""
    case_row = queues.assign_case(
        session=session,
        ctx=ctx,
        case_id=case_id,
        if_match=if_match,
        assignee_id=body.assignee_id,
        note=body.note,
    )
    detail = queues.case_detail(session=session, user=user, case_row=case_row, now=ctx.clock.now())
    return idem.complete(detail, headers={"ETag": etag_of(queues.CASE_ETAG_KIND, case_row)})
