"""Disputes: filing one (with its case), reading it, and moving it through its states with the
money each step posts. The rules themselves are pure functions in `backend.disputes.rules`;
this module applies them to the database in the caller's transaction (never commits).

Locking: every write takes the account row first (after the dispute's version claim, for an
action), so the account's `disputed_fen` and balance never lose an update, and two filings on
one transaction are serialized (the unique `open_transaction_id` backs that up).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import Account, Transaction
from backend.accounts.schemas import TransactionOut
from backend.audit.service import field_diff, record_audit, snapshot
from backend.auth.models import User
from backend.billing.engine import Posting
from backend.billing.ledger import hold_on_bill, post_claim_money
from backend.cases.models import Case, CaseType, Priority
from backend.cases.service import case_of, case_sla_state, change_case, open_case
from backend.claims.service import claims_on, ensure_fits
from backend.clock import business_date_of
from backend.common.casework import InvalidTransition, ensure_four_eyes, transition_params
from backend.common.concurrency import claim_version
from backend.common.context import RequestContext
from backend.common.locking import lock_account
from backend.common.money import fen_text
from backend.common.pagination import Page, newest_first
from backend.disputes import rules
from backend.disputes.models import Dispute, DisputeMoneyEvent
from backend.disputes.rules import DisputeAction, DisputeStatus, ExtensionRefusal, MoneyEventKind
from backend.disputes.schemas import (
    DisputeIn,
    DisputeOut,
    DisputeSla,
    DisputeSummary,
    ExtendBody,
    MoneyEventOut,
    NoteBody,
    ProposalOut,
    ProposeOutcomeBody,
    ProvisionalCreditBody,
    RejectOutcomeBody,
)
from backend.errors import Conflict, Forbidden, NotFound, ValidationFailed
from backend.fraud import queries as fraud_queries
from backend.settings import Policy

ETAG_KIND = "dispute"
DISPUTES_CURSOR = "disputes"

# The fields whose changes each action audits (before → after).
AUDITED_FIELDS = (
    "status",
    "outcome",
    "awarded_fen",
    "provisional_credit_fen",
    "proposed_outcome",
    "proposed_amount_fen",
    "proposed_by",
    "resolution_note",
    "acknowledged_at",
    "resolved_at",
    "resolved_by",
    "decide_due_at",
    "extended_days",
    "extension_count",
    "paused_since",
    "paused_seconds",
)

ActionBody = NoteBody | ProvisionalCreditBody | ExtendBody | ProposeOutcomeBody | RejectOutcomeBody


class AlreadyDisputed(Conflict):
    code = "already_disputed"
    title = "The transaction is already under an open dispute"


class ReportedAsFraud(Conflict):
    code = "reported_as_fraud"
    title = "The transaction is in a fraud report"


class ProvisionalCreditOutstanding(Conflict):
    code = "provisional_credit_outstanding"
    title = "A provisional credit is already outstanding"


class NoProvisionalCredit(Conflict):
    code = "no_provisional_credit"
    title = "No provisional credit is outstanding"


class ExtensionNeedsSupervisor(Forbidden):
    code = "extension_needs_supervisor"
    title = "Only a supervisor may extend this far"


class ExtensionOverLimit(ValidationFailed):
    code = "extension_limit"
    title = "The extension goes beyond the longest decision window allowed"


def get_dispute(*, session: Session, dispute_id: int) -> Dispute:
    """The dispute, or 404 `not_found`."""
    dispute = session.get(Dispute, dispute_id)
    if dispute is None:
        raise NotFound(f"There is no dispute {dispute_id}.")
    return dispute


def _facts(dispute: Dispute, policy: Policy) -> rules.DisputeFacts:
    return rules.DisputeFacts(
        status=dispute.status,
        provisional_outstanding_fen=dispute.provisional_credit_fen,
        proposed_by=dispute.proposed_by,
        decide_days=policy.dispute_decide_days,
        extended_days=dispute.extended_days,
        extension_count=dispute.extension_count,
    )


def allowed_actions_for(dispute: Dispute, user: User, policy: Policy) -> list[str]:
    return rules.allowed_actions(
        _facts(dispute, policy),
        role=user.role,
        user_id=user.id,
        handler_max_days=policy.dispute_handler_extension_days,
        supervisor_max_days=policy.dispute_supervisor_extension_days,
    )


def dispute_out(
    *, session: Session, dispute: Dispute, user: User, policy: Policy, now: datetime, case: Case | None = None
) -> DisputeOut:
    """The dispute as its endpoints return it, with `allowed_actions` for `user`."""
    transaction = session.get(Transaction, dispute.transaction_id)
    if transaction is None:  # the foreign key makes this impossible
        raise NotFound(f"There is no transaction {dispute.transaction_id}.")
    if case is None:
        case = case_of(session=session, case_type=CaseType.DISPUTE, subject_id=dispute.id)
    events = session.scalars(
        select(DisputeMoneyEvent).where(DisputeMoneyEvent.dispute_id == dispute.id).order_by(DisputeMoneyEvent.id)
    ).all()
    proposal = None
    if dispute.proposed_outcome is not None and dispute.proposed_by is not None and dispute.proposed_at:
        proposal = ProposalOut(
            outcome=dispute.proposed_outcome,  # type: ignore[arg-type]
            amount_fen=dispute.proposed_amount_fen or 0,
            note=dispute.proposal_note,
            proposed_by=dispute.proposed_by,
            proposed_at=dispute.proposed_at,
        )
    return DisputeOut(
        id=dispute.id,
        case_id=case.id,
        account_id=dispute.account_id,
        customer_id=dispute.customer_id,
        transaction_id=dispute.transaction_id,
        transaction=TransactionOut.model_validate(transaction),
        category=dispute.category,  # type: ignore[arg-type]
        reason=dispute.reason,  # type: ignore[arg-type]
        channel=dispute.channel,  # type: ignore[arg-type]
        description=dispute.description,
        disputed_amount_fen=dispute.disputed_amount_fen,
        status=dispute.status,  # type: ignore[arg-type]
        outcome=dispute.outcome,  # type: ignore[arg-type]
        awarded_fen=dispute.awarded_fen,
        provisional_credit_fen=dispute.provisional_credit_fen,
        proposal=proposal,
        resolution_note=dispute.resolution_note,
        money_events=[MoneyEventOut.model_validate(event) for event in events],
        sla=DisputeSla(
            acknowledge_due_at=dispute.acknowledge_due_at,
            acknowledged_at=dispute.acknowledged_at,
            decide_due_at=dispute.decide_due_at,
            decide_days=policy.dispute_decide_days + dispute.extended_days,
            extended_days=dispute.extended_days,
            extension_count=dispute.extension_count,
            paused=dispute.paused_since is not None,
            paused_since=dispute.paused_since,
            paused_seconds=dispute.paused_seconds,
            state=case_sla_state(case, now).value,
        ),
        opened_by=dispute.opened_by,
        opened_at=dispute.opened_at,
        resolved_at=dispute.resolved_at,
        resolved_by=dispute.resolved_by,
        version=dispute.version,
        allowed_actions=allowed_actions_for(dispute, user, policy),  # type: ignore[arg-type]
    )


def list_account_disputes(
    *, session: Session, account_id: int, limit: int, cursor: str | None
) -> Page[DisputeSummary]:
    """An account's disputes, newest first."""
    rows, next_cursor = newest_first(
        session,
        select(Dispute).where(Dispute.account_id == account_id),
        at=Dispute.opened_at,
        id_=Dispute.id,
        kind=DISPUTES_CURSOR,
        limit=limit,
        cursor=cursor,
    )
    return Page[DisputeSummary](items=[DisputeSummary.model_validate(d) for d in rows], next_cursor=next_cursor)


# --- Filing ----------------------------------------------------------------------------------

def file_dispute(*, session: Session, body: DisputeIn, ctx: RequestContext, policy: Policy) -> Dispute:
    """File a dispute of a debit: checks the reason against the category and the amount against
    what is still disputable, adds the amount to the account's `disputed_fen`, opens the case in
    the disputes queue (due: the acknowledgement), and audits `dispute.create`.

    422 for a transaction that does not exist or cannot be disputed, a reason outside its
    category or an amount above what can be disputed; 409 `already_disputed` when the
    transaction is under an open dispute; 409 `reported_as_fraud` when a live or confirmed fraud
    report names it."""
    transaction = session.get(Transaction, body.transaction_id)
    errors: dict[str, list[str]] = {}
    if transaction is None:
        errors["body.transaction_id"] = ["there is no such transaction"]
    elif not rules.is_disputable(transaction.type, transaction.amount_fen):
        errors["body.transaction_id"] = [
            f"a {transaction.type} of {transaction.amount_fen} fen cannot be disputed: only debits "
            f"({', '.join(sorted(rules.DISPUTABLE_TRANSACTION_TYPES))})"
        ]
    if not rules.reason_fits(body.category, body.reason):
        errors["body.reason"] = [
            f"not a reason under {body.category}: one of {', '.join(rules.reasons_for(body.category))}"
        ]
    if errors or transaction is None:
        raise ValidationFailed("The dispute cannot be filed as it is.", errors=errors)

    account = lock_account(session, transaction.account_id)
    open_dispute = session.scalar(select(Dispute.id).where(Dispute.open_transaction_id == transaction.id))
    if open_dispute is not None:
        raise AlreadyDisputed(
            f"Transaction {transaction.id} is already under open dispute {open_dispute}.",
            extra={"dispute_id": open_dispute},
            params={"transaction_id": transaction.id, "dispute_id": open_dispute},
        )
    fraud_report = fraud_queries.report_holding(session, transaction.id)
    if fraud_report is not None:
        # Either way the customer would be credited twice: by the write-off and by the award.
        raise ReportedAsFraud(
            f"Transaction {transaction.id} is in fraud report {fraud_report}; work it there "
            "(a confirmed report writes it off) instead of disputing it.",
            extra={"fraud_report_id": fraud_report},
            params={"transaction_id": transaction.id, "fraud_report_id": fraud_report},
        )
    claims = claims_on(session, [transaction.id])[transaction.id]
    if body.disputed_amount_fen <= transaction.amount_fen:
        # Whatever is already held or given back of the transaction, by disputes or fraud
        # reports (docs/rules.md, "Claims on a transaction"): 409 naming it.
        ensure_fits(claims, transaction_amount_fen=transaction.amount_fen, amount_fen=body.disputed_amount_fen,
                    what="a dispute", source=None)
    most = rules.max_disputable_fen(transaction.amount_fen, claims.claimed_fen())
    if body.disputed_amount_fen > most:
        raise ValidationFailed(
            f"At most {most} fen of transaction {transaction.id} can be disputed.",
            errors={"body.disputed_amount_fen": [f"must be between 1 and {most} fen"]},
        )

    now = ctx.clock.now()
    acknowledge_due = rules.acknowledge_deadline(now, policy.dispute_acknowledge_business_days)
    dispute = Dispute(
        account_id=account.id,
        customer_id=account.customer_id,
        transaction_id=transaction.id,
        open_transaction_id=transaction.id,
        category=body.category,
        reason=body.reason,
        channel=body.channel,
        description=body.description,
        disputed_amount_fen=body.disputed_amount_fen,
        status=DisputeStatus.NEW.value,
        provisional_credit_fen=0,
        opened_by=ctx.user.id,
        opened_at=now,
        acknowledge_due_at=acknowledge_due,
        decide_due_at=rules.decide_deadline(now, policy.dispute_decide_days),
        extended_days=0,
        extension_count=0,
        paused_seconds=0,
        version=1,
    )
    session.add(dispute)
    session.flush()
    high = rules.needs_approval(claims.credited_fen() + body.disputed_amount_fen,
                                policy.dispute_outcome_approval_over_fen)
    case = open_case(
        session=session,
        case_type=CaseType.DISPUTE,
        subject_id=dispute.id,
        account_id=account.id,
        customer_id=account.customer_id,
        status=dispute.status,
        summary=(
            f"Dispute ({body.category.replace('_', ' ')}: {body.reason.replace('_', ' ')}):"
            f" {fen_text(body.disputed_amount_fen)}"
            f" of transaction {transaction.id}"
            + (f" ({transaction.merchant})" if transaction.merchant else "")
        ),
        summary_code="dispute",
        summary_params={"category": body.category, "reason": body.reason, "amount_fen": body.disputed_amount_fen,
                        "transaction_id": transaction.id, "merchant": transaction.merchant},
        due_at=acknowledge_due,
        ctx=ctx,
        priority=Priority.HIGH if high else Priority.NORMAL,
        amount_fen=body.disputed_amount_fen,
        note=body.description,
    )
    dispute.case_id = case.id
    held = rules.held_fen(disputed_fen=dispute.disputed_amount_fen, provisional_outstanding_fen=0, is_open=True)
    account.disputed_fen += held
    hold_on_bill(session, account, transaction, held, business_date_of(now))
    session.flush()
    record_audit(
        session=session,
        ctx=ctx,
        action="dispute.create",
        entity_type="dispute",
        entity_id=dispute.id,
        after={
            "case_id": case.id,
            **snapshot(
                dispute,
                "account_id",
                "transaction_id",
                "category",
                "reason",
                "channel",
                "description",
                "disputed_amount_fen",
                "status",
                "acknowledge_due_at",
                "decide_due_at",
            ),
        },
        customer_id=account.customer_id,
    )
    return dispute


# --- Actions ---------------------------------------------------------------------------------

def _post_money(
    *,
    session: Session,
    dispute: Dispute,
    account: Account,
    transaction: Transaction,
    kind: MoneyEventKind,
    amount_fen: int,
    ctx: RequestContext,
) -> DisputeMoneyEvent:
    """Post one money event as a real transaction on the account and keep it (append-only)."""
    now = ctx.clock.now()
    labels = {
        MoneyEventKind.PROVISIONAL_CREDIT_GRANTED: "provisional credit",
        MoneyEventKind.PROVISIONAL_CREDIT_REVERSED: "provisional credit reversed",
        MoneyEventKind.REFUND_CREDITED: "refund",
        MoneyEventKind.WRITTEN_OFF: "written off",
    }
    posting = Posting(
        type=rules.TRANSACTION_TYPE_OF_EVENT[kind],
        amount_fen=amount_fen,
        business_date=business_date_of(now),
        description=f"Dispute {dispute.id}: {labels[kind]}",
        merchant=transaction.merchant,
        description_code="dispute_money",
        description_params={"dispute_id": dispute.id, "event": kind.value},
    )
    posted = post_claim_money(session, account, posting, now, transaction)
    session.flush()
    event = DisputeMoneyEvent(
        dispute_id=dispute.id,
        account_id=account.id,
        customer_id=account.customer_id,
        kind=kind.value,
        amount_fen=amount_fen,
        transaction_id=posted.id,
        at=now,
        actor_id=ctx.user.id,
    )
    session.add(event)
    session.flush()
    record_audit(
        session=session,
        ctx=ctx,
        action="dispute.money_event",
        entity_type="dispute_money_event",
        entity_id=event.id,
        after={
            "dispute_id": dispute.id,
            "kind": event.kind,
            "amount_fen": amount_fen,
            "transaction_id": posted.id,
            "transaction_type": posting.type,
        },
        customer_id=account.customer_id,
    )
    return event


def _resolve(
    *,
    session: Session,
    dispute: Dispute,
    account: Account,
    outcome: str,
    awarded_fen: int,
    note: str | None,
    ctx: RequestContext,
) -> None:
    """Resolve with `outcome`: reverse any outstanding provisional credit, credit the award."""
    transaction = session.get(Transaction, dispute.transaction_id)
    assert transaction is not None  # the foreign key
    if awarded_fen > 0:
        ensure_fits(claims_on(session, [transaction.id])[transaction.id],
                    transaction_amount_fen=transaction.amount_fen, amount_fen=awarded_fen,
                    what=f"the award of dispute {dispute.id}", source=("dispute", dispute.id), counting="credited")
    for kind, amount in rules.resolution_money(
        category=dispute.category,
        awarded_fen=awarded_fen,
        provisional_outstanding_fen=dispute.provisional_credit_fen,
    ):
        _post_money(
            session=session,
            dispute=dispute,
            account=account,
            transaction=transaction,
            kind=kind,
            amount_fen=amount,
            ctx=ctx,
        )
    dispute.provisional_credit_fen = 0
    dispute.status = DisputeStatus.RESOLVED.value
    dispute.outcome = outcome
    dispute.awarded_fen = awarded_fen
    dispute.resolution_note = note
    dispute.resolved_at = ctx.clock.now()
    dispute.resolved_by = ctx.user.id
    dispute.open_transaction_id = None
    _clear_proposal(dispute)


def _clear_proposal(dispute: Dispute) -> None:
    dispute.proposed_outcome = None
    dispute.proposed_amount_fen = None
    dispute.proposal_note = None
    dispute.proposed_by = None
    dispute.proposed_at = None


def _invalid(dispute: Dispute, action: str, user: User, policy: Policy) -> InvalidTransition:
    allowed = allowed_actions_for(dispute, user, policy)
    return InvalidTransition(
        f"A dispute that is {dispute.status} cannot be sent '{action}'. "
        f"Allowed now: {', '.join(allowed) or 'nothing'}.",
        extra={"status": dispute.status, "action": action, "allowed_actions": allowed},
        params=transition_params("dispute", dispute.status, action, allowed),
    )


def act_on_dispute(
    *,
    session: Session,
    dispute_id: int,
    action: DisputeAction,
    body: ActionBody,
    if_match: str | None,
    ctx: RequestContext,
    policy: Policy,
) -> tuple[Dispute, Case]:
    """Apply one action to a dispute (DESIGN.md §3), as the signed-in handler or supervisor.

    Claims the `If-Match` version first (428 missing, 412 stale, 404 unknown), then checks the
    state machine (409 `invalid_transition`), the role (approve and reject: supervisors, never
    the proposer: 403 `four_eyes`), and the action's own rules; posts the money events; moves
    the account's `disputed_fen`; audits `dispute.<action>`; and records the case timeline entry
    (status, due date, pause, close)."""
    user = ctx.user
    if action in (DisputeAction.APPROVE_OUTCOME, DisputeAction.REJECT_OUTCOME) and (
        user.role not in rules.APPROVING_ROLES
    ):
        raise Forbidden(f"Only a supervisor may {action.value.replace('_', ' ')}.",
                        params={"action": action.value, "required_role": "supervisor"})
    claim_version(session=session, model=Dispute, kind=ETAG_KIND, entity_id=dispute_id, if_match=if_match)
    dispute = session.get(Dispute, dispute_id, populate_existing=True)
    if dispute is None:  # claim_version found it
        raise NotFound(f"There is no dispute {dispute_id}.")
    status_before = dispute.status
    try:
        target = rules.next_status(dispute.status, action.value)
    except rules.InvalidDisputeTransition:
        # The version claim is rolled back with the request: the dispute stays as it was.
        raise _invalid(dispute, action.value, user, policy) from None
    # Lock order for every casework write: subject, case, account, audit chain. Taking the case
    # row later (after the audit chain) could deadlock against a concurrent case assignment.
    case = case_of(session=session, case_type=CaseType.DISPUTE, subject_id=dispute.id, for_update=True)
    account = lock_account(session, dispute.account_id)
    now = ctx.clock.now()
    before = snapshot(dispute, *AUDITED_FIELDS)
    held_before = rules.held_fen(
        disputed_fen=dispute.disputed_amount_fen,
        provisional_outstanding_fen=dispute.provisional_credit_fen,
        is_open=dispute.status != DisputeStatus.RESOLVED,
    )
    note: str | None = getattr(body, "note", None)

    if action is DisputeAction.ACKNOWLEDGE:
        dispute.acknowledged_at = now
    elif action is DisputeAction.GRANT_PROVISIONAL_CREDIT:
        assert isinstance(body, ProvisionalCreditBody)
        if dispute.provisional_credit_fen > 0:
            raise ProvisionalCreditOutstanding(
                f"A provisional credit of {dispute.provisional_credit_fen} fen is outstanding; reverse it first.",
                extra={"allowed_actions": allowed_actions_for(dispute, user, policy)},
                params={"amount_fen": dispute.provisional_credit_fen},
            )
        amount = body.amount_fen if body.amount_fen is not None else dispute.disputed_amount_fen
        problem = rules.provisional_credit_error(amount, dispute.disputed_amount_fen)
        if problem is not None:
            raise ValidationFailed(f"The provisional credit {problem}.", errors={"body.amount_fen": [problem]})
        transaction = session.get(Transaction, dispute.transaction_id)
        assert transaction is not None
        _post_money(
            session=session,
            dispute=dispute,
            account=account,
            transaction=transaction,
            kind=MoneyEventKind.PROVISIONAL_CREDIT_GRANTED,
            amount_fen=-amount,
            ctx=ctx,
        )
        dispute.provisional_credit_fen = amount
    elif action is DisputeAction.REVERSE_PROVISIONAL_CREDIT:
        if dispute.provisional_credit_fen <= 0:
            raise NoProvisionalCredit(
                "There is no outstanding provisional credit to reverse.",
                extra={"allowed_actions": allowed_actions_for(dispute, user, policy)},
                params={},
            )
        transaction = session.get(Transaction, dispute.transaction_id)
        assert transaction is not None
        _post_money(
            session=session,
            dispute=dispute,
            account=account,
            transaction=transaction,
            kind=MoneyEventKind.PROVISIONAL_CREDIT_REVERSED,
            amount_fen=dispute.provisional_credit_fen,
            ctx=ctx,
        )
        dispute.provisional_credit_fen = 0
    elif action is DisputeAction.EXTEND:
        assert isinstance(body, ExtendBody)
        _extend(dispute, body, user, policy)
        note = body.reason
    elif action is DisputeAction.PROPOSE_OUTCOME:
        assert isinstance(body, ProposeOutcomeBody)
        try:
            awarded = rules.outcome_amount_fen(body.outcome, body.amount_fen, dispute.disputed_amount_fen)
        except rules.OutcomeAmountError as exc:
            raise ValidationFailed(
                f"The amount does not fit the outcome: {exc}.", errors={"body.amount_fen": [str(exc)]}
            ) from None
        # Four eyes counts every credit on the transaction, not this dispute alone.
        credited_before = claims_on(session, [dispute.transaction_id])[dispute.transaction_id].credited_fen(
            excluding=("dispute", dispute.id))
        target = rules.proposal_status(credited_before + awarded, policy.dispute_outcome_approval_over_fen)
        if target is DisputeStatus.RESOLVED:
            _resolve(
                session=session,
                dispute=dispute,
                account=account,
                outcome=body.outcome,
                awarded_fen=awarded,
                note=body.note,
                ctx=ctx,
            )
        else:
            dispute.proposed_outcome = body.outcome
            dispute.proposed_amount_fen = awarded
            dispute.proposal_note = body.note
            dispute.proposed_by = user.id
            dispute.proposed_at = now
    elif action in (DisputeAction.APPROVE_OUTCOME, DisputeAction.REJECT_OUTCOME):
        ensure_four_eyes(
            proposed_by=dispute.proposed_by, deciding_user_id=user.id,
            detail="You proposed this outcome: another supervisor must approve or reject it (four eyes).",
            subject="dispute_outcome",
        )
        if action is DisputeAction.APPROVE_OUTCOME:
            _resolve(
                session=session,
                dispute=dispute,
                account=account,
                outcome=dispute.proposed_outcome or rules.Outcome.LOST.value,
                awarded_fen=dispute.proposed_amount_fen or 0,
                note=dispute.proposal_note if note is None else f"{dispute.proposal_note}\n{note}",
                ctx=ctx,
            )
        else:
            assert isinstance(body, RejectOutcomeBody)
            note = body.comment
            _clear_proposal(dispute)
    elif action is DisputeAction.WITHDRAW:
        _resolve(
            session=session,
            dispute=dispute,
            account=account,
            outcome=rules.Outcome.WITHDRAWN.value,
            awarded_fen=0,
            note=note,
            ctx=ctx,
        )
    if target is not None:
        dispute.status = target.value

    # The SLA clock: it stops while the customer is asked for information.
    pause: bool | None = None
    if dispute.status == DisputeStatus.PENDING_CUSTOMER and status_before != DisputeStatus.PENDING_CUSTOMER:
        pause = True
        dispute.paused_since = now
    elif status_before == DisputeStatus.PENDING_CUSTOMER and dispute.status != DisputeStatus.PENDING_CUSTOMER:
        pause = False
        if dispute.paused_since is not None:
            dispute.decide_due_at = rules.resumed_deadline(dispute.decide_due_at, dispute.paused_since, now)
            dispute.paused_seconds += max(0, int((now - dispute.paused_since).total_seconds()))
        dispute.paused_since = None

    held_after = rules.held_fen(
        disputed_fen=dispute.disputed_amount_fen,
        provisional_outstanding_fen=dispute.provisional_credit_fen,
        is_open=dispute.status != DisputeStatus.RESOLVED,
    )
    account.disputed_fen += held_after - held_before
    if held_after != held_before:
        claimed = session.get(Transaction, dispute.transaction_id)
        assert claimed is not None
        hold_on_bill(session, account, claimed, held_after - held_before, business_date_of(now))
    session.flush()
    old, new = field_diff(before, snapshot(dispute, *AUDITED_FIELDS))
    record_audit(
        session=session,
        ctx=ctx,
        action=f"dispute.{action.value}",
        entity_type="dispute",
        entity_id=dispute.id,
        before=old,
        after=new,
        customer_id=dispute.customer_id,
    )
    _move_case(session=session, case=case, dispute=dispute, action=action, pause=pause, note=note, ctx=ctx)
    return dispute, case


def _extend(dispute: Dispute, body: ExtendBody, user: User, policy: Policy) -> None:
    refusal = rules.extension_refusal(
        role=user.role,
        days=body.days,
        decide_days=policy.dispute_decide_days,
        extended_days=dispute.extended_days,
        extension_count=dispute.extension_count,
        handler_max_days=policy.dispute_handler_extension_days,
        supervisor_max_days=policy.dispute_supervisor_extension_days,
    )
    window = policy.dispute_decide_days + dispute.extended_days
    if refusal is ExtensionRefusal.OVER_LIMIT:
        most = policy.dispute_supervisor_extension_days - window
        raise ExtensionOverLimit(
            f"The decision window is {window} days; it may grow to at most "
            f"{policy.dispute_supervisor_extension_days} days from filing.",
            errors={"body.days": [f"at most {max(0, most)} more days"]},
            params={"window_days": window, "max_days": policy.dispute_supervisor_extension_days,
                    "left_days": max(0, most)},
        )
    if refusal is ExtensionRefusal.HANDLER_ONCE:
        raise ExtensionNeedsSupervisor(
            "This dispute was already extended; only a supervisor may extend it again.",
            params={"reason": "extended_once"},
        )
    if refusal is ExtensionRefusal.NEEDS_SUPERVISOR:
        raise ExtensionNeedsSupervisor(
            f"A handler may extend to at most {policy.dispute_handler_extension_days} days from filing; "
            "ask a supervisor for more.",
            params={"reason": "over_handler_days", "max_days": policy.dispute_handler_extension_days},
        )
    dispute.extended_days += body.days
    dispute.extension_count += 1
    dispute.decide_due_at = rules.extended_deadline(dispute.decide_due_at, body.days)


def _move_case(
    *,
    session: Session,
    case: Case,
    dispute: Dispute,
    action: DisputeAction,
    pause: bool | None,
    note: str | None,
    ctx: RequestContext,
) -> None:
    """The case follows its dispute: status, next SLA milestone, pause, close."""
    changes: dict[str, Any] = {"status": dispute.status}
    if dispute.status == DisputeStatus.RESOLVED:
        changes["close"] = True
    elif pause is False:
        # The case moves its own deadline back by the pause, exactly as the dispute's moved.
        changes["pause"] = False
    else:
        changes["due_at"] = rules.next_milestone(
            dispute.status, acknowledge_due_at=dispute.acknowledge_due_at, decide_due_at=dispute.decide_due_at
        )
        if pause:
            changes["pause"] = True
    change_case(session=session, case=case, ctx=ctx, action=action.value, note=note, **changes)
