"""`POST /v1/accounts/{id}/arrangement-quotes`, `POST /v1/arrangements`, `GET /v1/arrangements/{id}`,
`POST /v1/arrangements/{id}/actions/{action}` and `GET /v1/accounts/{id}/arrangements`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path
from starlette.responses import Response

from backend.accounts.service import get_account
from backend.arrangements import rules, service
from backend.arrangements.schemas import (
    ActionIn,
    ActionName,
    ArrangementOut,
    ArrangementSummary,
    ProposalIn,
    QuoteIn,
    QuoteOut,
)
from backend.common.casework import etag_of
from backend.common.concurrency import IfMatchHeader
from backend.common.idempotency import IdempotencyDep
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import CUSTOMER_DATA, READ_RESPONSES, AccountId, entity_id, problem_responses
from backend.deps import ContextDep, SessionDep, SettingsDep, UserDep
from backend.policy.dependency import request_policy

router = APIRouter(tags=["arrangements"], dependencies=CUSTOMER_DATA)

ArrangementId = Annotated[int, entity_id("Arrangement id")]
ActionPath = Annotated[ActionName, Path(description="approve, reject or cancel")]

_ETAG_HEADER = {
    "ETag": {"description": "The arrangement's version, to send back as If-Match", "schema": {"type": "string"}}
}


@router.post(
    "/v1/accounts/{account_id}/arrangement-quotes",
    response_model=QuoteOut,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        422,
        s400="The body is not JSON",
        s404="No such account",
        s409="The account's state does not allow it (e.g. not overdue for a hardship plan, an extension "
        "already in the window, the same kind already waiting)",
        s422="Validation failed, or the terms are beyond any authority (e.g. an extension over the maximum)",
    ),
)
def quote_arrangement(
    account_id: AccountId, body: Annotated[QuoteIn, Body()], session: SessionDep, ctx: ContextDep,
    settings: SettingsDep,
) -> QuoteOut:
    """Quote a repayment arrangement on the account as it is now: the schedule, its cost, the
    effect on the account, and whether it is within an agent's authority (`needs_approval` with
    the limits exceeded). Changes nothing; no `Idempotency-Key`."""
    policy = request_policy(session, settings)  # read once per request, from the database
    return service.quote(session=session, account_id=account_id, terms=body, policy=policy,
                         today=ctx.clock.today())


@router.post(
    "/v1/arrangements",
    status_code=201,
    response_model=ArrangementOut,
    responses={
        201: {"description": "Proposed: active at once, or pending_approval", "headers": _ETAG_HEADER},
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            422,
            s400="Idempotency-Key missing",
            s404="No such account",
            s409="The account's state does not allow it, or the same request is in flight",
            s422="Validation failed, terms beyond any authority, or the Idempotency-Key was used with another body",
        ),
    },
)
def propose_arrangement(
    body: Annotated[ProposalIn, Body()], session: SessionDep, ctx: ContextDep, settings: SettingsDep,
    idem: IdempotencyDep,
) -> Response:
    """Propose an arrangement. The server re-quotes it: within an agent's authority it goes live
    at once (`active`, its effect applied in this transaction); beyond it, it waits as
    `pending_approval` with a case in the approvals queue, for a supervisor other than the
    proposer. Requires an `Idempotency-Key`; audited."""
    policy = request_policy(session, settings)  # read once per request, from the database
    arrangement = service.propose(session=session, body=body, ctx=ctx, policy=policy)
    out = service.arrangement_out(session=session, arrangement=arrangement, user=ctx.user)
    return idem.complete(out, status_code=201, headers={"ETag": etag_of(service.ETAG_KIND, out)})


@router.get(
    "/v1/arrangements/{arrangement_id}",
    response_model=ArrangementOut,
    responses={200: {"headers": _ETAG_HEADER}, **READ_RESPONSES},
)
def read_arrangement(
    arrangement_id: ArrangementId, session: SessionDep, user: UserDep, response: Response
) -> ArrangementOut:
    """The arrangement with its schedule, status, proposer and approver, case and the actions the
    caller may take now; its `ETag` goes back as `If-Match` on an action."""
    arrangement = service.get_arrangement(session=session, arrangement_id=arrangement_id)
    response.headers["ETag"] = etag_of(service.ETAG_KIND, arrangement)
    return service.arrangement_out(session=session, arrangement=arrangement, user=user)


@router.post(
    "/v1/arrangements/{arrangement_id}/actions/{action}",
    response_model=ArrangementOut,
    responses={
        200: {"description": "The arrangement's new state", "headers": _ETAG_HEADER},
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            412,
            422,
            428,
            s400="Idempotency-Key missing",
            s403="Not a supervisor, or the approver proposed it (`four_eyes`)",
            s409="Not allowed in the current state (`invalid_transition`), the quote no longer holds "
            "(`arrangement_no_longer_applies`), or the same request is in flight",
            s412="The arrangement changed since it was read: reload (the current ETag is in the problem)",
            s422="Validation failed (a reject needs a comment), or the Idempotency-Key was used with another body",
            s428="If-Match missing",
        ),
    },
)
def act_on_arrangement(
    arrangement_id: ArrangementId,
    action: ActionPath,
    body: ActionIn,
    session: SessionDep,
    ctx: ContextDep,
    settings: SettingsDep,
    idem: IdempotencyDep,
    if_match: IfMatchHeader = None,
) -> Response:
    """`approve` (a supervisor who did not propose it: applies the effect, re-checking that it
    still holds, and closes the case), `reject` (the same, with a `comment`: closes the case),
    `cancel` (the proposer or a supervisor while it waits; a supervisor on a promise to pay or
    hardship plan in force). Requires `Idempotency-Key` and `If-Match`; audited."""
    policy = request_policy(session, settings)  # read once per request, from the database
    arrangement = service.act(session=session, arrangement_id=arrangement_id, action=rules.Action(action),
                              body=body, if_match=if_match, ctx=ctx, policy=policy)
    out = service.arrangement_out(session=session, arrangement=arrangement, user=ctx.user)
    return idem.complete(out, status_code=200, headers={"ETag": etag_of(service.ETAG_KIND, out)})


@router.get(
    "/v1/accounts/{account_id}/arrangements",
    response_model=Page[ArrangementSummary],
    responses=READ_RESPONSES,
)
def list_arrangements(
    account_id: AccountId,
    session: SessionDep,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[ArrangementSummary]:
    """The account's arrangements, newest first."""
    get_account(session=session, account_id=account_id)
    return service.list_account_arrangements(session=session, account_id=account_id, limit=limit, cursor=cursor)
