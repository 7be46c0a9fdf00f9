"""`POST /v1/fraud-reports`, `GET /v1/fraud-reports/{id}`,
`POST /v1/fraud-reports/{id}/actions/{action}` and `GET /v1/accounts/{id}/fraud-reports`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from starlette.responses import Response

from backend.accounts.service import get_account
from backend.cases.queues import require_subject_visible
from backend.common.casework import etag_of
from backend.common.concurrency import IfMatchHeader
from backend.common.idempotency import IdempotencyDep
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import CUSTOMER_DATA, READ_RESPONSES, AccountId, entity_id, problem_responses
from backend.deps import ContextDep, SessionDep, SettingsDep, require_roles
from backend.fraud import rules, service
from backend.fraud.schemas import Action, FraudActionIn, FraudReportIn, FraudReportOut, FraudReportSummary
from backend.policy.dependency import request_policy

router = APIRouter(tags=["fraud"], dependencies=CUSTOMER_DATA)

FraudReportId = Annotated[int, entity_id("Fraud report id")]
ActionName = Annotated[Action, Path(description="start_review, confirm, not_fraud or close")]
acting_user = require_roles(*sorted(rules.ACTING_ROLES))

_ETAG_HEADER = {
    "ETag": {"description": "The report's version, to send back as If-Match", "schema": {"type": "string"}}
}


@router.post(
    "/v1/fraud-reports",
    status_code=201,
    response_model=FraudReportOut,
    responses={
        201: {"description": "Filed", "headers": _ETAG_HEADER},
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            422,
            s400="Idempotency-Key missing",
            s404="No such account",
            s409="A transaction is already in another live fraud report, or the same request is in flight",
            s422="Validation failed (e.g. a transaction not of the account, no reason for not freezing), "
            "or the Idempotency-Key was used with another body",
        ),
    },
)
def file_fraud_report(
    body: FraudReportIn, session: SessionDep, ctx: ContextDep, settings: SettingsDep, idem: IdempotencyDep
) -> Response:
    """File a fraud report for a customer on the call. Freezes the account in the same transaction
    (unless `freeze_account` is false, with a `no_freeze_reason`), links the reported transactions
    and opens a high-priority case in the fraud queue due at the first-review deadline.
    Requires an `Idempotency-Key`; audited."""
    policy = request_policy(session, settings)  # read once per request, from the database
    report = service.file_report(session=session, body=body, ctx=ctx, policy=policy)
    out = service.report_out(session=session, report=report, role=ctx.user.role, now=ctx.clock.now())
    return idem.complete(out, status_code=201, headers={"ETag": etag_of(service.ETAG_KIND, out)})


@router.get(
    "/v1/fraud-reports/{report_id}",
    response_model=FraudReportOut,
    responses={200: {"headers": _ETAG_HEADER}, **READ_RESPONSES},
)
def read_fraud_report(
    report_id: FraudReportId, session: SessionDep, ctx: ContextDep, response: Response
) -> FraudReportOut:
    """The report with its transactions, status, deadlines, SLA state and the actions the caller
    may take now; its `ETag` goes back as `If-Match` on an action."""
    report = service.get_report(session=session, report_id=report_id)
    require_subject_visible(session=session, user=ctx.user, case_type="fraud_report", subject_id=report.id,
                            noun="fraud report")
    response.headers["ETag"] = etag_of(service.ETAG_KIND, report)
    return service.report_out(session=session, report=report, role=ctx.user.role, now=ctx.clock.now())


@router.post(
    "/v1/fraud-reports/{report_id}/actions/{action}",
    response_model=FraudReportOut,
    dependencies=[Depends(acting_user)],
    responses={
        200: {"description": "The report's new state", "headers": _ETAG_HEADER},
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
            s403="Only dispute handlers and supervisors act on fraud reports",
            s409="Not allowed in the report's current state (`invalid_transition`), or the same request is in flight",
            s412="The report changed since it was read: reload (the current ETag is in the problem)",
            s428="If-Match missing",
        ),
    },
)
def act_on_fraud_report(
    report_id: FraudReportId,
    action: ActionName,
    body: FraudActionIn,
    session: SessionDep,
    ctx: ContextDep,
    idem: IdempotencyDep,
    if_match: IfMatchHeader = None,
) -> Response:
    """`start_review` (new → investigating), `confirm` (investigating → confirmed: writes the
    reported transactions off; the account stays frozen until the report is closed),
    `not_fraud` (investigating → not_fraud: unfreezes the account unless another open report
    holds it), `close` (confirmed | not_fraud → closed: closes the case). Requires
    `Idempotency-Key` and `If-Match`; audited, with an entry on the case's timeline."""
    report = service.act_on_report(
        session=session, report_id=report_id, action=action, body=body, if_match=if_match, ctx=ctx
    )
    out = service.report_out(session=session, report=report, role=ctx.user.role, now=ctx.clock.now())
    return idem.complete(out, status_code=200, headers={"ETag": etag_of(service.ETAG_KIND, out)})


@router.get(
    "/v1/accounts/{account_id}/fraud-reports",
    response_model=Page[FraudReportSummary],
    responses=READ_RESPONSES,
)
def list_fraud_reports(
    account_id: AccountId,
    session: SessionDep,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[FraudReportSummary]:
    """The account's fraud reports, newest first."""
    get_account(session=session, account_id=account_id)
    return service.list_account_reports(session=session, account_id=account_id, limit=limit, cursor=cursor)
