"""*Pay off early…* on a plan (docs/rules.md, "Paying a plan off early"): the dialog fetches the
payoff quote first, off the GUI thread, shows what the agent reads to the customer (the principal
that becomes due at once and when, the fees waived, what the bill already asks, the total), and
sets up the `plan_payoff` arrangement through the outbox with an Idempotency-Key, like every
other arrangement write."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient, new_idempotency_key
from console.arrangements import PayoffQuote, get_payoff_quote, plan_payoff_terms, proposal_body, propose
from console.errors import Conflict, ValidationFailed
from console.formatting import format_date, format_fen
from console.models import InstallmentPlan
from console.outbox import Delivered, Outbox, Queued
from ui.arrangements import texts
from ui.failures import failure_message
from ui.tasks import Task
from ui.widgets import BusyIndicator
from ui.widgets.money import MoneyLabel
from ui.widgets.restyle import restyle
from ui.workspace import labels


class PayoffDialog(QDialog):
    """Quote, then set up, the early payoff of one plan.

    `payoff_set_up(object)`: the arrangement's JSON (live at once: an agent may set it up alone)
    or a `console.outbox.Queued` when the server could not be reached. `quote_shown()` and
    `quote_failed(exc)` say how the quote came back.
    """

    payoff_set_up = Signal(object)
    quote_shown = Signal()
    quote_failed = Signal(object)  # the exception

    def __init__(self, client: ApiClient, plan: InstallmentPlan, *, customer_name: str,
                 outbox: Outbox | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PayoffDialog")
        self.client = client
        self.plan = plan
        self.outbox = outbox
        self.quote: PayoffQuote | None = None
        self.outcome: dict[str, Any] | Queued | None = None
        self.task: Task[Any] | None = None
        self._key_for: tuple[str, str] | None = None
        plan_name = plan.description or labels.label(labels.PLAN_KINDS, plan.kind)
        self.setWindowTitle(self.tr("Pay off early: %1").replace("%1", plan_name))
        self.setModal(True)
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Early payoff of %1 for %2: the principal of the periods not yet billed becomes due at once and "
            "their fees are waived. Read the quote to the customer before you set it up.")
            .replace("%1", plan_name).replace("%2", customer_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.loading_label = QLabel(self.tr("Getting the payoff quote…"))
        self.loading_label.setProperty("role", "secondary")
        layout.addWidget(self.loading_label)

        self.facts = QWidget(self)
        form = QFormLayout(self.facts)
        form.setContentsMargins(0, 4, 0, 4)
        self.principal_label = self._money(form, self.tr("Principal due at once:"), "due")
        self.waived_label = self._money(form, self.tr("Fees waived:"), "good")
        self.billed_label = self._money(form, self.tr("Already on the bill, still owed:"))
        self.payoff_label = self._money(form, self.tr("Total to end the plan:"), "due")
        self.due_label = QLabel("—", self.facts)
        self.due_label.setWordWrap(True)
        form.addRow(self.tr("Due:"), self.due_label)
        layout.addWidget(self.facts)  # dashes until the quote is in, so the dialog never jumps

        self.message_label = QLabel(self)
        self.message_label.setObjectName("payoffMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setVisible(False)
        layout.addWidget(self.message_label)

        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignRight)
        self.buttons = QDialogButtonBox(self)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setVisible(False)
        self.retry_button.clicked.connect(self.request_quote)
        self.set_up_button = QPushButton(self.tr("Set up payoff"))
        self.set_up_button.setDefault(True)
        self.set_up_button.setEnabled(False)
        self.set_up_button.clicked.connect(self.submit)
        self.buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.set_up_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.request_quote()

    @staticmethod
    def _money(form: QFormLayout, caption: str, emphasis: str = "") -> MoneyLabel:
        label = MoneyLabel(emphasis=emphasis)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(caption, label)
        return label

    def is_busy(self) -> bool:
        return self.task is not None and self.task.is_running

    # -- the quote ---------------------------------------------------------------------------

    def request_quote(self) -> None:
        """Ask the server for the payoff quote (again), on a pool thread."""
        if self.is_busy():
            return
        client, plan_id = self.client, self.plan.id
        self.loading_label.setVisible(True)
        self.message_label.setVisible(False)
        self.retry_button.setVisible(False)
        task: Task[PayoffQuote] = Task(lambda: get_payoff_quote(client, plan_id), parent=self, label="payoff quote")
        task.on_success(self._show_quote).on_failure(self._quote_failed).with_busy(self.busy)
        self.task = task
        task.run()

    def _show_quote(self, quote: PayoffQuote) -> None:
        self.task = None
        self.quote = quote
        self.loading_label.setVisible(False)
        self.principal_label.set_fen(quote.principal_fen)
        self.waived_label.set_fen(quote.fee_waived_fen)
        self.billed_label.set_fen(quote.billed_unpaid_fen)
        self.payoff_label.set_fen(quote.payoff_fen)
        where = (self.tr("%1, on the current bill now") if quote.on_current_bill
                 else self.tr("%1, on the next statement"))
        self.due_label.setText(where.replace("%1", format_date(quote.due_date)))
        if quote.principal_fen <= 0:
            self._say(self.tr("Every period is billed already: paying the bill (%1) ends the plan; there is "
                              "nothing to pay off early.").replace("%1", format_fen(quote.billed_unpaid_fen)),
                      "warning")
        else:
            self._say(self.tr("Goes live at once: an agent may set up a payoff alone. If %1 is not paid by %2, "
                              "it is past due like any bill.").replace("%1", format_fen(quote.payoff_fen))
                      .replace("%2", format_date(quote.due_date)), "info")
        self.set_up_button.setEnabled(quote.principal_fen > 0)
        self.quote_shown.emit()

    def _quote_failed(self, exc: BaseException) -> None:
        self.task = None
        self.loading_label.setVisible(False)
        refused = isinstance(exc, Conflict | ValidationFailed)
        self._say(self._refusal(exc) if refused else failure_message(exc), "danger")
        self.retry_button.setVisible(not refused)  # a refusal answers the same again
        self.quote_failed.emit(exc)

    @staticmethod
    def _refusal(exc: BaseException) -> str:
        """The server's sentence alone (it says what is the matter with this plan), in the user's
        language; the arrangement wizard's wording when its shape is unknown."""
        detail = getattr(exc, "detail", None)
        sentence = texts.server_sentence(detail) if detail else None
        return sentence if sentence is not None else texts.refusal_text(exc)

    def _say(self, text: str, kind: str) -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("emphasis", kind)
        restyle(self.message_label)
        self.message_label.setVisible(True)
        self.adjustSize()  # room for the sentence (a window is not grown by a label shown later)

    # -- setting it up -----------------------------------------------------------------------

    def body(self) -> dict[str, Any]:
        return proposal_body(self.plan.account_id, plan_payoff_terms(self.plan.id))

    def _idempotency_key(self, body: dict[str, Any]) -> str:
        """One key per body: a retry is the same write and never lands twice."""
        text = json.dumps(body, sort_keys=True)
        if self._key_for is None or self._key_for[0] != text:
            self._key_for = (text, new_idempotency_key())
        return self._key_for[1]

    def submit(self) -> None:
        """Set the payoff up (through the outbox); no-op without a quote, while sending or once done."""
        if self.quote is None or self.quote.principal_fen <= 0 or self.is_busy() or self.outcome is not None:
            return
        body = self.body()
        key = self._idempotency_key(body)
        label = self.tr("Early payoff of plan %1").replace("%1", str(self.plan.id))
        client, outbox = self.client, self.outbox
        self.set_up_button.setEnabled(False)
        task: Task[Delivered | Queued] = Task(
            lambda: propose(outbox, client, body, label=label, idempotency_key=key),
            parent=self, label="set up payoff",
        )
        task.on_success(self._landed).on_failure(self._refused).with_busy(self.busy)
        self.task = task
        task.run()

    def _landed(self, result: Delivered | Queued) -> None:
        self.task = None
        if isinstance(result, Queued):
            self.outcome = result
            self._say(self.tr("Kept in the outbox: the server cannot be reached now, so the payoff will be set "
                              "up when it can be, once. Nothing is lost."), "warning")
        else:
            self.outcome = dict(result.body or {})
            assert self.quote is not None
            self._say(self.tr("Set up: %1 is due by %2; the plan ends paid off when it is paid.")
                      .replace("%1", format_fen(self.quote.payoff_fen))
                      .replace("%2", format_date(self.quote.due_date)), "info")
        self.close_button.setText(self.tr("Close"))
        self.payoff_set_up.emit(self.outcome)

    def _refused(self, exc: BaseException) -> None:
        self.task = None
        refused = isinstance(exc, Conflict | ValidationFailed)
        self._say(self._refusal(exc) if refused else failure_message(exc), "danger")
        self.set_up_button.setEnabled(not refused)  # a failure of the network may pass: try again
