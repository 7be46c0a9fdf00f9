"""`POST /v1/demo/accounts/{id}/purchases` and `/repayments`: the training sandbox, in demo mode
only (404 otherwise)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from backend.accounts.schemas import TransactionOut
from backend.common.idempotency import IdempotencyDep
from backend.common.routing import CUSTOMER_DATA, AccountId, problem_responses
from backend.deps import ContextDep, SessionDep, SettingsDep
from backend.errors import NotFound
from backend.sandbox import service
from backend.sandbox.service import PurchaseIn, RepaymentIn

router = APIRouter(prefix="/v1/demo/accounts/{account_id}", tags=["training sandbox"], dependencies=CUSTOMER_DATA)

_RESPONSES = problem_responses(
    400, 401, 403, 404, 409, 422,
    s400="Idempotency-Key missing",
    s404="Not in demo mode, or no such account",
    s409="The account takes no purchases (frozen, closed), or the same request is in flight",
    s422="Validation failed (an amount beyond what is available, not a credit line)",
)


def _demo_only(settings: SettingsDep) -> None:
    if not settings.demo_mode:
        raise NotFound("The training sandbox exists in demo mode only.")


@router.post("/purchases", status_code=201, response_model=TransactionOut, responses=_RESPONSES)
def post_purchase(account_id: AccountId, body: PurchaseIn, session: SessionDep, ctx: ContextDep,
                  settings: SettingsDep, idem: IdempotencyDep) -> Response:
    """The customer buys something (posted through the billing engine, as the demo's payers do)."""
    _demo_only(settings)
    txn = service.purchase(session=session, account_id=account_id, body=body, ctx=ctx)
    return idem.complete(TransactionOut.model_validate(txn), status_code=201)


@router.post("/repayments", status_code=201, response_model=TransactionOut, responses=_RESPONSES)
def post_repayment(account_id: AccountId, body: RepaymentIn, session: SessionDep, ctx: ContextDep,
                   settings: SettingsDep, idem: IdempotencyDep) -> Response:
    """The customer pays (allocated over the latest bill by the billing engine)."""
    _demo_only(settings)
    txn = service.repayment(session=session, account_id=account_id, body=body, ctx=ctx)
    return idem.complete(TransactionOut.model_validate(txn), status_code=201)
