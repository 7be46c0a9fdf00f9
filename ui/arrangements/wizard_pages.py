"""The arrangement wizard's pages: 1. type, 2. terms, 3. quote, 4. confirm (see `ui.arrangements.wizard`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from console.api import new_idempotency_key
from console.arrangements import (
    ARRANGEMENT_TYPES,
    Arrangement,
    Quote,
    QuotePeriod,
    get_quote,
    proposal_body,
    propose_arrangement,
)
from console.errors import Conflict, ValidationFailed
from console.formatting import format_date, format_fen
from console.models import CustomerProfile
from console.outbox import Queued
from console.rules import ARRANGEMENT_TEXT_MAX_LENGTH as NOTE_MAX_LENGTH
from ui.arrangements import texts
from ui.arrangements.terms_forms import (
    FORMS,
    TermsForm,
    _Invalid,
    _note_label,
)
from ui.arrangements.wizard_words import (
    _day,
    business_today,
    decision_text,
    live_arrangement_text,
    terms_text,
    unavailable_reason,
)
from ui.casework.labels import ARRANGEMENT_TYPE_TEXTS, CASE_STATUS_TEXTS, text_of
from ui.failures import failure_message
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner, MoneyLabel
from ui.widgets.length_counter import LengthCounter
from ui.widgets.restyle import restyle
from ui.widgets.table_model import Column, RecordTableModel
from ui.widgets.tables import fit_columns, make_table
from ui.workspace.common import AccountPicker, account_title

if TYPE_CHECKING:
    from ui.arrangements.wizard import ArrangementWizard


__all__ = ["ConfirmPage", "DecisionStrip", "QuotePage", "TermsPage", "TypePage"]


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
        # The banner's look needs its object name ("ErrorBanner"): no name of its own.
        self.live_label = DecisionStrip(self)
        layout.addWidget(self.live_label)

        # The choices scroll when the warning and "Not available" lines make them taller than the
        # wizard: squeezed, their lines were drawn over each other.
        choices = QWidget()
        choices.setObjectName("arrangementChoices")
        outer = layout
        layout = QVBoxLayout(choices)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(choices)
        scroll.viewport().setAutoFillBackground(False)
        choices.setAutoFillBackground(False)
        outer.addWidget(scroll, 1)

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
        effects = quote.typed_effects
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
            words(self.tr("First installment due:"), _day(effects.first_due_date))
        elif kind == "due_date_extension":
            words(self.tr("Due date:"), self.tr("%1 → %2").replace("%1", _day(effects.current_due_date)).replace(
                "%2", _day(effects.new_due_date)))
            words(self.tr("Cost:"), self.tr("No fee."))
        elif kind == "hardship_plan":
            money(self.tr("Restructured:"), cost.principal_fen, "due")
            if cost.waived_fen:
                money(self.tr("Penalty interest waived:"), cost.waived_fen, "good")
            money(self.tr("Fee:"), cost.fee_fen)
            words(self.tr("First payment due:"), _day(effects.first_due_date))
            words(self.tr("While it is kept:"), self.tr("Penalty interest stops; two missed payments break the plan."))
        elif kind == "fee_waiver":
            money(self.tr("Waived at once:"), cost.waived_fen, "good")
            before = effects.waived_in_window_fen or 0
            money(self.tr("Waived on this account in the last 90 days:"), before)
        elif kind == "promise_to_pay":
            money(self.tr("Promised:"), cost.principal_fen, "due")
            words(self.tr("By:"), _day(effects.promised_date))
            words(self.tr("Then:"), self.tr("Kept or broken is decided at the end of that day."))
        elif kind == "plan_payoff":
            money(self.tr("Principal due at once:"), cost.principal_fen, "due")
            money(self.tr("Fees waived:"), cost.waived_fen, "good")
            money(self.tr("Total to end the plan:"), effects.payoff_fen or 0, "due")
            words(self.tr("Due:"), _day(effects.due_date))
        return facts


class ConfirmPage(QWizardPage):
    """The summary, a note, and Finish ("Set up now" / "Send for approval"); then the outcome."""

    submitted = Signal(object)  # the Arrangement, or a console.outbox.Queued
    refused = Signal(object)  # the exception

    def __init__(self, wizard: ArrangementWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.task: Task[Arrangement | Queued] | None = None
        self.outcome: Arrangement | Queued | None = None
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
        task: Task[Arrangement | Queued] = Task(
            lambda: propose_arrangement(outbox, client, body, label=label, idempotency_key=key),
            parent=self, label="propose arrangement",
        )
        task.on_success(self._landed).on_failure(self._refused).with_busy(self.busy)
        self.task = task
        task.run()
        self._wizard.set_sending(True)
        self.completeChanged.emit()

    def _landed(self, result: Arrangement | Queued) -> None:
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
            self.outcome = result
            self.result.show_text(self._outcome_text(result),
                                  kind="warning" if result.status == "pending_approval" else "info")
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
