"""The training sandbox (demo mode only): what the customer does, posted through the billing
engine exactly as the demo generator's payer simulation posts it, so a trainer can rehearse a
call and anyone can reproduce a money scenario over HTTP (docs/rules.md, "Training sandbox")."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from backend.accounts.models import Account, Transaction
from backend.accounts.service import unbilled_principal
from backend.audit.service import record_audit
from backend.billing.engine import AccountNotOpen, Posting
from backend.billing.ledger import post_charge, post_repayment
from backend.billing.rules import used_and_available
from backend.clock import business_date_of
from backend.common.context import RequestContext
from backend.common.locking import lock_account
from backend.common.money import fen_text
from backend.errors import Conflict, ValidationFailed

MAX_SANDBOX_FEN = 5_000_000


class PurchaseIn(BaseModel):
    amount_fen: int = Field(ge=1, le=MAX_SANDBOX_FEN, description="What the customer spent, in fen")
    merchant: str = Field(default="Sandbox shop", min_length=1, max_length=64)


class RepaymentIn(BaseModel):
    amount_fen: int = Field(ge=1, le=MAX_SANDBOX_FEN, description="What the customer paid, in fen")


class AccountNotActive(Conflict):
    code = "account_not_active"
    title = "The account takes no purchases"


def _account(session: Session, account_id: int) -> Account:
    return lock_account(session, account_id)


def purchase(*, session: Session, account_id: int, body: PurchaseIn, ctx: RequestContext) -> Transaction:
    """A purchase on a credit line, within what is available; 409 on a frozen or closed account."""
    account = _account(session, account_id)
    if account.product != "credit_line":
        raise ValidationFailed("Only a credit line takes purchases.", errors={"path.account_id": ["not a credit line"]})
    _used, available = used_and_available(
        account.balance_fen, unbilled_principal(session=session, account_ids=[account.id]).get(account.id, 0),
        account.credit_limit_fen)
    if body.amount_fen > available:
        raise ValidationFailed(
            f"Only {fen_text(available)} of the limit is available.",
            errors={"body.amount_fen": [f"at most {available} fen"]},
        )
    now = ctx.clock.now()
    posting = Posting("purchase", body.amount_fen, business_date_of(now), f"{body.merchant} 消费", merchant=body.merchant,
                      description_code="purchase", description_params={"merchant": body.merchant})
    try:
        txn = post_charge(session, account, posting, now)
    except AccountNotOpen:
        raise AccountNotActive(f"Account {account.id} is {account.status}: it takes no purchases.") from None
    session.flush()
    _audit(session, ctx, "sandbox.purchase", txn)
    return txn


def repayment(*, session: Session, account_id: int, body: RepaymentIn, ctx: RequestContext) -> Transaction:
    """A repayment, allocated over the latest bill by the engine (the rest is kept as credit)."""
    account = _account(session, account_id)
    txn = post_repayment(session, account, body.amount_fen, ctx.clock.now())
    session.flush()
    _audit(session, ctx, "sandbox.repayment", txn)
    return txn


def _audit(session: Session, ctx: RequestContext, action: str, txn: Transaction) -> None:
    record_audit(
        session=session, ctx=ctx, action=action, entity_type="transaction", entity_id=txn.id,
        after={"account_id": txn.account_id, "type": txn.type, "amount_fen": txn.amount_fen},
        customer_id=txn.customer_id,
    )
