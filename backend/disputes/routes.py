"""`POST /v1/disputes`, `GET /v1/disputes/{id}`, `POST /v1/disputes/{id}/actions/{action}` (one
route per action, each with its own body), and `GET /v1/accounts/{id}/disputes`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Body, Depends
from fastapi.types import DecoratedCallable
from starlette.responses import Response

from backend.accounts.service import get_account
from backend.cases.queues import require_subject_visible
from backend.common.casework import etag_of
from backend.common.concurrency import IfMatchHeader
from backend.common.idempotency import IdempotencyDep
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import (
    CUSTOMER_DATA,
    READ_RESPONSES,
    AccountId,
    entity_id,
    problem_responses,
)
from backend.deps import ContextDep, SessionDep, SettingsDep, require_roles
from backend.disputes import rules, service
from backend.disputes.rules import DisputeAction
from backend.disputes.schemas import (
    DisputeIn,
    DisputeOut,
    DisputeSummary,
    ExtendBody,
    NoteBody,
    ProposeOutcomeBody,
    ProvisionalCreditBody,
    RejectOutcomeBody,
)
from backend.policy.dependency import request_policy

DisputeId = Annotated[int, entity_id("Dispute id")]
OptionalNote = Annotated[NoteBody | None, Body(description="Optional: `{\"note\": …}` for the timeline")]

router = APIRouter(tags=["disputes"], dependencies=CUSTOMER_DATA)
ACTING = [Depends(require_roles(*sorted(rules.ACTING_ROLES)))]

ACTION_RESPONSES = problem_responses(
    400,
    401,
    403,
    404,
    409,
    412,
    422,
    428,
    s400="Idempotency-Key missing",
    s403="Your role may not do this; `four_eyes`: you proposed this outcome; "
    "`extension_needs_supervisor`: beyond a handler's extension",
    s409="`invalid_transition` (with `allowed_actions`), `provisional_credit_outstanding`, "
    "`no_provisional_credit`, or the same request still in flight",
    s412="The dispute changed since you read it (`current_etag`)",
    s422="Validation failed (`extension_limit`: beyond 60 days), or the Idempotency-Key was used with another body",
    s428="If-Match missing",
)


@router.post(
    "/v1/disputes",
    status_code=201,
    response_model=DisputeOut,
    responses=problem_responses(
        400,
        401,
        403,
        409,
        422,
        s400="Idempotency-Key missing",
        s409="`already_disputed`: the transaction is under an open dispute; or the same request is in flight",
        s422="Validation failed (no such transaction, not a debit, reason outside its category, amount above "
        "the transaction's), or the Idempotency-Key was used with another body",
    ),
)
def file_dispute(
    body: DisputeIn, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep
) -> Response:
    """File a dispute of one debit and open its case in the disputes queue. Requires an
    `Idempotency-Key`; audited. The disputed amount is left out of the minimum payment and of
    penalty interest while the dispute is open."""
    policy = request_policy(session, settings)  # read once per request, from the database
    dispute = service.file_dispute(session=session, body=body, ctx=ctx, policy=policy)
    out = service.dispute_out(
        session=session, dispute=dispute, user=ctx.user, policy=policy, now=ctx.clock.now()
    )
    headers = {"ETag": etag_of(service.ETAG_KIND, dispute), "Location": f"/v1/disputes/{dispute.id}"}
    return idem.complete(out, status_code=201, headers=headers)


@router.get("/v1/disputes/{dispute_id}", response_model=DisputeOut, responses=READ_RESPONSES)
def get_dispute(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, response: Response
) -> DisputeOut:
    """The dispute: status, outcome, amounts, money events, SLA deadlines, and the actions the
    caller may take now. The `ETag` header is the `If-Match` for an action."""
    policy = request_policy(session, settings)  # read once per request, from the database
    dispute = service.get_dispute(session=session, dispute_id=dispute_id)
    require_subject_visible(session=session, user=ctx.user, case_type="dispute", subject_id=dispute.id, noun="dispute")
    response.headers["ETag"] = etag_of(service.ETAG_KIND, dispute)
    return service.dispute_out(
        session=session, dispute=dispute, user=ctx.user, policy=policy, now=ctx.clock.now()
    )


@router.get(
    "/v1/accounts/{account_id}/disputes", response_model=Page[DisputeSummary], responses=READ_RESPONSES
)
def list_account_disputes(
    account_id: AccountId,
    session: SessionDep,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[DisputeSummary]:
    """The account's disputes, newest first."""
    get_account(session=session, account_id=account_id)
    return service.list_account_disputes(session=session, account_id=account_id, limit=limit, cursor=cursor)


def _act(
    *,
    dispute_id: int,
    action: DisputeAction,
    body: service.ActionBody,
    if_match: str | None,
    session: SessionDep,
    ctx: ContextDep,
    settings: SettingsDep,
    idem: IdempotencyDep,
) -> Response:
    policy = request_policy(session, settings)  # read once per request, from the database
    dispute, case = service.act_on_dispute(
        session=session,
        dispute_id=dispute_id,
        action=action,
        body=body,
        if_match=if_match,
        ctx=ctx,
        policy=policy,
    )
    out = service.dispute_out(
        session=session, dispute=dispute, user=ctx.user, policy=policy, now=ctx.clock.now(), case=case
    )
    return idem.complete(out, status_code=200, headers={"ETag": etag_of(service.ETAG_KIND, dispute)})


def _action_path(action: DisputeAction) -> str:
    return f"/v1/disputes/{{dispute_id}}/actions/{action.value}"


def action_route(action: DisputeAction) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """`POST /v1/disputes/{id}/actions/<action>`: handlers and supervisors; Idempotency-Key and If-Match."""
    return router.post(
        _action_path(action), response_model=DisputeOut, responses=ACTION_RESPONSES, dependencies=ACTING
    )


@action_route(DisputeAction.ACKNOWLEDGE)
def acknowledge(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """new → investigating."""
    return _act(dispute_id=dispute_id, action=DisputeAction.ACKNOWLEDGE, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.REQUEST_CUSTOMER_INFO)
def request_customer_info(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """investigating → pending_customer: the SLA clock pauses."""
    return _act(dispute_id=dispute_id, action=DisputeAction.REQUEST_CUSTOMER_INFO, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.CUSTOMER_RESPONDED)
def customer_responded(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """pending_customer → investigating: the clock runs again; the decision deadline moves back
    by the time paused."""
    return _act(dispute_id=dispute_id, action=DisputeAction.CUSTOMER_RESPONDED, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.SEND_TO_MERCHANT)
def send_to_merchant(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """investigating → pending_merchant."""
    return _act(dispute_id=dispute_id, action=DisputeAction.SEND_TO_MERCHANT, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.MERCHANT_RESPONDED)
def merchant_responded(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """pending_merchant → investigating."""
    return _act(dispute_id=dispute_id, action=DisputeAction.MERCHANT_RESPONDED, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.GRANT_PROVISIONAL_CREDIT)
def grant_provisional_credit(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None,
    body: Annotated[ProvisionalCreditBody | None, Body()] = None,
) -> Response:
    """Credit the customer provisionally while the dispute is worked (investigating or pending
    the customer or merchant); at most one outstanding grant. Posts a real transaction."""
    return _act(dispute_id=dispute_id, action=DisputeAction.GRANT_PROVISIONAL_CREDIT,
                body=body or ProvisionalCreditBody(), if_match=if_match, session=session, ctx=ctx,
                settings=settings, idem=idem)


@action_route(DisputeAction.REVERSE_PROVISIONAL_CREDIT)
def reverse_provisional_credit(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """Take the outstanding provisional credit back. Posts a real transaction."""
    return _act(dispute_id=dispute_id, action=DisputeAction.REVERSE_PROVISIONAL_CREDIT, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.EXTEND)
def extend(
    dispute_id: DisputeId, body: ExtendBody, session: SessionDep, ctx: ContextDep, settings: SettingsDep,
    idem: IdempotencyDep, if_match: IfMatchHeader = None,
) -> Response:
    """Move the decision deadline by `days`, with a reason: a handler once, to at most 30 days
    from filing; a supervisor to at most 60."""
    return _act(dispute_id=dispute_id, action=DisputeAction.EXTEND, body=body, if_match=if_match,
                session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.PROPOSE_OUTCOME)
def propose_outcome(
    dispute_id: DisputeId, body: ProposeOutcomeBody, session: SessionDep, ctx: ContextDep,
    settings: SettingsDep, idem: IdempotencyDep, if_match: IfMatchHeader = None,
) -> Response:
    """Decide: resolved at once, or `pending_approval` when the award is over the four-eyes limit
    (¥2,000: exactly ¥2,000 is resolved at once). Resolving posts the money events."""
    return _act(dispute_id=dispute_id, action=DisputeAction.PROPOSE_OUTCOME, body=body, if_match=if_match,
                session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.APPROVE_OUTCOME)
def approve_outcome(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """pending_approval → resolved: a supervisor other than the proposer (four eyes)."""
    return _act(dispute_id=dispute_id, action=DisputeAction.APPROVE_OUTCOME, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.REJECT_OUTCOME)
def reject_outcome(
    dispute_id: DisputeId, body: RejectOutcomeBody, session: SessionDep, ctx: ContextDep,
    settings: SettingsDep, idem: IdempotencyDep, if_match: IfMatchHeader = None,
) -> Response:
    """pending_approval → investigating, with a comment: a supervisor other than the proposer."""
    return _act(dispute_id=dispute_id, action=DisputeAction.REJECT_OUTCOME, body=body, if_match=if_match,
                session=session, ctx=ctx, settings=settings, idem=idem)


@action_route(DisputeAction.WITHDRAW)
def withdraw(
    dispute_id: DisputeId, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep,
    if_match: IfMatchHeader = None, body: OptionalNote = None,
) -> Response:
    """The customer withdraws: resolved with outcome `withdrawn`; any provisional credit is reversed."""
    return _act(dispute_id=dispute_id, action=DisputeAction.WITHDRAW, body=body or NoteBody(),
                if_match=if_match, session=session, ctx=ctx, settings=settings, idem=idem)
