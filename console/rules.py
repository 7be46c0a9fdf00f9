"""The casework rules the console's forms mirror, in one place (DESIGN.md §3).

The dialogs check what they can before anything is sent, so the agent reads a sentence next to
the field instead of a refusal after submit: the text limits of the API's bodies, the choices a
form offers, and the policy limits the forms name (agents' authority, the four-eyes threshold,
extension windows). The server's answer is what counts: an arrangement's quote says itself
whether it needs approval, and every body is validated again by the backend.

The policy limits live in the backend's database and an agent cannot read them
(`GET /v1/policy` is for admins), so the values here are the policy's first values
(`backend/settings.py` `Policy`); `tests/test_console_rules.py` holds them to the backend's
defaults and schemas, so a change there fails a test until it is made here too.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ARRANGEMENT_TEXT_MAX_LENGTH",
    "ASSIGN_NOTE_MAX_LENGTH",
    "CASE_ACTION_NOTE_MAX_LENGTH",
    "DISPUTE_APPROVAL_OVER_FEN",
    "DISPUTE_CATEGORY_ORDER",
    "DISPUTE_DESCRIPTION_MAX_LENGTH",
    "DISPUTE_REASONS_BY_CATEGORY",
    "EXTENSION_AGENT_MAX_DAYS",
    "EXTENSION_MAX_DAYS",
    "FILING_CHANNELS",
    "FRAUD_CATEGORIES_WITHOUT_TRANSACTIONS",
    "FRAUD_CATEGORY_ORDER",
    "FRAUD_DESCRIPTION_MAX_LENGTH",
    "FRAUD_MAX_TRANSACTIONS",
    "FRAUD_NO_FREEZE_REASON_MAX_LENGTH",
    "FRAUD_POLICE_REPORT_MAX_LENGTH",
    "HANDLER_EXTENSION_DAYS",
    "HARDSHIP_AGENT_MONTHS",
    "HARDSHIP_MONTHS",
    "INSTALLMENT_FEE_PERCENT",
    "PROMISE_MAX_DAYS",
    "SUPERVISOR_EXTENSION_DAYS",
]

# -- disputes (backend/disputes/rules.py, schemas.py) -----------------------------------------

# The reasons a customer may give under each category.
DISPUTE_REASONS_BY_CATEGORY: Final[dict[str, tuple[str, ...]]] = {
    "fraud": ("unauthorized",),
    "authorization": ("unauthorized", "cancelled_recurring"),
    "processing_error": ("duplicate", "amount_differs", "refund_not_credited", "repayment_not_credited"),
    "consumer_dispute": ("not_received", "not_as_described", "cancelled_recurring"),
}
# The order a form offers the categories in: the most common first.
DISPUTE_CATEGORY_ORDER: Final = ("consumer_dispute", "processing_error", "authorization", "fraud")
FILING_CHANNELS: Final = ("phone", "chat", "email", "branch")
DISPUTE_DESCRIPTION_MAX_LENGTH: Final = 2000
# The note, reason or comment of any dispute or fraud-report action.
CASE_ACTION_NOTE_MAX_LENGTH: Final = 2000
# An outcome awarding more than this waits for a supervisor (four eyes); exactly this does not.
DISPUTE_APPROVAL_OVER_FEN: Final = 200_000
# The decision window: a handler may extend once to this many days from filing; a supervisor to
# the second.
HANDLER_EXTENSION_DAYS: Final = 30
SUPERVISOR_EXTENSION_DAYS: Final = 60

# -- fraud reports (backend/fraud/rules.py, schemas.py) ----------------------------------------

FRAUD_CATEGORY_ORDER: Final = ("unknown_transactions", "account_takeover", "lost_device", "scam", "identity_theft")
# The categories a report may file without naming a transaction.
FRAUD_CATEGORIES_WITHOUT_TRANSACTIONS: Final = frozenset({"account_takeover", "lost_device"})
FRAUD_MAX_TRANSACTIONS: Final = 100
FRAUD_DESCRIPTION_MAX_LENGTH: Final = 4000
FRAUD_NO_FREEZE_REASON_MAX_LENGTH: Final = 500
FRAUD_POLICE_REPORT_MAX_LENGTH: Final = 64

# -- arrangements (backend/arrangements/schemas.py, backend/settings.py Policy) ----------------

# A hardship plan's months with a supervisor; what an agent may grant alone.
HARDSHIP_MONTHS: Final = (3, 60)
HARDSHIP_AGENT_MONTHS: Final = 12
# A due-date extension's days: an agent alone, and at most with a supervisor.
EXTENSION_AGENT_MAX_DAYS: Final = 3
EXTENSION_MAX_DAYS: Final = 10
# How far out a promised date may be.
PROMISE_MAX_DAYS: Final = 14
# An arrangement's note, a waiver's reason and a decision's comment.
ARRANGEMENT_TEXT_MAX_LENGTH: Final = 1000
# The installment fee of each term (DESIGN.md §3 Installments), as the wizard shows it.
INSTALLMENT_FEE_PERCENT: Final[dict[int, str]] = {3: "2.5%", 6: "4.5%", 9: "6.5%", 12: "8.8%"}

# -- cases (backend/cases/schemas.py) ---------------------------------------------------------

ASSIGN_NOTE_MAX_LENGTH: Final = 500
