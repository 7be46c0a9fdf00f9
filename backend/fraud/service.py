"""Fraud reports: filing one (freezing the account and opening its case in the same
transaction), reading them, and moving them through their states with the money and account
effects each state brings. Services never commit: the request's unit of work does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import Account, Transaction
from backend.audit.service import field_diff, record_audit, snapshot
from backend.billing.engine import Posting
from backend.billing.ledger import post_claim_money
from backend.cases.models import Case, CaseType, Priority
from backend.cases.service import case_of, case_sla_state, change_case, open_case
from backend.cases.sla import SlaState
from backend.claims.service import claims_on, ensure_fits
from backend.clock import business_date_of
from backend.common.casework import InvalidTransition, transition_params
from backend.common.concurrency import claim_version
from backend.common.context import RequestContext
from backend.common.locking import lock_account
from backend.common.money import fen_text
from backend.common.pagination import Page, newest_first
from backend.disputes import queries as dispute_queries
from backend.errors import Conflict, NotFound, ValidationFailed
from backend.fraud import rules
from backend.fraud.models import FraudReport, FraudReportTransaction
from backend.fraud.rules import FraudAction, FraudStatus
from backend.fraud.schemas import (
    FraudActionIn,
    FraudReportIn,
    FraudReportOut,
    FraudReportSummary,
    ReportedTransactionOut,
)
from backend.settings import Policy

ETAG_KIND = "fraud_report"
REPORTS_CURSOR = "fraud_reports"
# The report's fields whose changes go into its audit records.
AUDITED_FIELDS = (
    "status",
    "outcome",
    "holds_freeze",
    "reviewed_at",
    "reviewed_by",
    "decided_at",
    "decided_by",
    "closed_at",
    "closed_by",
    "written_off_fen",
)


class TransactionUnderDispute(Conflict):
    code = "transaction_under_dispute"
    title = "A transaction is under an open dispute"


class TransactionAlreadyReported(Conflict):
    code = "transaction_already_reported"
    title = "A transaction is already in another fraud report"


def _other_freeze_holders(session: Session, account_id: int, report_id: int | None) -> int:
    """How many other not-yet-closed reports hold the account frozen."""
    query = select(func.count()).where(
        FraudReport.account_id == account_id,
        FraudReport.holds_freeze.is_(True),
        FraudReport.status != FraudStatus.CLOSED.value,
    )
    if report_id is not None:
        query = query.where(FraudReport.id != report_id)
    return int(session.scalar(query) or 0)


def _set_account_status(
    session: Session, account: Account, status: str, *, ctx: RequestContext, action: str, report_id: int
) -> None:
    before = account.status
    account.status = status
    session.flush()
    record_audit(
        session=session,
        ctx=ctx,
        action=action,
        entity_type="account",
        entity_id=account.id,
        before={"status": before},
        after={"status": status, "fraud_report_id": report_id},
        customer_id=account.customer_id,
    )


def _reported_transactions(session: Session, account: Account, body: FraudReportIn) -> list[Transaction]:
    """The transactions named in the report, checked: 422 for one named twice, one that is not
    the account's, or one that is not a purchase or disbursement; 409 for one another live
    report already holds."""
    ids = body.transaction_ids
    if not ids and rules.transactions_required(body.category):
        raise ValidationFailed(
            f"A {body.category.replace('_', ' ')} report must name the transactions the customer did not make.",
            errors={"body.transaction_ids": ["at least one transaction is required for this category"]},
        )
    repeated = rules.duplicates(ids)
    if repeated:
        raise ValidationFailed(
            "Each transaction may be named once.",
            errors={"body.transaction_ids": [f"listed more than once: {', '.join(map(str, repeated))}"]},
        )
    if not ids:
        return []
    found = {
        t.id: t
        for t in session.scalars(
            select(Transaction).where(Transaction.id.in_(ids), Transaction.account_id == account.id)
        )
    }
    unknown = [i for i in ids if i not in found]
    if unknown:
        raise ValidationFailed(
            f"Not transactions of account {account.id}: {', '.join(map(str, unknown))}.",
            errors={"body.transaction_ids": [f"not a transaction of this account: {i}" for i in unknown]},
        )
    wrong = [
        i for i in ids if found[i].type not in rules.REPORTABLE_TRANSACTION_TYPES or found[i].amount_fen <= 0
    ]
    if wrong:
        raise ValidationFailed(
            "Only purchases and loan disbursements can be reported as fraud.",
            errors={"body.transaction_ids": [f"{i} is a {found[i].type}" for i in wrong]},
        )
    held = session.scalars(
        select(FraudReportTransaction.transaction_id)
        .join(FraudReport, FraudReport.id == FraudReportTransaction.fraud_report_id)
        .where(
            FraudReportTransaction.transaction_id.in_(ids),
            (FraudReport.status.in_([s.value for s in rules.OPEN_STATUSES]))
            | (FraudReport.outcome == FraudStatus.CONFIRMED.value),
        )
    ).all()
    if held:
        taken = sorted(set(held))
        raise TransactionAlreadyReported(
            f"Already reported as fraud in another report: {', '.join(map(str, taken))}.",
            extra={"transaction_ids": taken},
            params={"transaction_ids": taken},
        )
    disputed = dispute_queries.open_disputes_on(session, ids)
    if disputed:
        # Writing them off while a dispute may also credit them would credit the customer twice.
        raise TransactionUnderDispute(
            "Under open dispute: "
            + ", ".join(f"transaction {t} (dispute {d})" for t, d in sorted(disputed))
            + ". Withdraw the dispute first, or leave the transaction out of this report.",
            extra={"transaction_ids": sorted(t for t, _ in disputed)},
            params={"disputes": [{"transaction_id": t, "dispute_id": d} for t, d in sorted(disputed)]},
        )
    claims = claims_on(session, ids)
    for i in ids:
        # Money of it already given back (a won dispute): writing it off again would credit
        # it twice (docs/rules.md, "Claims on a transaction").
        ensure_fits(claims[i], transaction_amount_fen=found[i].amount_fen, amount_fen=found[i].amount_fen,
                    what="a fraud report", source=None)
    return [found[i] for i in ids]


def file_report(*, session: Session, body: FraudReportIn, ctx: RequestContext, policy: Policy) -> FraudReport:
    """File a fraud report: link its transactions, freeze the account (unless the agent said
    why not), and open its case in the fraud queue with the first-review deadline. All in the
    caller's transaction, so a failure anywhere leaves the account as it was. Audited."""
    account = lock_account(session, body.account_id)
    transactions = _reported_transactions(session, account, body)
    now = ctx.clock.now()
    held_by_other = body.freeze_account and _other_freeze_holders(session, account.id, None) > 0
    decision = rules.freeze_on_filing(
        account_status=account.status,
        freeze_requested=body.freeze_account,
        held_by_other_report=held_by_other,
    )
    report = FraudReport(
        account_id=account.id,
        customer_id=account.customer_id,
        category=body.category,
        status=FraudStatus.NEW.value,
        outcome=None,
        description=body.description,
        channel=body.channel,
        police_report_number=body.police_report_number,
        freeze_requested=body.freeze_account,
        no_freeze_reason=body.no_freeze_reason,
        holds_freeze=decision.holds_freeze,
        filed_by=ctx.user.id,
        filed_at=now,
        first_review_due_at=rules.first_review_due(now, policy.fraud_first_review_hours),
        decision_due_at=rules.decision_due(now, policy.fraud_decide_days),
        written_off_fen=0,
        version=1,
    )
    session.add(report)
    session.flush()
    for transaction in transactions:
        session.add(
            FraudReportTransaction(
                fraud_report_id=report.id,
                transaction_id=transaction.id,
                customer_id=account.customer_id,
                amount_fen=transaction.amount_fen,
            )
        )
    reported_fen = sum(t.amount_fen for t in transactions)
    record_audit(
        session=session,
        ctx=ctx,
        action="fraud_report.file",
        entity_type="fraud_report",
        entity_id=report.id,
        after={
            **snapshot(
                report,
                "account_id",
                "category",
                "status",
                "channel",
                "description",
                "police_report_number",
                "freeze_requested",
                "no_freeze_reason",
                "holds_freeze",
                "first_review_due_at",
                "decision_due_at",
            ),
            "transaction_ids": [t.id for t in transactions],
            "reported_fen": reported_fen,
        },
        customer_id=account.customer_id,
    )
    if decision.changes(account.status):
        _set_account_status(
            session, account, decision.account_status, ctx=ctx, action="account.freeze", report_id=report.id
        )
    open_case(
        session=session,
        case_type=CaseType.FRAUD_REPORT,
        subject_id=report.id,
        account_id=account.id,
        customer_id=account.customer_id,
        status=report.status,
        summary=(
            f"Fraud: {body.category.replace('_', ' ')}, {len(transactions)} transaction(s), {fen_text(reported_fen)}"
        ),
        summary_code="fraud_report",
        summary_params={"category": body.category, "transactions": len(transactions), "amount_fen": reported_fen},
        due_at=report.first_review_due_at,
        ctx=ctx,
        priority=Priority.HIGH,
        amount_fen=reported_fen,
        note=body.description[:500],
    )
    return report


def _write_off(
    session: Session, report: FraudReport, account: Account, *, ctx: RequestContext
) -> list[dict[str, Any]]:
    """Post one `write_off` credit per reported transaction, for its amount; append-only."""
    now = ctx.clock.now()
    links = session.scalars(
        select(FraudReportTransaction)
        .where(FraudReportTransaction.fraud_report_id == report.id)
        .order_by(FraudReportTransaction.transaction_id)
    ).all()
    originals = {
        t.id: t
        for t in session.scalars(
            select(Transaction).where(Transaction.id.in_([link.transaction_id for link in links]))
        )
    }
    claims = claims_on(session, list(originals))
    for link in links:
        ensure_fits(claims[link.transaction_id], transaction_amount_fen=originals[link.transaction_id].amount_fen,
                    amount_fen=link.amount_fen, what=f"the write-off of fraud report {report.id}",
                    source=("fraud_report", report.id), counting="credited")
    balance_before = account.balance_fen
    written: list[dict[str, Any]] = []
    for link in links:
        original = originals[link.transaction_id]
        posting = Posting(
            type="write_off",
            amount_fen=-link.amount_fen,
            business_date=business_date_of(now),
            description=f"Fraud write-off of transaction {link.transaction_id} (report {report.id})"[:128],
            merchant=original.merchant,
            description_code="fraud_write_off",
            description_params={"transaction_id": link.transaction_id, "report_id": report.id},
        )
        credit = post_claim_money(session, account, posting, now, original)
        session.flush()
        link.write_off_transaction_id = credit.id
        written.append(
            {
                "transaction_id": link.transaction_id,
                "write_off_transaction_id": credit.id,
                "amount_fen": link.amount_fen,
            }
        )
    report.written_off_fen = sum(entry["amount_fen"] for entry in written)
    if written:
        record_audit(
            session=session,
            ctx=ctx,
            action="account.write_off",
            entity_type="account",
            entity_id=account.id,
            before={"balance_fen": balance_before},
            after={"balance_fen": account.balance_fen, "fraud_report_id": report.id, "write_offs": written},
            customer_id=account.customer_id,
        )
    return written


def _release_freeze(session: Session, report: FraudReport, *, ctx: RequestContext) -> None:
    """Let go of the report's hold on the account; unfreeze it when no other report holds it."""
    if not report.holds_freeze:
        return
    report.holds_freeze = False
    session.flush()
    account = lock_account(session, report.account_id)
    others = _other_freeze_holders(session, account.id, report.id)
    if rules.unfreeze_after_release(account_status=account.status, other_holders=others):
        _set_account_status(
            session, account, "active", ctx=ctx, action="account.unfreeze", report_id=report.id
        )


def act_on_report(
    *,
    session: Session,
    report_id: int,
    action: str,
    body: FraudActionIn,
    if_match: str | None,
    ctx: RequestContext,
) -> FraudReport:
    """Apply `action` to the report whose ETag the caller read (`If-Match`): 428 without it, 412
    when stale, 409 `invalid_transition` when the state does not allow it. Moves the case with
    a timeline entry, and audits the report, the account and the money it changes."""
    claim_version(session=session, model=FraudReport, kind=ETAG_KIND, entity_id=report_id, if_match=if_match)
    report = session.get(FraudReport, report_id, populate_existing=True)
    if report is None:  # claim_version already said 404; a row deleted in between is a 404 too
        raise NotFound(f"There is no fraud report {report_id}.")
    # Lock order, as everywhere: subject, case, account, then the audit chain (by record_audit).
    case = case_of(session=session, case_type=CaseType.FRAUD_REPORT, subject_id=report.id, for_update=True)
    # The account before any change to the report: once this transaction has rewritten the
    # report row (the version claim did), flushing it again makes PostgreSQL re-check its
    # foreign key with a KEY SHARE lock on the account, and two actions on reports of one account
    # would each hold that lock while waiting for the other's FOR UPDATE: a deadlock.
    lock_account(session, report.account_id)
    status_before = report.status
    try:
        target = rules.next_status(status_before, action)
    except rules.InvalidFraudTransition as exc:
        allowed = rules.actions_from(status_before)
        raise InvalidTransition(
            f"A fraud report that is {status_before.replace('_', ' ')} cannot be {action.replace('_', ' ')}: "
            f"allowed now: {', '.join(allowed) or 'nothing'}.",
            extra={"current_status": status_before, "allowed_actions": allowed},
            params=transition_params("fraud_report", status_before, action, allowed),
        ) from exc
    now = ctx.clock.now()
    before = snapshot(report, *AUDITED_FIELDS)
    report.status = target.value
    written: list[dict[str, Any]] = []
    if action == FraudAction.START_REVIEW:
        report.reviewed_at, report.reviewed_by = now, ctx.user.id
    elif action in (FraudAction.CONFIRM, FraudAction.NOT_FRAUD):
        report.outcome = target.value
        report.decided_at, report.decided_by = now, ctx.user.id
        if action == FraudAction.CONFIRM:
            written = _write_off(
                session, report, lock_account(session, report.account_id), ctx=ctx
            )
    elif action == FraudAction.CLOSE:
        report.closed_at, report.closed_by = now, ctx.user.id
    if rules.releases_freeze(action, status_before):
        _release_freeze(session, report, ctx=ctx)
    session.flush()
    old, new = field_diff(before, snapshot(report, *AUDITED_FIELDS))
    if written:
        new["write_offs"] = written
    if body.note:
        new["note"] = body.note
    record_audit(
        session=session,
        ctx=ctx,
        action=f"fraud_report.{action}",
        entity_type="fraud_report",
        entity_id=report.id,
        before=old,
        after=new,
        customer_id=report.customer_id,
    )
    due_at = rules.case_due_at(
        report.status, first_review_due_at=report.first_review_due_at, decision_due_at=report.decision_due_at
    )
    deadline: dict[str, Any] = {"close": True} if target == FraudStatus.CLOSED else {"due_at": due_at}
    change_case(session=session, case=case, ctx=ctx, action=action, note=body.note, status=report.status, **deadline)
    return report


def get_report(*, session: Session, report_id: int) -> FraudReport:
    report = session.get(FraudReport, report_id)
    if report is None:
        raise NotFound(f"There is no fraud report {report_id}.")
    return report


def _cases_of(session: Session, report_ids: Sequence[int]) -> dict[int, Case]:
    if not report_ids:
        return {}
    query = select(Case).where(Case.type == CaseType.FRAUD_REPORT.value, Case.subject_id.in_(report_ids))
    return {case.subject_id: case for case in session.scalars(query)}


def _reported_totals(session: Session, report_ids: Sequence[int]) -> dict[int, int]:
    if not report_ids:
        return {}
    rows = session.execute(
        select(FraudReportTransaction.fraud_report_id, func.sum(FraudReportTransaction.amount_fen))
        .where(FraudReportTransaction.fraud_report_id.in_(report_ids))
        .group_by(FraudReportTransaction.fraud_report_id)
    )
    return {report_id: int(total or 0) for report_id, total in rows}


def _summary_fields(report: FraudReport, case: Case | None, reported_fen: int) -> dict[str, Any]:
    return {
        "id": report.id,
        "account_id": report.account_id,
        "customer_id": report.customer_id,
        "case_id": case.id if case is not None else None,
        "category": report.category,
        "status": report.status,
        "outcome": report.outcome,
        "filed_at": report.filed_at,
        "holds_freeze": report.holds_freeze,
        "reported_fen": reported_fen,
        "written_off_fen": report.written_off_fen,
        "version": report.version,
    }


def report_out(*, session: Session, report: FraudReport, role: str, now: datetime) -> FraudReportOut:
    """The report as its reader sees it: transactions, deadlines, SLA state, allowed actions."""
    rows = session.execute(
        select(FraudReportTransaction, Transaction)
        .join(Transaction, Transaction.id == FraudReportTransaction.transaction_id)
        .where(FraudReportTransaction.fraud_report_id == report.id)
        .order_by(Transaction.posted_at, Transaction.id)
    ).all()
    transactions = [
        ReportedTransactionOut(
            transaction_id=txn.id,
            type=txn.type,
            amount_fen=link.amount_fen,
            posted_at=txn.posted_at,
            merchant=txn.merchant,
            description=txn.description,
            write_off_transaction_id=link.write_off_transaction_id,
        )
        for link, txn in rows
    ]
    case = _cases_of(session, [report.id]).get(report.id)
    account_status = session.scalar(select(Account.status).where(Account.id == report.account_id))
    return FraudReportOut(
        **_summary_fields(report, case, sum(t.amount_fen for t in transactions)),
        description=report.description,
        channel=report.channel,  # type: ignore[arg-type]
        police_report_number=report.police_report_number,
        freeze_requested=report.freeze_requested,
        no_freeze_reason=report.no_freeze_reason,
        account_status=account_status,  # type: ignore[arg-type]
        filed_by=report.filed_by,
        first_review_due_at=report.first_review_due_at,
        decision_due_at=report.decision_due_at,
        reviewed_at=report.reviewed_at,
        decided_at=report.decided_at,
        decided_by=report.decided_by,
        closed_at=report.closed_at,
        due_at=case.due_at if case is not None else None,
        sla_state=case_sla_state(case, now) if case is not None else SlaState.ON_TRACK,
        transactions=transactions,
        allowed_actions=rules.allowed_actions(report.status, role),  # type: ignore[arg-type]
    )


def list_account_reports(
    *, session: Session, account_id: int, limit: int, cursor: str | None
) -> Page[FraudReportSummary]:
    """An account's fraud reports, newest first."""
    rows, next_cursor = newest_first(
        session,
        select(FraudReport).where(FraudReport.account_id == account_id),
        at=FraudReport.filed_at,
        id_=FraudReport.id,
        kind=REPORTS_CURSOR,
        limit=limit,
        cursor=cursor,
    )
    ids = [r.id for r in rows]
    cases = _cases_of(session, ids)
    totals = _reported_totals(session, ids)
    items = [FraudReportSummary(**_summary_fields(r, cases.get(r.id), totals.get(r.id, 0))) for r in rows]
    return Page[FraudReportSummary](items=items, next_cursor=next_cursor)
