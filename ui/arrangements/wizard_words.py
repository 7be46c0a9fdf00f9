"""The arrangement wizard's words (DESIGN §3 "Repayment arrangements"): why a type cannot apply to
the account, the terms in a few words, what is live on the account, and the one sentence that
says whether a quote goes live or waits for a supervisor.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from console.arrangements import (
    ArrangementSummary,
    ArrangementTerms,
    Quote,
)
from console.formatting import BUSINESS_TZ, format_date, format_fen
from console.models import AccountOverview
from ui import wording
from ui.arrangements import texts
from ui.casework.labels import ARRANGEMENT_TYPE_TEXTS, text_of

__all__ = ["business_today", "decision_text", "live_arrangement_text", "terms_text", "unavailable_reason"]


NOT_OPEN_STATUSES = ("closed", "charged_off")


def business_today() -> date:
    """Today in Asia/Shanghai, the business's day (promise dates and due dates are counted in it)."""
    return datetime.now(BUSINESS_TZ).date()


def unavailable_reason(kind: str, account: AccountOverview, today: date) -> str | None:
    """Why `kind` cannot apply to `account` as the console sees it (None: it may; the server's
    quote has the last word)."""
    if account.status in NOT_OPEN_STATUSES:
        return QCoreApplication.translate("Arrangements", "The account is closed or charged off: no arrangement can be made on it.")
    bill = account.current_bill
    if kind == "bill_installment":
        if account.product != "credit_line":
            return QCoreApplication.translate("Arrangements", "Only a credit line's bill can be converted.")
        if bill is None:
            return QCoreApplication.translate("Arrangements", "The account has no bill yet.")
        if account.past_due_fen > 0:
            return QCoreApplication.translate("Arrangements", "The account is overdue: offer a hardship plan instead.")
        if bill.outstanding_fen <= 0:
            return QCoreApplication.translate("Arrangements", "The latest bill is paid: there is nothing to convert.")
        if bill.due_date < today:
            return QCoreApplication.translate("Arrangements", "The latest bill was due on %1; a bill can be converted until its due date.").replace(
                "%1", format_date(bill.due_date))
    elif kind == "due_date_extension":
        if bill is None:
            return QCoreApplication.translate("Arrangements", "The account has no bill yet.")
        if bill.outstanding_fen <= 0:
            return QCoreApplication.translate("Arrangements", "The bill is paid; there is nothing to extend.")
        if bill.due_date < today:
            return QCoreApplication.translate("Arrangements", "The bill was due on %1; a due date that has passed cannot be extended.").replace(
                "%1", format_date(bill.due_date))
    elif kind == "hardship_plan":
        if account.past_due_fen <= 0:
            return QCoreApplication.translate("Arrangements", "A hardship plan is only for an account that is overdue.")
    elif kind == "fee_waiver":
        if bill is None:
            return QCoreApplication.translate("Arrangements", "The account has no bill yet.")
    elif kind == "promise_to_pay":
        if account.balance_fen <= 0:
            return QCoreApplication.translate("Arrangements", "The account owes nothing: there is nothing to promise.")
    return None


def _day(value: date | None) -> str:
    """A date as the server writes it (ISO), "" when there is none."""
    return "" if value is None else value.isoformat()


def terms_text(kind: str, terms: ArrangementTerms | dict[str, Any]) -> str:
    """The terms in a few words: "24 monthly payments", "¥1,000.00 by 2026-11-30". `terms` typed,
    or as the wizard's builders make them (`console.arrangements.hardship_plan_terms`, …)."""
    if not isinstance(terms, ArrangementTerms):
        terms = ArrangementTerms.from_json({"type": kind, **terms})
    if kind == "bill_installment":
        return QCoreApplication.translate("Arrangements", "%1 monthly installments").replace("%1", str(terms.terms))
    if kind == "due_date_extension":
        return QCoreApplication.translate("Arrangements", "Due date moved by %1 days").replace("%1", str(terms.days))
    if kind == "hardship_plan":
        text = QCoreApplication.translate("Arrangements", "%1 monthly payments").replace("%1", str(terms.months))
        waiver = terms.penalty_waiver_fen or 0
        if waiver:
            text += QCoreApplication.translate("Arrangements", ", penalty interest waived: %1").replace("%1", format_fen(waiver))
        return text
    if kind == "fee_waiver":
        component = wording.component_text(str(terms.component))
        return QCoreApplication.translate("Arrangements", "%1 waived: %2").replace("%1", component).replace("%2", format_fen(terms.amount_fen or 0))
    if kind == "promise_to_pay":
        return QCoreApplication.translate("Arrangements", "%1 by %2").replace("%1", format_fen(terms.amount_fen or 0)).replace(
            "%2", _day(terms.promised_date))
    if kind == "plan_payoff":
        return QCoreApplication.translate("Arrangements", "Plan %1 paid off early").replace("%1", str(terms.plan_id))
    return ""


def live_arrangement_text(arrangement: ArrangementSummary) -> str:
    """"hardship plan of ¥4,000.00 waiting for approval"."""
    state = {"active": QCoreApplication.translate("Arrangements", "in force"),
             "pending_approval": QCoreApplication.translate("Arrangements", "waiting for approval")}
    return QCoreApplication.translate("Arrangements", "%1 of %2 %3").replace(
        "%1", text_of(ARRANGEMENT_TYPE_TEXTS, arrangement.type).lower()).replace(
        "%2", format_fen(arrangement.amount_fen)).replace("%3", state.get(arrangement.status, arrangement.status))


def decision_text(quote: Quote, *, supervisor: bool) -> str:
    """The one sentence the agent must read before confirming: live at once, or why it waits."""
    if not quote.needs_approval:
        return QCoreApplication.translate("Arrangements", "Goes live at once: this is within what an agent may grant alone.")
    reasons = " ".join(texts.reason_text(reason) for reason in quote.approval_reasons)
    lead = (QCoreApplication.translate("Arrangements", "Needs another supervisor's approval (not yours): %1") if supervisor
            else QCoreApplication.translate("Arrangements", "Needs a supervisor's approval: %1"))
    return lead.replace("%1", reasons)
