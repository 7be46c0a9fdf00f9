"""Words an agent reads for the API's machine values (plan kinds, transaction types, channels).

Account statuses, buckets, bill statuses and products are worded by `ui.widgets.chips`.

The API speaks in codes (`credit_line`, `partially_paid`, `installment_fee`); the screen says
what they mean, in the user's language. Each table is marked with `QT_TRANSLATE_NOOP` so
`pyside6-lupdate` extracts the words, and `label()` translates them at run time. A code the
console does not know yet (a newer backend) is shown as it is rather than hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "WorkspaceLabels"





PLAN_KINDS: dict[str, str] = {
    "bill_installment": QT_TRANSLATE_NOOP("WorkspaceLabels", "Bill installment"),
    "transaction_installment": QT_TRANSLATE_NOOP("WorkspaceLabels", "Purchase installment"),
    "cash_loan": QT_TRANSLATE_NOOP("WorkspaceLabels", "Cash loan"),
    "hardship_plan": QT_TRANSLATE_NOOP("WorkspaceLabels", "Hardship plan"),
}

PLAN_STATUSES: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("WorkspaceLabels", "Active"),
    "completed": QT_TRANSLATE_NOOP("WorkspaceLabels", "Completed"),
    "paid_off": QT_TRANSLATE_NOOP("WorkspaceLabels", "Paid off early"),
    "broken": QT_TRANSLATE_NOOP("WorkspaceLabels", "Broken"),
}

PERIOD_STATUSES: dict[str, str] = {
    "scheduled": QT_TRANSLATE_NOOP("WorkspaceLabels", "Scheduled"),
    "billed": QT_TRANSLATE_NOOP("WorkspaceLabels", "Billed"),
    "partially_paid": QT_TRANSLATE_NOOP("WorkspaceLabels", "Partially paid"),
    "paid": QT_TRANSLATE_NOOP("WorkspaceLabels", "Paid"),
    "waived": QT_TRANSLATE_NOOP("WorkspaceLabels", "Waived"),
    "cancelled": QT_TRANSLATE_NOOP("WorkspaceLabels", "Cancelled"),
}

TRANSACTION_TYPES: dict[str, str] = {
    "purchase": QT_TRANSLATE_NOOP("WorkspaceLabels", "Purchase"),
    "refund": QT_TRANSLATE_NOOP("WorkspaceLabels", "Refund"),
    "repayment": QT_TRANSLATE_NOOP("WorkspaceLabels", "Repayment"),
    "loan_disbursement": QT_TRANSLATE_NOOP("WorkspaceLabels", "Loan disbursement"),
    "installment_conversion": QT_TRANSLATE_NOOP("WorkspaceLabels", "Converted to installments"),
    "installment_principal": QT_TRANSLATE_NOOP("WorkspaceLabels", "Installment principal"),
    "installment_fee": QT_TRANSLATE_NOOP("WorkspaceLabels", "Installment fee"),
    "loan_principal": QT_TRANSLATE_NOOP("WorkspaceLabels", "Loan principal"),
    "loan_interest": QT_TRANSLATE_NOOP("WorkspaceLabels", "Loan interest"),
    "fee": QT_TRANSLATE_NOOP("WorkspaceLabels", "Fee"),
    "interest": QT_TRANSLATE_NOOP("WorkspaceLabels", "Interest"),
    "penalty_interest": QT_TRANSLATE_NOOP("WorkspaceLabels", "Penalty interest"),
    "fee_waiver": QT_TRANSLATE_NOOP("WorkspaceLabels", "Fee waiver"),
    "adjustment": QT_TRANSLATE_NOOP("WorkspaceLabels", "Adjustment"),
    "fee_reversal": QT_TRANSLATE_NOOP("WorkspaceLabels", "Fee reversal"),
    "dispute_provisional_credit": QT_TRANSLATE_NOOP("WorkspaceLabels", "Provisional credit (dispute)"),
    "dispute_provisional_credit_reversal": QT_TRANSLATE_NOOP("WorkspaceLabels", "Provisional credit reversed"),
    "dispute_refund": QT_TRANSLATE_NOOP("WorkspaceLabels", "Dispute refund"),
    "write_off": QT_TRANSLATE_NOOP("WorkspaceLabels", "Write-off"),
    "bill_installment_conversion": QT_TRANSLATE_NOOP("WorkspaceLabels", "Bill converted to installments"),
    "hardship_conversion": QT_TRANSLATE_NOOP("WorkspaceLabels", "Moved into a hardship plan"),
    "previous_balance": QT_TRANSLATE_NOOP("WorkspaceLabels", "Previous balance"),
}

# The order of the transaction-type filter: what agents ask about most comes first.
TRANSACTION_FILTER_ORDER: tuple[str, ...] = (
    "purchase",
    "repayment",
    "refund",
    "installment_conversion",
    "installment_principal",
    "installment_fee",
    "interest",
    "penalty_interest",
    "fee",
    "fee_waiver",
    "loan_disbursement",
    "loan_principal",
    "loan_interest",
    "adjustment",
    "fee_reversal",
    "dispute_provisional_credit",
    "dispute_provisional_credit_reversal",
    "dispute_refund",
    "write_off",
    "bill_installment_conversion",
    "hardship_conversion",
)

CHANNELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("WorkspaceLabels", "Phone"),
    "chat": QT_TRANSLATE_NOOP("WorkspaceLabels", "Chat"),
    "email": QT_TRANSLATE_NOOP("WorkspaceLabels", "Email"),
    "branch": QT_TRANSLATE_NOOP("WorkspaceLabels", "Branch"),
}

REVEAL_FIELDS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("WorkspaceLabels", "phone number"),
    "national_id": QT_TRANSLATE_NOOP("WorkspaceLabels", "national ID"),
    "bank_card": QT_TRANSLATE_NOOP("WorkspaceLabels", "bank card"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The translated word for `code` in `table`; an unknown code as it is; None as empty."""
    if code is None:
        return ""
    source = table.get(code)
    if source is None:
        return code
    return QCoreApplication.translate(CONTEXT, source)


def labeller(table: dict[str, str]) -> Callable[[str], str]:
    """`label` bound to one table, for a table column."""
    return lambda code: label(table, code)
