"""Words and colours of casework (DESIGN.md §3): case types, queues, SLA states, statuses,
categories, reasons and actions, each once, translated in the "Casework" context.

Tones are the chips' (``ui.widgets.chips``): ``good``, ``info``, ``warning``, ``danger``,
``muted``, ``neutral``. The SLA tone table is the one place that decides the queue colours.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = [
    "ACTION_TEXTS",
    "CASE_STATUS_TEXTS",
    "CASE_TYPE_TEXTS",
    "DISPUTE_CATEGORY_TEXTS",
    "DISPUTE_REASON_TEXTS",
    "FRAUD_CATEGORY_TEXTS",
    "ARRANGEMENT_TYPE_TEXTS",
    "OUTCOME_TEXTS",
    "PRIORITY_TEXTS",
    "QUEUE_TEXTS",
    "SLA_STATE_TEXTS",
    "SLA_TONES",
    "CHANNEL_TEXTS",
    "countdown_text",
    "text_of",
]

CONTEXT = "Casework"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def text_of(table: dict[str, str], code: str | None) -> str:
    """`code` in words from `table` (translated); an unknown code is shown readably, never dropped."""
    if code is None:
        return ""
    text = table.get(code)
    return _t(text) if text is not None else code.replace("_", " ").capitalize()


CASE_TYPE_TEXTS: dict[str, str] = {
    "dispute": QT_TRANSLATE_NOOP("Casework", "Dispute"),
    "fraud_report": QT_TRANSLATE_NOOP("Casework", "Fraud report"),
    "arrangement": QT_TRANSLATE_NOOP("Casework", "Arrangement"),
}

QUEUE_TEXTS: dict[str, str] = {
    "disputes": QT_TRANSLATE_NOOP("Casework", "Disputes"),
    "fraud": QT_TRANSLATE_NOOP("Casework", "Fraud"),
    "approvals": QT_TRANSLATE_NOOP("Casework", "Approvals"),
}

PRIORITY_TEXTS: dict[str, str] = {
    "high": QT_TRANSLATE_NOOP("Casework", "High"),
    "normal": QT_TRANSLATE_NOOP("Casework", "Normal"),
    "low": QT_TRANSLATE_NOOP("Casework", "Low"),
}

SLA_STATE_TEXTS: dict[str, str] = {
    "on_track": QT_TRANSLATE_NOOP("Casework", "On track"),
    "at_risk": QT_TRANSLATE_NOOP("Casework", "At risk"),
    "breached": QT_TRANSLATE_NOOP("Casework", "Breached"),
    "paused": QT_TRANSLATE_NOOP("Casework", "Paused"),
}
SLA_TONES: dict[str, str] = {"on_track": "good", "at_risk": "warning", "breached": "danger", "paused": "muted"}

# Statuses of disputes, fraud reports and arrangements (a case mirrors its subject's status).
CASE_STATUS_TEXTS: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Casework", "New"),
    "investigating": QT_TRANSLATE_NOOP("Casework", "Investigating"),
    "pending_customer": QT_TRANSLATE_NOOP("Casework", "Waiting for customer"),
    "pending_merchant": QT_TRANSLATE_NOOP("Casework", "Waiting for merchant"),
    "pending_approval": QT_TRANSLATE_NOOP("Casework", "Waiting for approval"),
    "resolved": QT_TRANSLATE_NOOP("Casework", "Resolved"),
    "confirmed": QT_TRANSLATE_NOOP("Casework", "Fraud confirmed"),
    "not_fraud": QT_TRANSLATE_NOOP("Casework", "Not fraud"),
    "closed": QT_TRANSLATE_NOOP("Casework", "Closed"),
    "active": QT_TRANSLATE_NOOP("Casework", "Live"),
    "rejected": QT_TRANSLATE_NOOP("Casework", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("Casework", "Cancelled"),
    "kept": QT_TRANSLATE_NOOP("Casework", "Kept"),
    "broken": QT_TRANSLATE_NOOP("Casework", "Broken"),
    "completed": QT_TRANSLATE_NOOP("Casework", "Completed"),
}
CASE_STATUS_TONES: dict[str, str] = {
    "new": "info",
    "investigating": "info",
    "pending_customer": "muted",
    "pending_merchant": "muted",
    "pending_approval": "warning",
    "resolved": "good",
    "confirmed": "danger",
    "not_fraud": "good",
    "closed": "muted",
    "active": "good",
    "rejected": "muted",
    "cancelled": "muted",
    "kept": "good",
    "broken": "danger",
    "completed": "good",
}

DISPUTE_CATEGORY_TEXTS: dict[str, str] = {
    "fraud": QT_TRANSLATE_NOOP("Casework", "Fraud"),
    "authorization": QT_TRANSLATE_NOOP("Casework", "Authorization"),
    "processing_error": QT_TRANSLATE_NOOP("Casework", "Processing error"),
    "consumer_dispute": QT_TRANSLATE_NOOP("Casework", "Consumer dispute"),
}

DISPUTE_REASON_TEXTS: dict[str, str] = {
    "unauthorized": QT_TRANSLATE_NOOP("Casework", "Not authorized by the customer"),
    "cancelled_recurring": QT_TRANSLATE_NOOP("Casework", "Cancelled recurring payment"),
    "duplicate": QT_TRANSLATE_NOOP("Casework", "Charged twice"),
    "amount_differs": QT_TRANSLATE_NOOP("Casework", "Amount differs"),
    "refund_not_credited": QT_TRANSLATE_NOOP("Casework", "Refund not credited"),
    "repayment_not_credited": QT_TRANSLATE_NOOP("Casework", "Repayment not credited"),
    "not_received": QT_TRANSLATE_NOOP("Casework", "Goods or service not received"),
    "not_as_described": QT_TRANSLATE_NOOP("Casework", "Not as described"),
}

OUTCOME_TEXTS: dict[str, str] = {
    "won": QT_TRANSLATE_NOOP("Casework", "Won (full refund)"),
    "partially_won": QT_TRANSLATE_NOOP("Casework", "Partially won"),
    "lost": QT_TRANSLATE_NOOP("Casework", "Lost"),
    "withdrawn": QT_TRANSLATE_NOOP("Casework", "Withdrawn"),
}

FRAUD_CATEGORY_TEXTS: dict[str, str] = {
    "account_takeover": QT_TRANSLATE_NOOP("Casework", "Account taken over"),
    "lost_device": QT_TRANSLATE_NOOP("Casework", "Lost or stolen phone"),
    "identity_theft": QT_TRANSLATE_NOOP("Casework", "Identity theft"),
    "scam": QT_TRANSLATE_NOOP("Casework", "Scam"),
    "unknown_transactions": QT_TRANSLATE_NOOP("Casework", "Transactions the customer does not know"),
}

ARRANGEMENT_TYPE_TEXTS: dict[str, str] = {
    "bill_installment": QT_TRANSLATE_NOOP("Casework", "Bill installments"),
    "due_date_extension": QT_TRANSLATE_NOOP("Casework", "Due date extension"),
    "hardship_plan": QT_TRANSLATE_NOOP("Casework", "Hardship plan"),
    "fee_waiver": QT_TRANSLATE_NOOP("Casework", "Fee waiver"),
    "promise_to_pay": QT_TRANSLATE_NOOP("Casework", "Promise to pay"),
    "plan_payoff": QT_TRANSLATE_NOOP("Casework", "Early payoff"),
}

CHANNEL_TEXTS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("Casework", "Phone"),
    "chat": QT_TRANSLATE_NOOP("Casework", "Chat"),
    "email": QT_TRANSLATE_NOOP("Casework", "Email"),
    "branch": QT_TRANSLATE_NOOP("Casework", "Branch"),
}

# The actions of disputes, fraud reports, arrangements and cases, as buttons say them.
ACTION_TEXTS: dict[str, str] = {
    "acknowledge": QT_TRANSLATE_NOOP("Casework", "Acknowledge"),
    "request_customer_info": QT_TRANSLATE_NOOP("Casework", "Ask the customer for information"),
    "customer_responded": QT_TRANSLATE_NOOP("Casework", "Customer responded"),
    "send_to_merchant": QT_TRANSLATE_NOOP("Casework", "Send to merchant"),
    "merchant_responded": QT_TRANSLATE_NOOP("Casework", "Merchant responded"),
    "grant_provisional_credit": QT_TRANSLATE_NOOP("Casework", "Grant provisional credit"),
    "reverse_provisional_credit": QT_TRANSLATE_NOOP("Casework", "Reverse provisional credit"),
    "extend": QT_TRANSLATE_NOOP("Casework", "Extend deadline"),
    "propose_outcome": QT_TRANSLATE_NOOP("Casework", "Decide outcome"),
    "approve_outcome": QT_TRANSLATE_NOOP("Casework", "Approve outcome"),
    "reject_outcome": QT_TRANSLATE_NOOP("Casework", "Reject outcome"),
    "withdraw": QT_TRANSLATE_NOOP("Casework", "Withdraw"),
    "start_review": QT_TRANSLATE_NOOP("Casework", "Start review"),
    "confirm": QT_TRANSLATE_NOOP("Casework", "Confirm fraud"),
    "not_fraud": QT_TRANSLATE_NOOP("Casework", "Not fraud"),
    "close": QT_TRANSLATE_NOOP("Casework", "Close"),
    "approve": QT_TRANSLATE_NOOP("Casework", "Approve"),
    "reject": QT_TRANSLATE_NOOP("Casework", "Reject"),
    "cancel": QT_TRANSLATE_NOOP("Casework", "Cancel arrangement"),
    "take": QT_TRANSLATE_NOOP("Casework", "Take"),
    "release": QT_TRANSLATE_NOOP("Casework", "Release"),
    "assign": QT_TRANSLATE_NOOP("Casework", "Assign…"),
}


def countdown_text(seconds: int | None, sla_state: str) -> str:
    """What is left until the deadline, for a queue cell: "3 d 4 h", "2 h 15 min", "overdue 1 d 2 h",
    "paused"; empty without a deadline."""
    if sla_state == "paused":
        return QCoreApplication.translate("Casework", "paused")
    if seconds is None:
        return ""
    overdue = seconds < 0
    left = abs(int(seconds))
    days, rest = divmod(left, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days:
        span = QCoreApplication.translate("Casework", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    elif hours:
        span = QCoreApplication.translate("Casework", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    else:
        span = QCoreApplication.translate("Casework", "%1 min").replace("%1", str(max(minutes, 0 if overdue else 1) if left else 0))
    return QCoreApplication.translate("Casework", "overdue %1").replace("%1", span) if overdue else span
