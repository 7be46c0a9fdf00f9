"""Repayment arrangements: quote, propose (live at once or awaiting approval), approve, reject,
cancel, and the end-of-day judgement of promises and hardship plans.

Every quote is made here from the account as it is now, never from numbers a client sends; a
proposal is re-quoted, and so is an approval (it is refused with 409 when the quote no longer
holds). Effects go through the billing engine as real postings:

- bill_installment: an `InstallmentPlan` (kind bill_installment, the installment fee table);
  a `bill_installment_conversion` credit takes the converted amount off the latest bill.
- due_date_extension: the latest bill's `due_date` moves (end of day judges it then).
- hardship_plan: a fee-free `InstallmentPlan` (kind hardship_plan); a `hardship_conversion`
  credit takes the restructured amount off the bill (a line of it, like every settlement credit), an optional `fee_waiver` credit waives
  penalty interest; the account is no longer past due and its penalty interest is suspended
  while the plan is kept. Broken (missed payments) or cancelled: the periods not yet billed
  are cancelled and their principal goes back on the account as an `adjustment` (revolving
  balance, billed on the next statement), and penalty interest resumes.
- fee_waiver: a `fee_waiver` (interest, penalty interest) or `fee_reversal` (fees) credit,
  applied to the latest bill at once.
- promise_to_pay: nothing posts; end of day decides kept or broken.
- plan_payoff: the plan's periods not yet billed are billed now for their principal, their fees
  waived (`backend.installments.payoff`); end of day marks it completed once the plan is paid off.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from backend.accounts.models import Account, Transaction
from backend.arrangements import rules
from backend.arrangements.models import Arrangement
from backend.arrangements.rules import ArrangementType, QuoteResult, Refusal, Status
from backend.arrangements.schemas import (
    ActionIn,
    ApprovalReasonOut,
    ArrangementOut,
    ArrangementSummary,
    CostOut,
    QuoteIn,
    QuoteOut,
    SchedulePeriodOut,
)
from backend.audit.service import field_diff, record_audit, snapshot, to_json_value
from backend.auth.models import User
from backend.billing import engine
from backend.billing import rules as billing
from backend.billing.engine import Posting
from backend.billing.ledger import add_bill_line, latest_bill, plans_in_play, post_charge
from backend.billing.models import Bill
from backend.cases.models import Case, CaseType
from backend.cases.service import case_of, change_case, open_case
from backend.cases.sla import add_business_days
from backend.clock import BUSINESS_TZ
from backend.common.casework import FourEyes, InvalidTransition, transition_params
from backend.common.concurrency import claim_version
from backend.common.context import RequestContext
from backend.common.locking import lock_account
from backend.common.money import fen_text
from backend.common.pagination import Page, newest_first
from backend.errors import Conflict, Forbidden, NotFound, ValidationFailed
from backend.installments.models import InstallmentPeriod, InstallmentPlan
from backend.installments.payoff import PayoffInForce, PlanEnded, apply_payoff, plan_for_payoff, quote_payoff
from backend.policy.service import current_policy
from backend.settings import Policy

ETAG_KIND = "arrangement"
ARRANGEMENTS_CURSOR = "arrangements"
NOT_OPEN_ACCOUNT_STATUSES = frozenset({"closed", "charged_off"})
# Statuses of an arrangement that went live (its effect was applied).
WENT_LIVE = (Status.ACTIVE.value, Status.KEPT.value, Status.BROKEN.value, Status.COMPLETED.value)
# At most one of these per account at a time (live or waiting).
ONE_AT_A_TIME = frozenset({ArrangementType.HARDSHIP_PLAN, ArrangementType.PROMISE_TO_PAY})
# Plan statuses of a plan all paid, by its schedule or by an early payoff.
ENDED_PAID = frozenset({"completed", "paid_off"})
ACCOUNT_AUDIT_FIELDS = ("past_due_fen", "overdue_since", "penalty_suspended", "balance_fen")
ARRANGEMENT_AUDIT_FIELDS = ("status", "decided_by", "decision_comment", "activated_on", "resolved_on",
                            "plan_id", "bill_id")

_QUOTE_IN: TypeAdapter[Any] = TypeAdapter(QuoteIn)


class NoLongerApplies(Conflict):
    code = "arrangement_no_longer_applies"
    title = "The arrangement no longer applies"


def policy_from_env() -> Policy:
    """The policy in force outside a request (end of day run from the command line)."""
    raw = os.environ.get("CREDITDESK_POLICY")
    return Policy.from_json(raw) if raw else Policy()


def _refused(refusal: Refusal) -> Conflict | ValidationFailed:
    if refusal.conflict:
        return Conflict(refusal.message, code=refusal.code, title="The arrangement cannot be made", extra=refusal.extra,
                        params=refusal.params)
    return ValidationFailed(
        refusal.message,
        code=refusal.code,
        errors={f"body.{refusal.field}" if refusal.field else "body": [refusal.message]},
        extra=refusal.extra,
        params=refusal.params,
    )


# --- quoting ----------------------------------------------------------------------------------

def _open_account(session: Session, account_id: int, *, lock: bool) -> Account:
    if lock:
        return lock_account(session, account_id)
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound(f"There is no account {account_id}.")
    return account


def _waived_in_window(session: Session, account_id: int, today: date, policy: Policy) -> int:
    since = today - timedelta(days=policy.fee_waiver_window_days - 1)
    total = session.scalar(
        select(func.coalesce(func.sum(Arrangement.amount_fen), 0)).where(
            Arrangement.account_id == account_id,
            Arrangement.type == ArrangementType.FEE_WAIVER.value,
            Arrangement.status.in_(WENT_LIVE),
            Arrangement.activated_on >= since,
            Arrangement.activated_on <= today,
        )
    )
    return int(total or 0)


def _previous_extension_on(session: Session, account_id: int) -> date | None:
    return session.scalar(
        select(func.max(Arrangement.activated_on)).where(
            Arrangement.account_id == account_id,
            Arrangement.type == ArrangementType.DUE_DATE_EXTENSION.value,
            Arrangement.status.in_(WENT_LIVE),
        )
    )


def _check_not_duplicated(session: Session, account: Account, arrangement_type: ArrangementType) -> None:
    """One waiting proposal of a type per account; one live hardship plan or promise at a time."""
    statuses = [Status.PENDING_APPROVAL.value]
    if arrangement_type in ONE_AT_A_TIME:
        statuses.append(Status.ACTIVE.value)
    existing = session.scalars(
        select(Arrangement).where(
            Arrangement.account_id == account.id,
            Arrangement.type == arrangement_type.value,
            Arrangement.status.in_(statuses),
        ).limit(1)
    ).first()
    if existing is not None:
        state = "waiting for approval" if existing.status == Status.PENDING_APPROVAL else "in force"
        raise Refusal(
            "arrangement_exists",
            f"The account already has a {arrangement_type.value.replace('_', ' ')} {state} "
            f"(arrangement {existing.id}).",
            conflict=True,
            extra={"arrangement_id": existing.id},
            params={"arrangement_type": existing.type, "arrangement_status": existing.status},
        )


# Arrangements that cannot stand beside each other on one account, live or waiting: a hardship
# plan restructures the very past-due balance a promise to pay is about (docs/contact-history.md).
CONFLICTING_TYPES = {
    ArrangementType.PROMISE_TO_PAY: frozenset({ArrangementType.HARDSHIP_PLAN}),
    ArrangementType.HARDSHIP_PLAN: frozenset({ArrangementType.PROMISE_TO_PAY}),
}
_TYPE_WORDS = {ArrangementType.PROMISE_TO_PAY: "promise to pay", ArrangementType.HARDSHIP_PLAN: "hardship plan"}


def _check_no_conflict(session: Session, account: Account, arrangement_type: ArrangementType,
                       exclude_id: int | None = None) -> None:
    """Refuse (409 `arrangement_conflict`) an arrangement beside a live or waiting one of a type
    it conflicts with; the sentence names the other one and what to do. `exclude_id`: the
    arrangement being approved (the sentence then speaks to its approver)."""
    others = CONFLICTING_TYPES.get(arrangement_type)
    if not others:
        return
    query = select(Arrangement).where(
        Arrangement.account_id == account.id,
        Arrangement.type.in_([t.value for t in others]),
        Arrangement.status.in_([Status.ACTIVE.value, Status.PENDING_APPROVAL.value]),
    )
    if exclude_id is not None:
        query = query.where(Arrangement.id != exclude_id)
    existing = session.scalars(query.order_by(Arrangement.id).limit(1)).first()
    if existing is None:
        return
    other = ArrangementType(existing.type)
    state = "waiting for approval" if existing.status == Status.PENDING_APPROVAL else "in force"
    what_to_do = "Reject this one, or cancel that one first." if exclude_id is not None else "Cancel that one first."
    raise Refusal(
        "arrangement_conflict",
        f"The account has a {_TYPE_WORDS[other]} {state} (arrangement {existing.id}); a "
        f"{_TYPE_WORDS[arrangement_type]} cannot stand beside it. {what_to_do}",
        conflict=True,
        extra={"arrangement_id": existing.id, "arrangement_type": other.value, "arrangement_status": existing.status},
    )


def _require_bill(bill: Bill | None) -> Bill:
    if bill is None:
        raise Refusal("no_bill", "The account has no bill yet.", conflict=True)
    return bill


def _quote(
    *, session: Session, account: Account, terms: Any, policy: Policy, today: date, exclude_id: int | None = None
) -> tuple[QuoteResult, Bill | None]:
    """Quote `terms` on the account as it is now. Raises `Refusal`."""
    kind = ArrangementType(terms.type)
    if account.status in NOT_OPEN_ACCOUNT_STATUSES:
        raise Refusal("account_not_open", f"The account is {account.status.replace('_', ' ')}.", conflict=True,
                      params={"account_status": account.status})
    if exclude_id is None:
        _check_not_duplicated(session, account, kind)
    _check_no_conflict(session, account, kind, exclude_id)
    bill = latest_bill(session, account.id)
    first_due = rules.first_due_date(today, account.due_day)
    if kind is ArrangementType.BILL_INSTALLMENT:
        if account.product != "credit_line":
            raise Refusal("not_a_credit_line", "Only a credit line's bill can be converted.", conflict=True)
        bill = _require_bill(bill)
        if terms.bill_id is not None and terms.bill_id != bill.id:
            raise Refusal("not_latest_bill", f"Only the latest bill ({bill.id}) can be converted.", field="bill_id",
                          params={"bill_id": bill.id})
        if account.past_due_fen > 0:
            raise Refusal("account_overdue", "The account is overdue: offer a hardship plan instead.", conflict=True)
        if bill.due_evaluated or today > bill.due_date:
            raise Refusal("due_date_passed", "A bill can be converted until its due date.", conflict=True)
        parts = rules.bill_convertible(engine.bill_components(bill), bill.disputed_fen)
        result = rules.quote_bill_installment(parts=parts, terms=terms.terms, first_due=first_due)
    elif kind is ArrangementType.DUE_DATE_EXTENSION:
        bill = _require_bill(bill)
        if bill.due_evaluated:
            raise Refusal("due_date_passed", "The bill's due date has passed; it can no longer be extended.",
                          conflict=True)
        if engine.bill_outstanding_fen(bill) <= 0:
            raise Refusal("nothing_due", "The bill is paid; there is nothing to extend.", conflict=True)
        result = rules.quote_due_date_extension(
            days=terms.days,
            due_date=bill.due_date,
            next_statement_date=billing.first_of_next_month(bill.statement_date),
            previous_on=_previous_extension_on(session, account.id),
            today=today,
            policy=policy,
        )
    elif kind is ArrangementType.HARDSHIP_PLAN:
        overdue = account.past_due_fen > 0 and bill is not None
        result = rules.quote_hardship_plan(
            overdue=overdue,
            open_parts=engine.bill_components(bill) if bill is not None else billing.Components(),
            disputed_fen=bill.disputed_fen if bill is not None else 0,
            months=terms.months,
            penalty_waiver_fen=terms.penalty_waiver_fen,
            first_due=first_due,
            policy=policy,
        )
    elif kind is ArrangementType.FEE_WAIVER:
        bill = _require_bill(bill)
        owed = bill.open_fees_fen if terms.component == "fees" else bill.open_interest_fen
        result = rules.quote_fee_waiver(
            amount_fen=terms.amount_fen,
            component=terms.component,
            owed_fen=owed,
            waived_in_window_fen=_waived_in_window(session, account.id, today, policy),
            policy=policy,
        )
    elif kind is ArrangementType.PLAN_PAYOFF:
        result = _quote_payoff(session, account, terms.plan_id, today)
        if not result.effects["on_current_bill"]:
            bill = None
    else:
        result = rules.quote_promise(
            amount_fen=terms.amount_fen,
            promised_date=terms.promised_date,
            owed_fen=account.balance_fen,
            today=today,
            policy=policy,
        )
    if bill is not None and kind is not ArrangementType.PROMISE_TO_PAY:
        result.effects["bill_id"] = bill.id
    return result, bill


def _quote_payoff(session: Session, account: Account, plan_id: int, today: date) -> QuoteResult:
    """An early payoff of one of the account's plans (docs/rules.md, "Paying a plan off early"):
    always within an agent's authority. Read after the account's lock, so of two payoffs of one
    plan at once the second sees the first."""
    try:
        plan = plan_for_payoff(session, plan_id)
    except NotFound as missing:
        raise Refusal("unknown_plan", str(missing.detail), field="plan_id") from None
    if plan.account_id != account.id:
        raise Refusal("unknown_plan", f"Plan {plan_id} is not on account {account.id}.", field="plan_id")
    try:
        payoff = quote_payoff(session=session, plan=plan, account=account, today=today)
    except (PlanEnded, PayoffInForce) as refused:
        raise Refusal(refused.code, str(refused.detail), conflict=True, extra=refused.extra) from None
    return rules.quote_plan_payoff(payoff)


def _terms_document(terms: Any) -> dict[str, Any]:
    document: dict[str, Any] = terms.model_dump(mode="json", exclude={"account_id", "note"})
    return document


def quote_document(result: QuoteResult) -> dict[str, Any]:
    """The quote as stored and sent: schedule, cost, approval reasons and effects (plain JSON)."""
    document: dict[str, Any] = to_json_value({
        "schedule": [
            {"period": p.period, "due_date": p.due_date, "principal_fen": p.principal_fen,
             "fee_fen": p.fee_fen, "total_fen": p.total_fen}
            for p in result.schedule
        ],
        "cost": {"principal_fen": result.principal_fen, "fee_fen": result.fee_fen,
                 "waived_fen": result.waived_fen, "total_fen": result.total_fen},
        "needs_approval": result.needs_approval,
        "approval_reasons": [{"code": r.code, "message": r.message, "params": r.params}
                             for r in result.approval_reasons],
        "effects": result.effects,
    })
    return document


def _quote_fields(document: dict[str, Any]) -> dict[str, Any]:
    return {
        "schedule": [SchedulePeriodOut.model_validate(p) for p in document["schedule"]],
        "cost": CostOut.model_validate(document["cost"]),
        "needs_approval": document["needs_approval"],
        "approval_reasons": [ApprovalReasonOut.model_validate(r) for r in document["approval_reasons"]],
        "effects": document["effects"],
    }


def quote(*, session: Session, account_id: int, terms: Any, policy: Policy, today: date) -> QuoteOut:
    """The quote for `terms` on the account: schedule, cost, whether it needs approval and why,
    and its effects. Changes nothing."""
    account = _open_account(session, account_id, lock=False)
    try:
        result, _bill = _quote(session=session, account=account, terms=terms, policy=policy, today=today)
    except Refusal as refusal:
        raise _refused(refusal) from None
    return QuoteOut(type=terms.type, account_id=account.id, terms=_terms_document(terms),
                    **_quote_fields(quote_document(result)))


# --- effects ----------------------------------------------------------------------------------

def _posted_at(now: datetime) -> datetime:
    return now.astimezone(timezone.utc)


def _new_plan(session: Session, account: Account, kind: str, result: QuoteResult, now: datetime,
              description: str) -> InstallmentPlan:
    plan = InstallmentPlan(
        account_id=account.id, customer_id=account.customer_id, kind=kind, principal_fen=result.principal_fen,
        fee_fen=result.fee_fen, terms=len(result.schedule), status="active", daily_rate_ppm=None,
        source_transaction_id=None, description=description, created_at=now,
    )
    session.add(plan)
    session.flush()
    for p in result.schedule:
        session.add(InstallmentPeriod(
            plan_id=plan.id, account_id=account.id, customer_id=account.customer_id, period=p.period,
            due_date=p.due_date, principal_fen=p.principal_fen, fee_fen=p.fee_fen, paid_fen=0, status="scheduled",
        ))
    return plan


def _settle(session: Session, account: Account, bill: Bill, parts: billing.Components, posting: Posting,
            now: datetime, today: date) -> Transaction:
    """Post a bill-settlement credit and take `parts` off the bill with the engine.

    The credit goes on the bill it settles as a line, and the bill's total drops by it, as any
    credit on billed money does (docs/rules.md, "Credits count at once"): the bill then reads
    total = paid + outstanding + what was moved off it, with the line that says where (its next
    cut leaves the credit out of its cycle)."""
    plans = plans_in_play(session, [account.id]).get(account.id, [])
    engine.settle_on_bill(account, bill, plans, parts, today)
    txn = post_charge(session, account, posting, _posted_at(now))
    session.flush()
    add_bill_line(session, bill, txn)
    bill.total_fen += txn.amount_fen
    session.flush()
    return txn


def _audit_bill(session: Session, ctx: RequestContext, bill: Bill, before: dict[str, Any]) -> None:
    fields = tuple(before)
    old, new = field_diff(before, snapshot(bill, *fields))
    if old or new:
        record_audit(session=session, ctx=ctx, action="bill.arrangement", entity_type="bill", entity_id=bill.id,
                     before=old, after=new, customer_id=bill.customer_id)


def _audit_account(session: Session, ctx: RequestContext | None, account: Account, before: dict[str, Any],
                   action: str, at: datetime) -> None:
    old, new = field_diff(before, snapshot(account, *ACCOUNT_AUDIT_FIELDS))
    if old or new:
        record_audit(session=session, ctx=ctx, at=at, action=action, entity_type="account",
                     entity_id=account.id, before=old, after=new, customer_id=account.customer_id)


BILL_AUDIT_FIELDS = ("due_date", "minimum_payment_fen", "status", "open_interest_fen", "open_fees_fen",
                     "open_installments_fen", "open_principal_fen")


def _apply_effect(*, session: Session, arrangement: Arrangement, account: Account, bill: Bill | None,
                  result: QuoteResult, ctx: RequestContext) -> None:
    """Make the arrangement live: the effect of its type, in the caller's transaction."""
    now = ctx.clock.now()
    today = ctx.clock.today()
    kind = ArrangementType(arrangement.type)
    account_before = snapshot(account, *ACCOUNT_AUDIT_FIELDS)
    bill_before = snapshot(bill, *BILL_AUDIT_FIELDS) if bill is not None else None
    if kind is ArrangementType.BILL_INSTALLMENT:
        assert bill is not None
        parts = rules.bill_convertible(engine.bill_components(bill), bill.disputed_fen)
        plan = _new_plan(session, account, "bill_installment", result, now,
                         f"账单分期 {len(result.schedule)}期 (bill {bill.statement_date:%Y-%m})")
        txn = _settle(session, account, bill, parts,
                      Posting("bill_installment_conversion", -parts.total_fen, today,
                              f"Bill installment, {len(result.schedule)} months", plan=plan,
                              description_code="bill_installment_conversion",
                              description_params={"months": len(result.schedule)}), now, today)
        plan.source_transaction_id = txn.id
        arrangement.plan_id = plan.id
    elif kind is ArrangementType.DUE_DATE_EXTENSION:
        assert bill is not None
        new_due = date.fromisoformat(str(result.effects["new_due_date"]))
        _move_billed_periods(session, account, bill.due_date, new_due)
        bill.due_date = new_due
    elif kind is ArrangementType.HARDSHIP_PLAN:
        assert bill is not None
        waiver = result.waived_fen
        if waiver:
            _settle(session, account, bill, billing.Components(interest_fen=waiver),
                    Posting("fee_waiver", -waiver, today, "Penalty interest waived (hardship plan)",
                            description_code="hardship_penalty_waiver"), now, today)
        parts = rules.hardship_parts(engine.bill_components(bill), bill.disputed_fen, 0)
        plan = _new_plan(session, account, "hardship_plan", result, now,
                         f"协商还款 {len(result.schedule)}期")
        txn = _settle(session, account, bill, parts,
                      Posting("hardship_conversion", -parts.total_fen, today,
                              f"Hardship plan, {len(result.schedule)} months", plan=plan,
                              description_code="hardship_conversion",
                              description_params={"months": len(result.schedule)}), now, today)
        plan.source_transaction_id = txn.id
        arrangement.plan_id = plan.id
        # Kept, the plan cures the delinquency and stops penalty interest.
        account.past_due_fen = 0
        account.overdue_since = None
        account.penalty_suspended = True
    elif kind is ArrangementType.PLAN_PAYOFF:
        plan_id = int(arrangement.terms["plan_id"])
        plan = plan_for_payoff(session, plan_id)
        payoff = quote_payoff(session=session, plan=plan, account=account, today=today)
        apply_payoff(session=session, account=account, plan=plan, quote=payoff, posted_at=_posted_at(now),
                     today=today)
        arrangement.plan_id = plan.id
    elif kind is ArrangementType.FEE_WAIVER:
        assert bill is not None
        component = arrangement.terms["component"]
        parts = (billing.Components(fees_fen=result.principal_fen) if component == "fees"
                 else billing.Components(interest_fen=result.principal_fen))
        label = {"fees": "Fees", "interest": "Interest", "penalty_interest": "Penalty interest"}[component]
        _settle(session, account, bill, parts,
                Posting(rules.WAIVER_POSTING_TYPE[component], -result.principal_fen, today, f"{label} waived",
                        description_code="waiver", description_params={"component": component}),
                now, today)
    if bill is not None:
        arrangement.bill_id = bill.id
        if bill_before is not None:
            _audit_bill(session, ctx, bill, bill_before)
    _audit_account(session, ctx, account, account_before, "account.arrangement", now)
    arrangement.status = Status.ACTIVE.value
    arrangement.activated_at = now
    arrangement.activated_on = today


def _move_billed_periods(session: Session, account: Account, old_due: date, new_due: date) -> None:
    """The periods the bill holds (billed at its cut, due on its due date) follow it when it is
    extended, so a hardship plan's payment is judged on the bill's due date, extended or not
    (docs/rules.md, "Hardship plans follow the bill")."""
    periods = session.scalars(
        select(InstallmentPeriod).where(InstallmentPeriod.account_id == account.id,
                                        InstallmentPeriod.due_date == old_due,
                                        InstallmentPeriod.status != "scheduled")
    ).all()
    for period in periods:
        period.due_date = new_due


def _end_hardship(session: Session, arrangement: Arrangement, account: Account, day: date,
                  at: datetime) -> None:
    """A hardship plan broken or cancelled: the periods not yet billed are cancelled and their
    principal goes back on the account (revolving balance, on the next statement); penalty
    interest resumes."""
    plan = session.scalars(
        select(InstallmentPlan).where(InstallmentPlan.id == arrangement.plan_id)
        .options(selectinload(InstallmentPlan.periods))
    ).one()
    unbilled = [p for p in plan.periods if p.status == "scheduled"]
    remaining = sum(p.principal_fen for p in unbilled)
    for period in unbilled:
        period.status = "cancelled"
    plan.status = "broken"
    if remaining:
        post_charge(session, account, Posting("adjustment", remaining, day,
                                              "Hardship plan ended: remaining balance back on the account",
                                              plan=plan, description_code="hardship_ended"), at)
    account.penalty_suspended = False


# --- proposing and acting ---------------------------------------------------------------------

def _summary(result: QuoteResult, terms: dict[str, Any]) -> str:
    kind = result.type
    if kind is ArrangementType.HARDSHIP_PLAN:
        what = f"Hardship plan: {terms['months']} months, {fen_text(result.principal_fen)}"
    elif kind is ArrangementType.DUE_DATE_EXTENSION:
        what = f"Due date extension: {terms['days']} days"
    elif kind is ArrangementType.FEE_WAIVER:
        what = f"Fee waiver: {fen_text(result.principal_fen)} of {terms['component'].replace('_', ' ')}"
    else:
        what = f"{kind.value.replace('_', ' ').capitalize()}: {fen_text(result.principal_fen)}"
    why = "; ".join(r.message for r in result.approval_reasons)
    return f"{what}. Needs approval: {why}"


def _summary_params(result: QuoteResult, terms: dict[str, Any]) -> dict[str, Any]:
    """The summary's parameters (code `arrangement`, docs/api-wording.md): the type, the money,
    the term that matters for the type, and why it waits for a supervisor."""
    params: dict[str, Any] = {"type": result.type.value, "amount_fen": result.principal_fen}
    for key in ("months", "days", "component"):
        if key in terms:
            params[key] = terms[key]
    params["reasons"] = [{"code": r.code, "params": r.params} for r in result.approval_reasons]
    return params


def propose(*, session: Session, body: Any, ctx: RequestContext, policy: Policy) -> Arrangement:
    """Re-quote the terms on the account and either make the arrangement live now (within an
    agent's authority) or leave it `pending_approval` with a case in the approvals queue. A
    supervisor's proposal beyond an agent's authority waits as well: another supervisor approves."""
    account = _open_account(session, body.account_id, lock=True)
    today = ctx.clock.today()
    now = ctx.clock.now()
    try:
        result, bill = _quote(session=session, account=account, terms=body, policy=policy, today=today)
    except Refusal as refusal:
        raise _refused(refusal) from None
    terms = _terms_document(body)
    arrangement = Arrangement(
        account_id=account.id, customer_id=account.customer_id, type=result.type.value,
        status=Status.PENDING_APPROVAL.value, terms=terms, quote=quote_document(result),
        needs_approval=result.needs_approval, amount_fen=result.principal_fen, note=body.note,
        proposed_by=ctx.user.id, proposed_by_name=ctx.user.display_name, proposed_at=now, version=1,
    )
    session.add(arrangement)
    session.flush()
    record_audit(session=session, ctx=ctx, action="arrangement.propose", entity_type="arrangement",
                 entity_id=arrangement.id, customer_id=account.customer_id,
                 after={"account_id": account.id, "type": arrangement.type, "terms": terms,
                        "status": arrangement.status, "needs_approval": arrangement.needs_approval,
                        "amount_fen": arrangement.amount_fen})
    if result.needs_approval:
        open_case(
            session=session, case_type=CaseType.ARRANGEMENT, subject_id=arrangement.id, account_id=account.id,
            customer_id=account.customer_id, status=Status.PENDING_APPROVAL.value,
            summary=_summary(result, terms),
            summary_code="arrangement",
            summary_params=_summary_params(result, terms),
            due_at=add_business_days(now, policy.approval_business_days), ctx=ctx,
            amount_fen=result.principal_fen, note=body.note,
        )
    else:
        _activate(session=session, arrangement=arrangement, account=account, bill=bill, result=result, ctx=ctx)
    return arrangement


def _activate(*, session: Session, arrangement: Arrangement, account: Account, bill: Bill | None,
              result: QuoteResult, ctx: RequestContext) -> None:
    before = snapshot(arrangement, *ARRANGEMENT_AUDIT_FIELDS)
    _apply_effect(session=session, arrangement=arrangement, account=account, bill=bill, result=result, ctx=ctx)
    session.flush()
    old, new = field_diff(before, snapshot(arrangement, *ARRANGEMENT_AUDIT_FIELDS))
    record_audit(session=session, ctx=ctx, action="arrangement.activate", entity_type="arrangement",
                 entity_id=arrangement.id, before=old, after=new, customer_id=arrangement.customer_id)


def get_arrangement(*, session: Session, arrangement_id: int) -> Arrangement:
    arrangement = session.get(Arrangement, arrangement_id)
    if arrangement is None:
        raise NotFound(f"There is no arrangement {arrangement_id}.")
    return arrangement


def _check_may_act(arrangement: Arrangement, action: rules.Action, user: User) -> None:
    """403 when the caller's role or person may not take `action` at all; 409 when the state
    does not allow it."""
    is_proposer = arrangement.proposed_by == user.id
    status = arrangement.status
    if action in (rules.Action.APPROVE, rules.Action.REJECT):
        if user.role != rules.APPROVER_ROLE:
            raise Forbidden("Only a supervisor may approve or reject an arrangement.",
                            params={"action": action.value, "required_role": "supervisor"})
        if status != Status.PENDING_APPROVAL:
            raise InvalidTransition(f"The arrangement is {status}; only one waiting for approval can be {action}d.",
                                    params=transition_params("arrangement", status, action.value, ()))
        if is_proposer:
            raise FourEyes("You proposed this arrangement; another supervisor must decide it (four eyes).",
                           params={"subject": "arrangement"})
        return
    if status == Status.PENDING_APPROVAL:
        if not (is_proposer or user.role == rules.APPROVER_ROLE):
            raise Forbidden("Only the proposer or a supervisor may cancel an arrangement waiting for approval.")
        return
    if status == Status.ACTIVE:
        if user.role != rules.APPROVER_ROLE:
            raise Forbidden("Only a supervisor may cancel an arrangement in force.")
        if arrangement.type not in rules.CANCELLABLE_WHEN_ACTIVE:
            raise InvalidTransition(
                f"A {arrangement.type.replace('_', ' ')} in force cannot be cancelled: its effect is done.",
                params=transition_params("arrangement", status, action.value, ()),
            )
        return
    raise InvalidTransition(f"The arrangement is {status}; it cannot be cancelled.",
                            params=transition_params("arrangement", status, action.value, ()))


def _same_quote(stored: dict[str, Any], fresh: dict[str, Any]) -> bool:
    keys = ("schedule", "cost")
    effects = {k: v for k, v in fresh["effects"].items() if k != "waived_in_window_fen"}
    stored_effects = {k: v for k, v in stored["effects"].items() if k != "waived_in_window_fen"}
    return all(stored[k] == fresh[k] for k in keys) and effects == stored_effects


def act(*, session: Session, arrangement_id: int, action: rules.Action, body: ActionIn, if_match: str | None,
        ctx: RequestContext, policy: Policy) -> Arrangement:
    """approve / reject / cancel, guarded by `If-Match`. Audited; the case (while there is one)
    gets the timeline entry and is closed."""
    current = get_arrangement(session=session, arrangement_id=arrangement_id)
    try:
        _check_may_act(current, action, ctx.user)  # role checks first: a 403 never depends on a version
    except InvalidTransition:
        # Someone acted since the caller read it: a stale If-Match is answered 412 (with the current
        # ETag) whether or not this request read the row before that action committed, so racing
        # losers get the same answer on SQLite and PostgreSQL. A fresh If-Match falls through (the
        # version claimed here is rolled back with the refusal).
        claim_version(session=session, model=Arrangement, kind=ETAG_KIND, entity_id=arrangement_id,
                      if_match=if_match)
        raise
    claim_version(session=session, model=Arrangement, kind=ETAG_KIND, entity_id=arrangement_id, if_match=if_match)
    arrangement = session.get(Arrangement, arrangement_id, populate_existing=True)
    assert arrangement is not None
    _check_may_act(arrangement, action, ctx.user)
    now = ctx.clock.now()
    today = ctx.clock.today()
    before = snapshot(arrangement, *ARRANGEMENT_AUDIT_FIELDS)
    was_pending = arrangement.status == Status.PENDING_APPROVAL
    # Lock order for every casework write: subject, case, account, audit chain. Taking the case
    # row later (after the audit chain) could deadlock against a concurrent case assignment.
    case = (
        case_of(session=session, case_type=CaseType.ARRANGEMENT, subject_id=arrangement.id, for_update=True)
        if was_pending
        else None
    )
    comment = body.comment or None
    if action is rules.Action.REJECT and not comment:
        raise ValidationFailed("Say why the arrangement is rejected.", code="comment_required",
                               errors={"body.comment": ["required to reject"]})
    if action is rules.Action.APPROVE:
        account = _open_account(session, arrangement.account_id, lock=True)
        terms = _QUOTE_IN.validate_python(arrangement.terms)
        try:
            result, bill = _quote(session=session, account=account, terms=terms, policy=policy, today=today,
                                  exclude_id=arrangement.id)
        except Refusal as refusal:
            if refusal.code == "arrangement_conflict":  # its sentence already says what to do
                raise NoLongerApplies(refusal.message) from None
            raise NoLongerApplies(f"{refusal.message} Reject it, or cancel it and propose again.") from None
        if not _same_quote(arrangement.quote, quote_document(result)):
            raise NoLongerApplies(
                "The account changed since this was proposed, so the quote differs. Reject it and propose again."
            )
        _apply_effect(session=session, arrangement=arrangement, account=account, bill=bill, result=result, ctx=ctx)
    elif action is rules.Action.REJECT:
        arrangement.status = Status.REJECTED.value
        arrangement.resolved_on = today
    else:
        if arrangement.status == Status.ACTIVE and arrangement.type == ArrangementType.HARDSHIP_PLAN:
            account = _open_account(session, arrangement.account_id, lock=True)
            account_before = snapshot(account, *ACCOUNT_AUDIT_FIELDS)
            _end_hardship(session, arrangement, account, today, now)
            _audit_account(session, ctx, account, account_before, "account.arrangement", now)
        arrangement.status = Status.CANCELLED.value
        arrangement.resolved_on = today
    if action is not rules.Action.CANCEL or was_pending:
        arrangement.decided_by = ctx.user.id
        arrangement.decided_by_name = ctx.user.display_name
        arrangement.decided_at = now
        arrangement.decision_comment = comment
    session.flush()
    old, new = field_diff(before, snapshot(arrangement, *ARRANGEMENT_AUDIT_FIELDS))
    record_audit(session=session, ctx=ctx, action=f"arrangement.{action.value}", entity_type="arrangement",
                 entity_id=arrangement.id, before=old, after=new, customer_id=arrangement.customer_id)
    if case is not None:
        change_case(session=session, case=case, ctx=ctx, action={"approve": "approved", "reject": "rejected",
                    "cancel": "cancelled"}[action.value], note=comment, status=arrangement.status, close=True)
    return arrangement


# --- reading ----------------------------------------------------------------------------------

def _case_id(session: Session, arrangement_id: int) -> int | None:
    return session.scalar(select(Case.id).where(Case.type == CaseType.ARRANGEMENT.value,
                                                Case.subject_id == arrangement_id))


def arrangement_out(*, session: Session, arrangement: Arrangement, user: User) -> ArrangementOut:
    return ArrangementOut(
        id=arrangement.id, account_id=arrangement.account_id, customer_id=arrangement.customer_id,
        type=arrangement.type,  # type: ignore[arg-type]
        status=arrangement.status,  # type: ignore[arg-type]
        terms=arrangement.terms, **_quote_fields(arrangement.quote),
        note=arrangement.note, proposed_by=arrangement.proposed_by, proposed_by_name=arrangement.proposed_by_name,
        proposed_at=arrangement.proposed_at, decided_by=arrangement.decided_by,
        decided_by_name=arrangement.decided_by_name, decided_at=arrangement.decided_at,
        decision_comment=arrangement.decision_comment, activated_at=arrangement.activated_at,
        resolved_on=arrangement.resolved_on, bill_id=arrangement.bill_id, plan_id=arrangement.plan_id,
        case_id=_case_id(session, arrangement.id), version=arrangement.version,
        allowed_actions=rules.allowed_actions(  # type: ignore[arg-type]
            status=arrangement.status, arrangement_type=arrangement.type, role=user.role,
            is_proposer=arrangement.proposed_by == user.id,
        ),
    )


def list_account_arrangements(*, session: Session, account_id: int, limit: int,
                              cursor: str | None) -> Page[ArrangementSummary]:
    """The account's arrangements, newest first."""
    rows, next_cursor = newest_first(
        session,
        select(Arrangement).where(Arrangement.account_id == account_id),
        at=Arrangement.proposed_at,
        id_=Arrangement.id,
        kind=ARRANGEMENTS_CURSOR,
        limit=limit,
        cursor=cursor,
    )
    return Page[ArrangementSummary](
        items=[ArrangementSummary.model_validate(a, from_attributes=True) for a in rows], next_cursor=next_cursor
    )


# --- end of day -------------------------------------------------------------------------------

def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 30), BUSINESS_TZ).astimezone(timezone.utc)


def _repaid_since(session: Session, arrangement: Arrangement, through: date) -> int:
    """Repayments on the account since the promise was made, through `through`; fen."""
    total = session.scalar(
        select(func.coalesce(func.sum(-Transaction.amount_fen), 0)).where(
            Transaction.account_id == arrangement.account_id,
            Transaction.type == "repayment",
            Transaction.posted_at >= arrangement.activated_at,
            Transaction.business_date <= through,
        )
    )
    return int(total or 0)


def _resolve(session: Session, arrangement: Arrangement, status: Status, day: date, at: datetime,
             extra: dict[str, Any] | None = None) -> None:
    before = {"status": arrangement.status, "resolved_on": arrangement.resolved_on}
    arrangement.status = status.value
    arrangement.resolved_on = day
    arrangement.version += 1
    record_audit(session=session, at=at, action=f"arrangement.{status.value}", entity_type="arrangement",
                 entity_id=arrangement.id, before=before,
                 after={"status": arrangement.status, "resolved_on": day, **(extra or {})},
                 customer_id=arrangement.customer_id)


def settle_arrangements(session: Session, business_date: date, *, policy: Policy | None = None,
                        account_ids: Collection[int] | None = None) -> int:
    """End of day for arrangements, after the accounts' day is closed through `business_date`:
    promises to pay whose date has ended are kept or broken; hardship plans are completed (every
    period paid) or broken (the policy's number of periods past due and unpaid). Returns how many
    changed. Rerunning the same date changes nothing more. `account_ids`: only those accounts'
    (end of day settles each batch of accounts under the batch's locks)."""
    # The limits in force in the database (the configuration only seeds them).
    policy = policy or current_policy(session=session, seed=policy_from_env())
    at = _end_of(business_date)
    live: Sequence[Arrangement] = session.scalars(
        select(Arrangement).where(
            Arrangement.status == Status.ACTIVE.value,
            Arrangement.type.in_([ArrangementType.PROMISE_TO_PAY.value, ArrangementType.HARDSHIP_PLAN.value,
                                  ArrangementType.PLAN_PAYOFF.value]),
            Arrangement.activated_on <= business_date,
            *([Arrangement.account_id.in_(list(account_ids))] if account_ids is not None else []),
        ).order_by(Arrangement.id)
    ).all()
    changed = 0
    for arrangement in live:
        if arrangement.type == ArrangementType.PROMISE_TO_PAY:
            promised = date.fromisoformat(arrangement.terms["promised_date"])
            if business_date < promised:
                continue
            repaid = _repaid_since(session, arrangement, promised)
            outcome = rules.promise_outcome(amount_fen=arrangement.amount_fen, repaid_fen=repaid,
                                            promised_date=promised, day=business_date)
            if outcome is not None:
                _resolve(session, arrangement, outcome, business_date, at, {"repaid_fen": repaid})
                changed += 1
            continue
        plan = session.scalars(
            select(InstallmentPlan).where(InstallmentPlan.id == arrangement.plan_id)
            .options(selectinload(InstallmentPlan.periods))
        ).one()
        if arrangement.type == ArrangementType.PLAN_PAYOFF:
            # Completed when the plan is paid off; a plan that ended otherwise (a hardship plan
            # broken while its payoff was unpaid) breaks it.
            if plan.status != "active":
                _resolve(session, arrangement,
                         Status.COMPLETED if plan.status in ENDED_PAID else Status.BROKEN, business_date, at,
                         {"plan_status": plan.status})
                changed += 1
            continue
        periods = [(p.due_date, p.status) for p in plan.periods]
        if plan.status in ENDED_PAID:
            account = _open_account(session, arrangement.account_id, lock=True)
            account_before = snapshot(account, *ACCOUNT_AUDIT_FIELDS)
            account.penalty_suspended = False
            _resolve(session, arrangement, Status.COMPLETED, business_date, at)
            _audit_account(session, None, account, account_before, "account.arrangement", at)
            changed += 1
        elif rules.hardship_broken(periods, business_date, policy):
            account = _open_account(session, arrangement.account_id, lock=True)
            account_before = snapshot(account, *ACCOUNT_AUDIT_FIELDS)
            _end_hardship(session, arrangement, account, business_date, at)
            _resolve(session, arrangement, Status.BROKEN, business_date, at,
                     {"missed_payments": rules.missed_payments(periods, business_date)})
            _audit_account(session, None, account, account_before, "account.arrangement", at)
            changed += 1
    session.flush()
    return changed
