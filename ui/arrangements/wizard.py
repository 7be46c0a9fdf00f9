"""The arrangement wizard (DESIGN §3 "Repayment arrangements", §5): type → terms → quote → confirm.

    wizard = ArrangementWizard(client, profile, account_id=account.id, outbox=outbox, parent=workspace)
    wizard.arrangement_submitted.connect(workspace.reload)
    wizard.open()

1. Type: the five kinds, each with what it does and what an agent may grant alone; one that
   cannot apply to the account (a bill installment on an overdue account) is disabled with why.
2. Terms, per type, checked on the page with a sentence next to the field.
3. Quote, made by the server on the account as it is now (a Task; a failure is a banner, Back
   still works): above the schedule and cost, one sentence says whether it goes live at once or
   waits for a supervisor, and which limit it exceeds.
4. Confirm, with an optional note: Finish reads "Set up now" or "Send for approval". The proposal
   goes through the outbox (`console.outbox.send`), with one Idempotency-Key per body, so a retry
   never lands twice; a refusal (409, 422) is a sentence on the page with the input kept.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from console.api import ApiClient, new_idempotency_key
from console.arrangements import (
    ARRANGEMENT_TYPES,
    BILL_INSTALLMENT_TERMS,
    FEE_WAIVER_COMPONENTS,
    MAX_AMOUNT_FEN,
    Arrangement,
    ArrangementSummary,
    Quote,
    QuotePeriod,
    bill_installment_terms,
    conflicts_for,
    due_date_extension_terms,
    fee_waiver_terms,
    get_quote,
    hardship_plan_terms,
    list_account_arrangements,
    plan_payoff_terms,
    promise_to_pay_terms,
    proposal_body,
    propose,
)
from console.errors import Conflict, ValidationFailed
from console.formatting import BUSINESS_TZ, format_date, format_fen, parse_yuan
from console.models import AccountOverview, CustomerProfile
from console.outbox import Delivered, Outbox, Queued
from ui.arrangements import texts
from ui.casework.labels import ARRANGEMENT_TYPE_TEXTS, CASE_STATUS_TEXTS, text_of
from ui.failures import failure_message
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner, MoneyLabel
from ui.widgets.length_counter import LengthCounter
from ui.widgets.restyle import restyle
from ui.workspace.common import AccountPicker, account_title, fit_columns, make_table
from ui.workspace.header import sorted_accounts
from ui.workspace.models import Column, RecordTableModel

__all__ = ["ArrangementWizard", "business_today", "unavailable_reason"]


TYPE_PAGE, TERMS_PAGE, QUOTE_PAGE, CONFIRM_PAGE = range(4)
# The default policy's limits (backend/settings.py Policy), for the pickers' ranges; the server's
# quote decides what needs approval.
HARDSHIP_MONTHS = (3, 60)
HARDSHIP_AGENT_MONTHS = 12
EXTENSION_MAX_DAYS = 10
PROMISE_MAX_DAYS = 14
NOTE_MAX_LENGTH = 1000
REASON_MAX_LENGTH = 1000
INSTALLMENT_FEE_PERCENT = {3: "2.5%", 6: "4.5%", 9: "6.5%", 12: "8.8%"}
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


def terms_text(kind: str, terms: dict[str, Any]) -> str:
    """The terms in a few words: "24 monthly payments", "¥1,000.00 by 2026-11-30"."""
    if kind == "bill_installment":
        return QCoreApplication.translate("Arrangements", "%1 monthly installments").replace("%1", str(terms.get("terms")))
    if kind == "due_date_extension":
        return QCoreApplication.translate("Arrangements", "Due date moved by %1 days").replace("%1", str(terms.get("days")))
    if kind == "hardship_plan":
        text = QCoreApplication.translate("Arrangements", "%1 monthly payments").replace("%1", str(terms.get("months")))
        waiver = int(terms.get("penalty_waiver_fen") or 0)
        if waiver:
            text += QCoreApplication.translate("Arrangements", ", penalty interest waived: %1").replace("%1", format_fen(waiver))
        return text
    if kind == "fee_waiver":
        component = text_of(texts.COMPONENT_TEXTS, str(terms.get("component")))
        return QCoreApplication.translate("Arrangements", "%1 waived: %2").replace("%1", component).replace("%2", format_fen(int(terms.get("amount_fen", 0))))
    if kind == "promise_to_pay":
        return QCoreApplication.translate("Arrangements", "%1 by %2").replace("%1", format_fen(int(terms.get("amount_fen", 0)))).replace(
            "%2", str(terms.get("promised_date")))
    if kind == "plan_payoff":
        return QCoreApplication.translate("Arrangements", "Plan %1 paid off early").replace("%1", str(terms.get("plan_id")))
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


class DecisionStrip(QFrame):
    """A coloured strip with one prominent sentence (the banner's look: info or warning)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The theme's banner look (light and dark) without a style sheet of its own.
        self.setObjectName("ErrorBanner")
        self.setProperty("kind", "info")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.label = QLabel(self)
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.label.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.1)
        elif font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * 1.1))
        self.label.setFont(font)
        layout.addWidget(self.label, 1)
        self.setVisible(False)

    def show_text(self, text: str, *, kind: str) -> None:
        self.label.setText(text)
        self.setProperty("kind", kind)
        restyle(self)
        restyle(self.label)  # its colour is the frame's kind's
        self.setVisible(True)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.label.clear()
        self.setVisible(False)


# -- 1. type ----------------------------------------------------------------------------------


class TypePage(QWizardPage):
    """The five kinds of arrangement, and the account when the customer has several."""

    def __init__(self, wizard: ArrangementWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose the arrangement"))
        self.setSubTitle(self.tr("Every arrangement is quoted first: nothing changes on the account until you confirm."))
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.account_row = QWidget()
        row = QHBoxLayout(self.account_row)
        row.setContentsMargins(0, 0, 0, 6)
        row.addWidget(QLabel(self.tr("Account:")))
        self.account_picker = AccountPicker()
        self.account_picker.account_changed.connect(lambda _id: self._account_changed())
        row.addWidget(self.account_picker)
        row.addStretch(1)
        layout.addWidget(self.account_row)
        # What is live or waiting on the account (docs/contact-history.md), before choosing.
        self.live_label = DecisionStrip(self)
        self.live_label.setObjectName("liveArrangements")
        layout.addWidget(self.live_label)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        self.reason_labels: dict[str, QLabel] = {}
        for number, kind in enumerate(ARRANGEMENT_TYPES):
            button = QRadioButton(text_of(ARRANGEMENT_TYPE_TEXTS, kind))
            font = QFont(button.font())
            font.setBold(True)
            button.setFont(font)
            button.setObjectName(f"type_{kind}")
            self.group.addButton(button, number)
            self.buttons[kind] = button
            layout.addWidget(button)
            detail = QVBoxLayout()
            detail.setContentsMargins(26, 0, 0, 8)
            detail.setSpacing(1)
            detail.addWidget(_note_label(texts.tr(texts.TYPE_WHAT[kind])))
            detail.addWidget(_note_label(texts.tr(texts.TYPE_AUTHORITY[kind]), "caption"))
            reason = _note_label("", "error")
            reason.setVisible(False)
            self.reason_labels[kind] = reason
            detail.addWidget(reason)
            layout.addLayout(detail)
        layout.addStretch(1)
        self.group.buttonToggled.connect(lambda *_: self.completeChanged.emit())

    def set_profile(self, profile: CustomerProfile, account_id: int | None) -> None:
        self.account_picker.set_accounts(profile)
        if account_id is not None:
            self.account_picker.select_account(account_id)
        self.account_row.setVisible(self.account_picker.count() > 1)
        self._account_changed()

    def account_id(self) -> int | None:
        return self.account_picker.account_id()

    def selected_type(self) -> str | None:
        button = self.group.checkedButton()
        if button is None or not button.isEnabled():
            return None
        return next(kind for kind, b in self.buttons.items() if b is button)

    def select(self, kind: str) -> None:
        self.buttons[kind].setChecked(True)

    def reason(self, kind: str) -> str:
        """Why `kind` is disabled ("" when it is available)."""
        label = self.reason_labels[kind]
        return label.text() if not label.isHidden() else ""

    def _account_changed(self) -> None:
        account = self._wizard.account(self.account_id())
        today = business_today()
        self._wizard.load_arrangements()
        live = self._wizard.live_arrangements()
        if live:
            self.live_label.show_text(self.tr("On this account now: %1").replace(
                "%1", "; ".join(live_arrangement_text(a) for a in live)), kind="warning")
        else:
            self.live_label.clear()
        for kind, button in self.buttons.items():
            why = unavailable_reason(kind, account, today) if account is not None else None
            why = why or self._wizard.conflict_reason(kind)
            button.setEnabled(account is not None and why is None)
            label = self.reason_labels[kind]
            label.setText(self.tr("Not available: %1").replace("%1", why or ""))
            label.setVisible(why is not None)
            if why is not None and button.isChecked():
                self.group.setExclusive(False)
                button.setChecked(False)
                self.group.setExclusive(True)
        self.completeChanged.emit()

    def refresh_availability(self) -> None:
        """The account's arrangements arrived: say again what is available."""
        self._account_changed()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.account_id() is not None and self.selected_type() is not None


# -- 2. terms ---------------------------------------------------------------------------------


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
        self.overdue_label.setText(self.tr("%1 past due, %2 days").replace(
            "%1", format_fen(account.past_due_fen)).replace("%2", str(account.days_past_due)))

    def terms(self) -> dict[str, Any]:
        waiver = _yuan_in(self.waiver_edit, "penalty_waiver_fen", required=False,
                          caption=self.tr("Penalty interest to waive:"))
        return hardship_plan_terms(self.months_box.value(), waiver)


class FeeWaiverForm(TermsForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.component_box = QComboBox()
        for component in FEE_WAIVER_COMPONENTS:
            self.component_box.addItem(text_of(texts.COMPONENT_TEXTS, component), component)
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


FORMS: dict[str, type[TermsForm]] = {
    "bill_installment": BillInstallmentForm,
    "due_date_extension": ExtensionForm,
    "hardship_plan": HardshipForm,
    "fee_waiver": FeeWaiverForm,
    "promise_to_pay": PromiseForm,
    "plan_payoff": PlanPayoffForm,
}


class TermsPage(QWizardPage):
    """The terms of the chosen type; checked here, before the server quotes them."""

    def __init__(self, wizard: ArrangementWizard) -> None:
        super().__init__()
        self._wizard = wizard
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.forms: dict[str, TermsForm] = {}
        for kind, form_class in FORMS.items():
            form = form_class()
            self.forms[kind] = form
            self.stack.addWidget(form)
        layout.addWidget(self.stack)
        layout.addStretch(1)
        self._filled_for: tuple[str, int] | None = None

    def form(self) -> TermsForm:
        kind = self._wizard.arrangement_type or ARRANGEMENT_TYPES[0]
        return self.forms[kind]

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        kind = self._wizard.arrangement_type or ARRANGEMENT_TYPES[0]
        account = self._wizard.current_account()
        self.setTitle(self.tr("Terms: %1").replace("%1", text_of(ARRANGEMENT_TYPE_TEXTS, kind)))
        self.setSubTitle(texts.tr(texts.TYPE_AUTHORITY[kind]))
        form = self.forms[kind]
        self.stack.setCurrentWidget(form)
        # The input stays as typed when the agent comes back to the same type on the same account.
        if account is not None and self._filled_for != (kind, account.id):
            form.clear_errors()
            form.fill_defaults(account)
            self._filled_for = (kind, account.id)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        form = self.form()
        form.clear_errors()
        try:
            terms = form.terms()
        except _Invalid as invalid:
            form.show_error(invalid.field, invalid.message)
            return False
        self._wizard.terms = terms
        return True

    def show_server_errors(self, field_errors: list[tuple[str, str]]) -> None:
        """Put the server's field errors (`body.months`, …) next to their fields."""
        form = self.form()
        for field, message in field_errors:
            form.show_error(field.split(".")[-1], texts.field_sentence(message))


# -- 3. quote ---------------------------------------------------------------------------------


class ScheduleModel(RecordTableModel[QuotePeriod]):
    """The quoted schedule: period, due date, principal, fee, total."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Period"), lambda p: p.period, "int"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Due date"), lambda p: p.due_date, "date"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal"), lambda p: p.principal_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Fee"), lambda p: p.fee_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Total"), lambda p: p.total_fen, "money"),
    )


class QuotePage(QWizardPage):
    """The server's quote: whether it goes live or waits (and why), the cost, the effects, the schedule."""

    quote_ready = Signal(object)  # console.arrangements.Quote
    quote_failed = Signal(object)  # the exception

    def __init__(self, wizard: ArrangementWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._tasks = LatestOnly()
        self.task: Task[Quote] | None = None
        self.quote: Quote | None = None
        self.setTitle(self.tr("Quote"))
        self.setSubTitle(self.tr("What the arrangement does on the account as it is now. Nothing changes until you confirm."))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        self.loading_row = QWidget()
        loading = QHBoxLayout(self.loading_row)
        loading.setContentsMargins(0, 0, 0, 0)
        self.busy = BusyIndicator(keep_space=False)
        loading.addWidget(self.busy)
        loading.addWidget(_note_label(self.tr("Getting the quote…")))
        loading.addStretch(1)
        self.loading_row.setVisible(False)
        layout.addWidget(self.loading_row)
        self.decision = DecisionStrip(self)
        layout.addWidget(self.decision)
        self.facts = QWidget()
        self.facts_form = QFormLayout(self.facts)
        self.facts_form.setContentsMargins(0, 4, 0, 4)
        self.facts.setVisible(False)
        layout.addWidget(self.facts)
        self.schedule_caption = QLabel()
        self.schedule_caption.setObjectName("pageHeading")
        layout.addWidget(self.schedule_caption)
        self.schedule_model = ScheduleModel(self)
        self.schedule_view: QTableView = make_table(self.schedule_model, sortable=False)
        self.schedule_view.horizontalHeader().setStretchLastSection(False)
        self.schedule_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fit_columns(self.schedule_view, {0: 7, 1: 12, 2: 14, 3: 12, 4: 14})
        layout.addWidget(self.schedule_view, 1)
        # Without a schedule (a refusal, an extension) the strips keep their height; the rest is space.
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.decision.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addStretch(0)
        self._show_schedule(False)

    def _show_schedule(self, visible: bool) -> None:
        self.schedule_caption.setVisible(visible)
        self.schedule_view.setVisible(visible)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.request_quote()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        """Going back: drop a quote still on its way, and the one shown."""
        self._tasks.discard()
        self.task = None
        self._clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.quote is not None

    def is_loading(self) -> bool:
        return self.task is not None and self.task.is_running

    def _clear(self) -> None:
        self.quote = None
        self._wizard.quote = None
        self.banner.clear()
        self.decision.clear()
        while self.facts_form.rowCount():
            self.facts_form.removeRow(0)
        self.facts.setVisible(False)
        self.schedule_model.set_records([])
        self._show_schedule(False)
        self.loading_row.setVisible(False)

    def request_quote(self) -> None:
        """Ask the server for the quote of the wizard's terms (again)."""
        self._clear()
        self.completeChanged.emit()
        client, account_id, terms = self._wizard.client, self._wizard.account_id, dict(self._wizard.terms)
        if account_id is None:
            return
        self.loading_row.setVisible(True)
        task: Task[Quote] = Task(lambda: get_quote(client, account_id, terms), parent=self, label="arrangement quote")
        task.on_success(self._show_quote).on_failure(self._failed).with_busy(self.busy)
        self.task = task
        self._tasks.run(task)

    def _failed(self, exc: BaseException) -> None:
        self.loading_row.setVisible(False)
        refused = isinstance(exc, Conflict | ValidationFailed)
        # A refusal of the terms or of the account's state answers the same way again: the agent
        # goes Back and changes them. A failure of the network or the server may pass: Retry.
        self.banner.show_message(texts.refusal_text(exc), retry=None if refused else self.request_quote)
        if isinstance(exc, ValidationFailed) and exc.field_errors:
            self._wizard.terms_page.show_server_errors(exc.field_errors)
        self.completeChanged.emit()
        self.quote_failed.emit(exc)

    def _show_quote(self, quote: Quote) -> None:
        self.loading_row.setVisible(False)
        self.quote = quote
        self._wizard.quote = quote
        self.decision.show_text(decision_text(quote, supervisor=self._wizard.is_supervisor()),
                                kind="warning" if quote.needs_approval else "info")
        for caption, value in self._facts(quote):
            self.facts_form.addRow(caption, value)
        self.facts.setVisible(self.facts_form.rowCount() > 0)
        self.schedule_model.set_records(quote.schedule)
        self.schedule_caption.setText(self.tr("New schedule: %1 payments").replace("%1", str(len(quote.schedule))))
        self._show_schedule(bool(quote.schedule))
        self.completeChanged.emit()
        self.quote_ready.emit(quote)

    def _facts(self, quote: Quote) -> list[tuple[str, QWidget]]:
        """The cost and the effects worth reading aloud to the customer."""
        facts: list[tuple[str, QWidget]] = []
        effects = quote.effects
        cost = quote.cost

        def money(caption: str, fen: int, emphasis: str = "") -> None:
            label = MoneyLabel(fen, emphasis=emphasis)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            facts.append((caption, label))

        def words(caption: str, text: str) -> None:
            label = QLabel(text)
            label.setWordWrap(True)
            facts.append((caption, label))

        kind = quote.type
        if kind == "bill_installment":
            money(self.tr("Converted:"), cost.principal_fen)
            money(self.tr("Installment fee:"), cost.fee_fen)
            money(self.tr("Total to repay:"), cost.total_fen, "due")
            words(self.tr("First installment due:"), str(effects.get("first_due_date", "")))
        elif kind == "due_date_extension":
            words(self.tr("Due date:"), self.tr("%1 → %2").replace("%1", str(effects.get("current_due_date", ""))).replace(
                "%2", str(effects.get("new_due_date", ""))))
            words(self.tr("Cost:"), self.tr("No fee."))
        elif kind == "hardship_plan":
            money(self.tr("Restructured:"), cost.principal_fen, "due")
            if cost.waived_fen:
                money(self.tr("Penalty interest waived:"), cost.waived_fen, "good")
            money(self.tr("Fee:"), cost.fee_fen)
            words(self.tr("First payment due:"), str(effects.get("first_due_date", "")))
            words(self.tr("While it is kept:"), self.tr("Penalty interest stops; two missed payments break the plan."))
        elif kind == "fee_waiver":
            money(self.tr("Waived at once:"), cost.waived_fen, "good")
            before = int(effects.get("waived_in_window_fen") or 0)
            money(self.tr("Waived on this account in the last 90 days:"), before)
        elif kind == "promise_to_pay":
            money(self.tr("Promised:"), cost.principal_fen, "due")
            words(self.tr("By:"), str(effects.get("promised_date", "")))
            words(self.tr("Then:"), self.tr("Kept or broken is decided at the end of that day."))
        elif kind == "plan_payoff":
            money(self.tr("Principal due at once:"), cost.principal_fen, "due")
            money(self.tr("Fees waived:"), cost.waived_fen, "good")
            money(self.tr("Total to end the plan:"), int(effects.get("payoff_fen") or 0), "due")
            words(self.tr("Due:"), str(effects.get("due_date", "")))
        return facts


# -- 4. confirm -------------------------------------------------------------------------------


class ConfirmPage(QWizardPage):
    """The summary, a note, and Finish ("Set up now" / "Send for approval"); then the outcome."""

    submitted = Signal(object)  # the arrangement JSON dict, or a console.outbox.Queued
    refused = Signal(object)  # the exception

    def __init__(self, wizard: ArrangementWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.task: Task[Delivered | Queued] | None = None
        self.outcome: dict[str, Any] | Queued | None = None
        self._key_for: tuple[str, str] | None = None  # (body as text, Idempotency-Key)
        self.setTitle(self.tr("Confirm"))
        self.setSubTitle(self.tr("Read the terms to the customer and confirm they agree."))
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.decision = DecisionStrip(self)
        layout.addWidget(self.decision)
        self.summary = QWidget()
        self.summary_form = QFormLayout(self.summary)
        self.summary_form.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.summary)
        self.note_caption = QLabel(self.tr("Note (optional, kept with the arrangement):"))
        layout.addWidget(self.note_caption)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("Why, in your words: what the customer told you"))
        self.note_edit.setMaximumHeight(90)
        layout.addWidget(self.note_edit)
        # Said as it is typed, never cut: a note over the limit holds the Finish button until shortened.
        self.note_counter = LengthCounter(self.note_edit, NOTE_MAX_LENGTH, self)
        self.note_counter.within_limit_changed.connect(lambda _within: self.completeChanged.emit())
        layout.addWidget(self.note_counter)
        self.error_label = _note_label("", "error")
        self.error_label.setObjectName("confirmError")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        self.sending_row = QWidget()
        sending = QHBoxLayout(self.sending_row)
        sending.setContentsMargins(0, 0, 0, 0)
        self.busy = BusyIndicator(keep_space=False)
        sending.addWidget(self.busy)
        sending.addWidget(_note_label(self.tr("Sending…")))
        sending.addStretch(1)
        self.sending_row.setVisible(False)
        layout.addWidget(self.sending_row)
        self.result = DecisionStrip(self)
        self.result.setObjectName("ErrorBanner")
        layout.addWidget(self.result)
        layout.addStretch(1)

    # -- page ------------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        quote = self._wizard.quote
        self.error_label.setVisible(False)
        while self.summary_form.rowCount():
            self.summary_form.removeRow(0)
        if quote is None:
            return
        self.decision.show_text(decision_text(quote, supervisor=self._wizard.is_supervisor()),
                                kind="warning" if quote.needs_approval else "info")
        account = self._wizard.current_account()
        profile = self._wizard.profile
        rows = [
            (self.tr("Customer:"), profile.name),
            (self.tr("Account:"), account_title(account) if account is not None else ""),
            (self.tr("Arrangement:"), text_of(ARRANGEMENT_TYPE_TEXTS, quote.type)),
            (self.tr("Terms:"), terms_text(quote.type, self._wizard.terms)),
        ]
        if quote.schedule:
            first = quote.schedule[0]
            rows.append((self.tr("Payments:"), self.tr("%1 payments from %2, first %3, in all %4").replace(
                "%1", str(len(quote.schedule))).replace("%2", format_date(first.due_date)).replace(
                "%3", format_fen(first.total_fen)).replace("%4", format_fen(quote.cost.total_fen))))
        for caption, text in rows:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary_form.addRow(caption, label)
        self._wizard.set_finish_text(self.finish_text())

    def finish_text(self) -> str:
        quote = self._wizard.quote
        if self.outcome is not None:
            return self.tr("Close")
        if quote is not None and quote.needs_approval:
            return self.tr("Send for approval")
        return self.tr("Set up now")

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        if self.outcome is not None:
            return True  # only Close is left
        return self._wizard.quote is not None and not self.is_sending() and self.note_counter.is_within_limit()

    def is_sending(self) -> bool:
        return self.task is not None and self.task.is_running

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    # -- submitting ------------------------------------------------------------------------

    def body(self) -> dict[str, Any]:
        account_id = self._wizard.account_id
        assert account_id is not None
        return proposal_body(account_id, self._wizard.terms, self.note() or None)

    def _idempotency_key(self, body: dict[str, Any]) -> str:
        """One key per body: a retry of the same proposal is the same write (never lands twice);
        changed terms or note are a new one."""
        text = json.dumps(body, sort_keys=True, ensure_ascii=False)
        if self._key_for is None or self._key_for[0] != text:
            self._key_for = (text, new_idempotency_key())
        return self._key_for[1]

    def submit(self) -> None:
        """Send the proposal (through the outbox); no-op while one is on its way or after it landed."""
        if self.is_sending() or self.outcome is not None or self._wizard.quote is None:
            return
        if not self.note_counter.is_within_limit():
            return  # the counter under the note says why
        body = self.body()
        key = self._idempotency_key(body)
        label = self._wizard.outbox_label()
        client, outbox = self._wizard.client, self._wizard.outbox
        self.error_label.setVisible(False)
        self.sending_row.setVisible(True)
        self.note_edit.setReadOnly(True)
        task: Task[Delivered | Queued] = Task(
            lambda: propose(outbox, client, body, label=label, idempotency_key=key),
            parent=self, label="propose arrangement",
        )
        task.on_success(self._landed).on_failure(self._refused).with_busy(self.busy)
        self.task = task
        task.run()
        self._wizard.set_sending(True)
        self.completeChanged.emit()

    def _landed(self, result: Delivered | Queued) -> None:
        # The task counts as running until its callbacks return: forget it first, or isComplete()
        # still says "sending" below and the Close button stays disabled.
        self.task = None
        self.sending_row.setVisible(False)
        if isinstance(result, Queued):
            self.outcome = result
            self.result.show_text(self.tr(
                "Kept in the outbox: the server cannot be reached now, so the arrangement will be sent "
                "when it can be, once. Nothing you entered is lost."), kind="warning")
        else:
            data = dict(result.body or {})
            self.outcome = data
            self.result.show_text(self._outcome_text(Arrangement.from_json(data)),
                                  kind="warning" if data.get("status") == "pending_approval" else "info")
        self.decision.setVisible(False)
        self.note_edit.setReadOnly(True)
        has_note = bool(self.note())
        self.note_caption.setVisible(has_note)
        self.note_edit.setVisible(has_note)
        self.note_counter.setVisible(False)
        self._wizard.set_sending(False)
        self._wizard.set_done()
        self.completeChanged.emit()
        self.submitted.emit(self.outcome)

    def _outcome_text(self, arrangement: Arrangement) -> str:
        what = text_of(ARRANGEMENT_TYPE_TEXTS, arrangement.type)
        terms = terms_text(arrangement.type, arrangement.terms)
        if arrangement.status == "pending_approval":
            if arrangement.case_id is not None:
                return self.tr("Waiting for approval: case %1 is in the approvals queue. %2 (%3) goes live when a "
                               "supervisor approves it.").replace("%1", str(arrangement.case_id)).replace(
                    "%2", what).replace("%3", terms)
            return self.tr("Waiting for approval: it is in the approvals queue.")
        if arrangement.status == "active":
            return self.tr("Live: %1 (%2) is in force on the account now.").replace("%1", what).replace("%2", terms)
        return self.tr("Sent: %1 is %2.").replace("%1", what).replace(
            "%2", text_of(CASE_STATUS_TEXTS, arrangement.status))

    def _refused(self, exc: BaseException) -> None:
        self.task = None  # as in _landed: the Finish button is usable again to retry
        self.sending_row.setVisible(False)
        self.note_edit.setReadOnly(False)
        self.error_label.setText(texts.refusal_text(exc) if isinstance(exc, Conflict | ValidationFailed)
                                 else failure_message(exc))
        self.error_label.setVisible(True)
        if isinstance(exc, ValidationFailed) and exc.field_errors:
            self._wizard.terms_page.show_server_errors(exc.field_errors)
        self._wizard.set_sending(False)
        self.completeChanged.emit()
        self.refused.emit(exc)


# -- the wizard -------------------------------------------------------------------------------


class ArrangementWizard(QWizard):
    """Propose a repayment arrangement for one customer: type → terms → quote → confirm.

    Signals:
        arrangement_submitted(object): the proposal landed (the arrangement's JSON dict: status
            `active` or `pending_approval`) or was kept in the outbox (a `console.outbox.Queued`).
    """

    arrangement_submitted = Signal(object)
    arrangements_loaded = Signal()

    def __init__(
        self,
        client: ApiClient,
        profile: CustomerProfile,
        *,
        account_id: int | None = None,
        outbox: Outbox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ArrangementWizard")
        self.client = client
        self.profile = profile
        self.outbox = outbox
        self.terms: dict[str, Any] = {}
        self.quote: Quote | None = None
        self._sending = False
        self._done = False
        self.setWindowTitle(self.tr("Repayment arrangement for %1").replace("%1", profile.name))
        self.setModal(True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(820, 660)

        self.type_page = TypePage(self)
        self.terms_page = TermsPage(self)
        self.quote_page = QuotePage(self)
        self.confirm_page = ConfirmPage(self)
        self.setPage(TYPE_PAGE, self.type_page)
        self.setPage(TERMS_PAGE, self.terms_page)
        self.setPage(QUOTE_PAGE, self.quote_page)
        self.setPage(CONFIRM_PAGE, self.confirm_page)
        self.confirm_page.submitted.connect(self.arrangement_submitted)
        # The account's arrangements, to warn of conflicts before anything is sent.
        self.account_arrangements: dict[int, tuple[ArrangementSummary, ...]] = {}
        self.arrangements_task: Task[tuple[int, tuple[ArrangementSummary, ...]]] | None = None
        self._arrangements_loader = LatestOnly()
        self.type_page.set_profile(profile, account_id)
        self.profile_task: Task[CustomerProfile] | None = None
        if profile.account_overviews is None:
            self._load_accounts()

    # -- state -----------------------------------------------------------------------------

    @property
    def account_id(self) -> int | None:
        return self.type_page.account_id()

    @property
    def arrangement_type(self) -> str | None:
        return self.type_page.selected_type()

    def account(self, account_id: int | None) -> AccountOverview | None:
        return next((a for a in sorted_accounts(self.profile) if a.id == account_id), None)

    def current_account(self) -> AccountOverview | None:
        return self.account(self.account_id)

    def is_supervisor(self) -> bool:
        user = self.client.user
        return user is not None and user.role == "supervisor"

    def outbox_label(self) -> str:
        """How the proposal is named in the outbox's list."""
        kind = self.arrangement_type or ""
        account = self.current_account()
        return self.tr("%1 for %2 (account %3): %4").replace("%1", text_of(ARRANGEMENT_TYPE_TEXTS, kind)).replace(
            "%2", self.profile.name).replace("%3", account.account_number if account is not None else "").replace(
            "%4", terms_text(kind, self.terms))

    def outcome(self) -> dict[str, Any] | Queued | None:
        """What the proposal came to: the arrangement's JSON, a `Queued`, or None before it was sent."""
        return self.confirm_page.outcome

    def load_arrangements(self) -> None:
        """Fetch the account's arrangements once per account (the type page then warns)."""
        account_id = self.account_id
        if account_id is None or account_id in self.account_arrangements:
            return
        client = self.client

        def fetch() -> tuple[int, tuple[ArrangementSummary, ...]]:
            return account_id, list_account_arrangements(client, account_id).items

        task: Task[tuple[int, tuple[ArrangementSummary, ...]]] = Task(fetch, parent=self,
                                                                        label="arrangement conflicts")
        # Not knowing them is no reason to stop: the server refuses a real conflict with a sentence.
        task.on_success(self._arrangements_arrived).on_failure(lambda _exc: self.arrangements_loaded.emit())
        self.arrangements_task = task
        self._arrangements_loader.run(task)

    def _arrangements_arrived(self, answer: tuple[int, tuple[ArrangementSummary, ...]]) -> None:
        account_id, arrangements = answer
        self.account_arrangements[account_id] = arrangements
        if account_id == self.account_id:
            self.type_page.refresh_availability()
        self.arrangements_loaded.emit()

    def live_arrangements(self) -> list[ArrangementSummary]:
        """The account's arrangements in force or waiting (empty until they are known)."""
        return [a for a in self.account_arrangements.get(self.account_id or 0, ()) if a.is_live_or_waiting]

    def conflict_reason(self, kind: str) -> str | None:
        """Why `kind` would clash with what is on the account now (None: it would not)."""
        clashes = conflicts_for(kind, self.account_arrangements.get(self.account_id or 0, ()))
        if not clashes:
            return None
        other = clashes[0]
        return self.tr("the account has a %1 (arrangement %2); cancel it first.").replace(
            "%1", live_arrangement_text(other)).replace("%2", str(other.id))

    def _load_accounts(self) -> None:
        """The profile came without account overviews: fetch them (the type page waits)."""
        client, customer_id = self.client, self.profile.id
        task: Task[CustomerProfile] = Task(
            lambda: client.get_customer(customer_id, include=("accounts", "current_bills")),
            parent=self, label="arrangement accounts",
        )
        task.on_success(self._accounts_loaded)
        self.profile_task = task
        task.run()

    def _accounts_loaded(self, profile: CustomerProfile) -> None:
        self.profile = profile
        self.type_page.set_profile(profile, self.account_id)

    # -- buttons ---------------------------------------------------------------------------

    def set_finish_text(self, text: str) -> None:
        self.setButtonText(QWizard.WizardButton.FinishButton, text)
        button = self.button(QWizard.WizardButton.FinishButton)
        bold = QFont(button.font())
        bold.setBold(True)
        button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 40)

    def finish_button_text(self) -> str:
        return self.buttonText(QWizard.WizardButton.FinishButton)

    def set_sending(self, sending: bool) -> None:
        """While the proposal is on its way, neither Back nor Cancel: it may land any moment."""
        self._sending = sending
        self.button(QWizard.WizardButton.BackButton).setEnabled(not sending)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not sending)

    def set_done(self) -> None:
        """The proposal landed or is kept: only Close is left."""
        self._done = True
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.set_finish_text(self.confirm_page.finish_text())

    def accept(self) -> None:
        """Finish: send the proposal the first time; close once it landed (or is kept)."""
        if self.currentId() == CONFIRM_PAGE and not self._done:
            self.confirm_page.submit()
            return
        super().accept()

    def reject(self) -> None:
        if self._sending:
            return  # the proposal may land any moment: wait for its answer
        if self.currentId() == QUOTE_PAGE:
            self.quote_page.cleanupPage()  # drop a quote still on its way
        self._arrangements_loader.discard()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._sending:
            event.ignore()
            return
        super().closeEvent(event)
