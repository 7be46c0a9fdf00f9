"""The wizard's terms, one form per type of arrangement (DESIGN §3 "Repayment arrangements").

Each `TermsForm` checks its fields on the page with a sentence next to the field at fault, and
returns the terms as the API takes them (`console.arrangements.*_terms`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.arrangements import (
    BILL_INSTALLMENT_TERMS,
    FEE_WAIVER_COMPONENTS,
    MAX_AMOUNT_FEN,
    bill_installment_terms,
    due_date_extension_terms,
    fee_waiver_terms,
    hardship_plan_terms,
    plan_payoff_terms,
    promise_to_pay_terms,
)
from console.formatting import format_date, format_fen, parse_yuan
from console.models import AccountOverview
from console.rules import ARRANGEMENT_TEXT_MAX_LENGTH as REASON_MAX_LENGTH
from console.rules import (
    EXTENSION_MAX_DAYS,
    HARDSHIP_AGENT_MONTHS,
    HARDSHIP_MONTHS,
    INSTALLMENT_FEE_PERCENT,
    PROMISE_MAX_DAYS,
)
from ui import wording
from ui.arrangements.wizard_words import business_today
from ui.widgets.restyle import restyle

__all__ = ["FORMS", "BillInstallmentForm", "ExtensionForm", "FeeWaiverForm", "HardshipForm", "PromiseForm", "TermsForm"]


class _Invalid(Exception):  # noqa: N818 - a sentence for a field, not a bug
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _set_role(label: QLabel, role: str) -> None:
    label.setProperty("role", role)
    restyle(label)


def _note_label(text: str = "", role: str = "secondary") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", role)
    return label


class TermsForm(QWidget):
    """The fields of one type's terms, each with a line for its error under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}

    def add_field(self, field: str, caption: str, widget: QWidget, hint: str = "") -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            column.addWidget(_note_label(hint, "caption"))
        error = _note_label("", "error")
        error.setObjectName(f"error_{field}")
        error.setVisible(False)
        column.addWidget(error)
        self.errors[field] = error
        self.form.addRow(caption, box)

    def show_error(self, field: str, message: str) -> bool:
        """Show `message` under `field`; False when the form has no such field."""
        label = self.errors.get(field)
        if label is None:
            return False
        label.setText(message)
        label.setVisible(True)
        return True

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)

    def error_text(self, field: str) -> str:
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def fill_defaults(self, account: AccountOverview) -> None:
        """Sensible starting values for `account` (called when the account or type changes)."""

    def terms(self) -> dict[str, Any]:
        """The terms as the API takes them; raises `_Invalid` with a sentence for a field."""
        raise NotImplementedError


def _money_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText("0.00")
    edit.setMaxLength(20)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.setMaximumWidth(200)
    return edit


def _yuan_in(edit: QLineEdit, field: str, *, required: bool, caption: str) -> int:
    """The amount typed in ``edit`` in fen; raises `_Invalid` with a sentence that names the field
    (``caption``, as its label reads) and, when it is too large, the largest amount taken."""
    text = edit.text().strip()
    if not text:
        if required:
            raise _Invalid(field, QCoreApplication.translate("Arrangements", "Enter an amount in yuan, for example 1,000.00."))
        return 0
    try:
        fen = parse_yuan(text)
    except ValueError:
        raise _Invalid(field, QCoreApplication.translate("Arrangements", "“%1” is not an amount in yuan; write it like 1,000.00.").replace("%1", text)) from None
    if fen < 0 or (required and fen == 0):
        raise _Invalid(field, QCoreApplication.translate("Arrangements", "The amount must be more than zero."))
    if fen > MAX_AMOUNT_FEN:
        raise _Invalid(field, QCoreApplication.translate("Arrangements", "%1 can be at most %2.").replace(
            "%1", caption.rstrip(":：").strip()).replace("%2", format_fen(MAX_AMOUNT_FEN)))
    return fen


class BillInstallmentForm(TermsForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bill_label = _note_label()
        self.form.addRow(self.tr("Bill:"), self.bill_label)
        self.terms_box = QComboBox()
        for months in BILL_INSTALLMENT_TERMS:
            self.terms_box.addItem(
                self.tr("%1 months (fee %2 of the amount)").replace("%1", str(months)).replace(
                    "%2", INSTALLMENT_FEE_PERCENT[months]), months)
        self.terms_box.setCurrentIndex(1)
        self.add_field("terms", self.tr("Installments:"), self.terms_box)

    def fill_defaults(self, account: AccountOverview) -> None:
        bill = account.current_bill
        if bill is not None:
            self.bill_label.setText(self.tr("Statement of %1, due %2: %3 unpaid").replace(
                "%1", format_date(bill.statement_date)).replace("%2", format_date(bill.due_date)).replace(
                "%3", format_fen(bill.outstanding_fen)))

    def terms(self) -> dict[str, Any]:
        return bill_installment_terms(int(self.terms_box.currentData()))


class ExtensionForm(TermsForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days_box = QSpinBox()
        self.days_box.setRange(1, EXTENSION_MAX_DAYS)
        self.days_box.setValue(3)
        self.days_box.setSuffix(self.tr(" days"))
        self.days_box.setMaximumWidth(140)
        self.add_field("days", self.tr("Move the due date by:"), self.days_box,
                       self.tr("Up to 3 days an agent may grant alone; up to 10 days with a supervisor."))
        self.new_due_label = _note_label()
        self.form.addRow(self.tr("New due date:"), self.new_due_label)
        self.days_box.valueChanged.connect(self._update)
        self._due: date | None = None

    def fill_defaults(self, account: AccountOverview) -> None:
        bill = account.current_bill
        self._due = bill.due_date if bill is not None else None
        self._update()

    def _update(self) -> None:
        if self._due is None:
            self.new_due_label.clear()
            return
        new_due = self._due + timedelta(days=self.days_box.value())
        self.new_due_label.setText(self.tr("%1 (now %2)").replace("%1", format_date(new_due)).replace(
            "%2", format_date(self._due)))

    def terms(self) -> dict[str, Any]:
        return due_date_extension_terms(self.days_box.value())


class HardshipForm(TermsForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overdue_label = _note_label()
        self.form.addRow(self.tr("Overdue:"), self.overdue_label)
        self.months_box = QSpinBox()
        self.months_box.setRange(*HARDSHIP_MONTHS)
        self.months_box.setValue(HARDSHIP_AGENT_MONTHS)
        self.months_box.setSuffix(self.tr(" months"))
        self.months_box.setMaximumWidth(140)
        self.add_field("months", self.tr("Monthly payments:"), self.months_box,
                       self.tr("3 to 60 months; over 12 months needs a supervisor's approval."))
        self.waiver_edit = _money_edit()
        self.add_field("penalty_waiver_fen", self.tr("Penalty interest to waive:"), self.waiver_edit,
                       self.tr("Optional. Over ¥200.00 needs a supervisor's approval."))

    def fill_defaults(self, account: AccountOverview) -> None:
        overdue = self.tr("%1 past due, %2 days").replace(
            "%1", format_fen(account.past_due_fen)).replace("%2", str(account.days_past_due))
        bill = account.current_bill
        if bill is not None and bill.outstanding_fen > 0:
            # The plan takes all the latest bill still owes, not only its past-due part: say so
            # before the quote names a larger sum (docs/rules.md, hardship plans).
            overdue = self.tr("%1; the latest bill still owes %2, which the plan restructures "
                              "(less money under dispute).").replace("%1", overdue).replace(
                "%2", format_fen(bill.outstanding_fen))
        self.overdue_label.setText(overdue)

    def terms(self) -> dict[str, Any]:
        waiver = _yuan_in(self.waiver_edit, "penalty_waiver_fen", required=False,
                          caption=self.tr("Penalty interest to waive:"))
        return hardship_plan_terms(self.months_box.value(), waiver)


class FeeWaiverForm(TermsForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.component_box = QComboBox()
        for component in FEE_WAIVER_COMPONENTS:
            self.component_box.addItem(wording.component_text(component), component)
        self.add_field("component", self.tr("Waive:"), self.component_box)
        self.amount_edit = _money_edit()
        self.add_field("amount_fen", self.tr("Amount:"), self.amount_edit,
                       self.tr("Up to ¥50.00 per account in 90 days an agent may waive alone."))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_MAX_LENGTH)
        self.reason_edit.setPlaceholderText(self.tr("Why, for example: first late payment, customer was in hospital"))
        self.add_field("reason", self.tr("Reason:"), self.reason_edit)

    def terms(self) -> dict[str, Any]:
        amount = _yuan_in(self.amount_edit, "amount_fen", required=True, caption=self.tr("Amount:"))
        reason = self.reason_edit.text().strip()
        if not reason:
            raise _Invalid("reason", QCoreApplication.translate("Arrangements", "Say why the fee is waived; the reason is kept with the arrangement."))
        return fee_waiver_terms(amount, str(self.component_box.currentData()), reason)


class PromiseForm(TermsForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owed_label = _note_label()
        self.form.addRow(self.tr("Owed:"), self.owed_label)
        self.amount_edit = _money_edit()
        self.add_field("amount_fen", self.tr("Promised amount:"), self.amount_edit)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumWidth(160)
        self.add_field("promised_date", self.tr("Pay by:"), self.date_edit,
                       self.tr("From today to 14 days from today; kept or broken is decided at the end of that day."))
        self.set_today(business_today())

    def set_today(self, today: date) -> None:
        first = QDate(today.year, today.month, today.day)
        self.date_edit.setDateRange(first, first.addDays(PROMISE_MAX_DAYS))
        self.date_edit.setDate(first.addDays(min(7, PROMISE_MAX_DAYS)))

    def fill_defaults(self, account: AccountOverview) -> None:
        self.owed_label.setText(self.tr("%1 in all; %2 due next").replace(
            "%1", format_fen(account.balance_fen)).replace("%2", format_fen(account.next_due_fen)))
        suggested = account.past_due_fen or account.next_due_fen or account.balance_fen
        self.amount_edit.setText(format_fen(min(suggested, account.balance_fen), symbol="") if suggested > 0 else "")
        self.set_today(business_today())

    def terms(self) -> dict[str, Any]:
        amount = _yuan_in(self.amount_edit, "amount_fen", required=True, caption=self.tr("Promised amount:"))
        chosen = self.date_edit.date()
        return promise_to_pay_terms(amount, date(chosen.year(), chosen.month(), chosen.day()))


class PlanPayoffForm(TermsForm):
    """Which of the account's active plans to pay off early (ui/arrangements/payoff.py is the
    dialog on one plan; the quote page shows the same figures)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_box = QComboBox()
        self.add_field("plan_id", self.tr("Plan:"), self.plan_box,
                       self.tr("Its principal not yet billed becomes due at once; the fees of those periods are waived."))

    def fill_defaults(self, account: AccountOverview) -> None:
        self.plan_box.clear()
        profile = getattr(self.window(), "profile", None)  # the wizard's customer
        for plan in getattr(profile, "plans", None) or ():
            if plan.account_id == account.id and plan.status == "active":
                self.plan_box.addItem(self.tr("%1 (plan %2): %3 principal left").replace(
                    "%1", plan.description or plan.kind).replace("%2", str(plan.id)).replace(
                    "%3", format_fen(plan.remaining_principal_fen)), plan.id)

    def terms(self) -> dict[str, Any]:
        if self.plan_box.currentData() is None:
            raise _Invalid("plan_id", self.tr("The account has no active plan to pay off."))
        return plan_payoff_terms(int(self.plan_box.currentData()))


# The form of each type, in the order the type page lists them.
FORMS: dict[str, type[TermsForm]] = {
    "bill_installment": BillInstallmentForm,
    "due_date_extension": ExtensionForm,
    "hardship_plan": HardshipForm,
    "fee_waiver": FeeWaiverForm,
    "promise_to_pay": PromiseForm,
    "plan_payoff": PlanPayoffForm,
}
