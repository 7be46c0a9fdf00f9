"""The small forms of the case page's actions (DESIGN.md §3 Disputes, Fraud reports, arrangements).

An action that needs input (extend, decide an outcome, grant provisional credit, reject, approve
with a comment, the fraud decisions, assign) opens an `ActionDialog`. The dialog checks what it
can locally, then runs the page's `submit(body)` in a background task and stays open with the
input when the server refuses (a sentence, and field errors next to their fields). A stale
version (412) closes the dialog and goes back to the page (`stale`), which reloads the case and
says what changed: the form's input no longer fits the case.

Simple forward steps (acknowledge, start review, take, release, …) need no form: `needs_form`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.cases import Assignee, Subject, list_assignees
from console.disputes import Dispute
from console.errors import ApiError, PreconditionFailed
from console.formatting import format_date, format_fen, parse_yuan
from console.fraud import FraudReport
from console.models import User
from console.rules import (
    ARRANGEMENT_TEXT_MAX_LENGTH,
    ASSIGN_NOTE_MAX_LENGTH,
    DISPUTE_APPROVAL_OVER_FEN,
    HANDLER_EXTENSION_DAYS,
    SUPERVISOR_EXTENSION_DAYS,
)
from console.rules import CASE_ACTION_NOTE_MAX_LENGTH as NOTE_MAX_LENGTH
from ui.casework.labels import ACTION_TEXTS, CASE_TYPE_TEXTS, OUTCOME_TEXTS, text_of
from ui.failures import failure_message
from ui.roles import role_text
from ui.tasks import Task
from ui.widgets import BusyIndicator

__all__ = [
    "DISPUTE_APPROVAL_OVER_FEN",
    "ActionDialog",
    "ActionSubject",
    "action_dialog",
    "needs_form",
]

CONTEXT = "CaseActions"

# The four-eyes limit, the extension windows and the text limits the forms check before sending
# are the console's one copy of the rules (console/rules.py); the server's answer is what counts.

# Actions whose result is plain and reversible enough for one click (no form).
ONE_CLICK = frozenset({
    ("dispute", "acknowledge"),
    ("dispute", "customer_responded"),
    ("dispute", "send_to_merchant"),
    ("dispute", "merchant_responded"),
    ("fraud_report", "start_review"),
    ("case", "take"),
    ("case", "release"),
})


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def needs_form(subject_type: str, action: str) -> bool:
    """Whether `action` on a `subject_type` (`dispute`, `fraud_report`, `arrangement`, `case`)
    asks for input (or a confirmation) before it is sent."""
    return (subject_type, action) not in ONE_CLICK


@dataclass(frozen=True)
class ActionSubject:
    """What a form needs to know about the thing acted on."""

    subject_type: str  # dispute, fraud_report, arrangement or case
    subject: Subject | None  # the dispute, fraud report or arrangement (None for the case itself)
    user: User
    queue: str | None = None  # the case's queue (for the assignee list)
    assignee_id: int | None = None


# Explanations shown above the fields, per action: what will happen.
EXPLANATIONS: dict[tuple[str, str], str] = {
    ("dispute", "request_customer_info"): QT_TRANSLATE_NOOP(
        "CaseActions",
        "The dispute waits for the customer and its SLA clock pauses until they answer. Write what "
        "you asked for: it goes on the case timeline.",
    ),
    ("dispute", "withdraw"): QT_TRANSLATE_NOOP(
        "CaseActions",
        "The customer withdraws the dispute: it is resolved as withdrawn and any provisional credit "
        "is taken back.",
    ),
    ("dispute", "reverse_provisional_credit"): QT_TRANSLATE_NOOP(
        "CaseActions", "The provisional credit of %1 is taken back: a debit is posted on the account."
    ),
    ("dispute", "grant_provisional_credit"): QT_TRANSLATE_NOOP(
        "CaseActions",
        "Credit the customer provisionally while the dispute is worked: a credit is posted on the "
        "account at once. At most the disputed amount, %1.",
    ),
    ("dispute", "approve_outcome"): QT_TRANSLATE_NOOP(
        "CaseActions", "Approve the proposed outcome: %1. The dispute is resolved and the money is posted."
    ),
    ("dispute", "reject_outcome"): QT_TRANSLATE_NOOP(
        "CaseActions", "Reject the proposed outcome: %1. The dispute goes back to investigating."
    ),
    ("fraud_report", "confirm"): QT_TRANSLATE_NOOP(
        "CaseActions",
        "Confirm the fraud: the reported transactions (%1) are written off; the customer is not liable.",
    ),
    ("fraud_report", "not_fraud"): QT_TRANSLATE_NOOP(
        "CaseActions",
        "Not fraud: the customer stays liable for the reported transactions, and the freeze this "
        "report holds is lifted.",
    ),
    ("fraud_report", "close"): QT_TRANSLATE_NOOP("CaseActions", "Close the report: nothing more is done on it."),
    ("fraud_report", "start_review"): QT_TRANSLATE_NOOP("CaseActions", "Start reviewing the report."),
    ("arrangement", "approve"): QT_TRANSLATE_NOOP(
        "CaseActions", "Approve the arrangement: it goes live now, if the account still allows it."
    ),
    ("arrangement", "reject"): QT_TRANSLATE_NOOP(
        "CaseActions", "Reject the arrangement: it does not go live, and the proposer sees your comment."
    ),
    ("arrangement", "cancel"): QT_TRANSLATE_NOOP(
        "CaseActions", "Cancel the arrangement: it stops, and the account goes back to its normal terms."
    ),
}


class ActionDialog(QDialog):
    """A small form: an explanation, fields, an error sentence, and Submit / Cancel.

    `submit(body)` runs on a pool thread (no widgets!) and returns whatever the page needs;
    `done_with(result)` is emitted with it before the dialog closes. A 412 closes the dialog
    and emits `stale(exc)`. Any other refusal stays in the dialog, with the input.
    """

    done_with = Signal(object)
    stale = Signal(object)

    def __init__(
        self,
        title: str,
        explanation: str,
        submit: Callable[[dict[str, Any]], Any],
        *,
        submit_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(460)
        self._submit = submit
        self.task: Task[Any] | None = None
        self.loader: Task[Any] | None = None  # what the form needs first (the assignees)
        self.assignee_chooser: QComboBox | None = None
        self.fields: dict[str, QWidget] = {}
        self.field_errors: dict[str, QLabel] = {}
        # The body as it would be sent; subclasses of the form fill it in `collect`.
        self._collect: Callable[[], dict[str, Any] | None] = lambda: {}

        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.explanation.setVisible(bool(explanation))
        layout.addWidget(self.explanation)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        layout.addWidget(self.hint)
        self.error_label = QLabel()
        self.error_label.setObjectName("actionError")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        self.busy = BusyIndicator(self)
        self.buttons = QDialogButtonBox()
        self.submit_button = QPushButton(submit_text, self)  # in the dialog: its default (Enter) for good
        self.submit_button.setDefault(True)
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.buttons)

    # -- building ------------------------------------------------------------------------

    def add_field(self, name: str, caption: str, widget: QWidget) -> QWidget:
        """A field with its error line underneath (shown when the server names the field)."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.setVisible(False)
        column.addWidget(error)
        self.form.addRow(caption, holder)
        self.fields[name] = widget
        self.field_errors[name] = error
        return widget

    def set_collect(self, collect: Callable[[], dict[str, Any] | None]) -> None:
        """How the body is read from the fields; it returns None (after `show_field_error`) when
        the input cannot be sent as it is."""
        self._collect = collect

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    # -- submitting ----------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.task is not None and self.task.is_running

    def body(self) -> dict[str, Any] | None:
        self.clear_errors()
        return self._collect()

    def submit(self) -> None:
        """Send the form's body (unless one is already on its way or the input is not valid)."""
        if self.is_running():
            return
        body = self.body()
        if body is None:
            return
        submit = self._submit
        self.task = Task(lambda: submit(body), parent=self, label="case action")
        self.task.on_success(self._landed).on_failure(self._refused).with_busy(self.busy)
        self.task.finished.connect(self._update_buttons)
        self.task.run()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.submit_button.setEnabled(not self.is_running())
        self.submit_button.setDefault(True)  # disabling it handed Enter to Cancel

    def _landed(self, result: object) -> None:
        self.done_with.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, PreconditionFailed):
            self.stale.emit(exc)
            self.reject()
            return
        self.show_error(failure_message(exc))
        if isinstance(exc, ApiError):
            for field, message in exc.field_errors:
                self.show_field_error(field.rsplit(".", 1)[-1], message)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def show_field_error(self, name: str, message: str) -> bool:
        """Show `message` under the field `name` (the API's name); False when there is no such field."""
        label = self.field_errors.get(name)
        if label is None:
            return False
        label.setText(message)
        label.setVisible(True)
        return True

    def clear_errors(self) -> None:
        self.error_label.setVisible(False)
        self.error_label.clear()
        for label in self.field_errors.values():
            label.setVisible(False)
            label.clear()

    def field_error_text(self, name: str) -> str:
        label = self.field_errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""


# -- the fields ---------------------------------------------------------------------------


def _text_box(placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().height() * 4 + 14)
    return box


def _text_of(box: QWidget) -> str:
    if isinstance(box, QPlainTextEdit):
        return box.toPlainText().strip()
    if isinstance(box, QLineEdit):
        return box.text().strip()
    return ""


def _amount_box(fen: int | None) -> QLineEdit:
    box = QLineEdit(format_fen(fen, symbol="", grouping=False) if fen is not None else "")
    box.setPlaceholderText(QCoreApplication.translate("CaseActions", "Amount in yuan, e.g. 1200.50"))
    box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return box


def _add_text(dialog: ActionDialog, name: str, caption: str, *, required: bool, max_length: int,
              placeholder: str = "") -> Callable[[dict[str, Any]], bool]:
    """A text field; the returned reader puts it in the body (or marks it missing) and says
    whether the body can go."""
    box = dialog.add_field(name, caption, _text_box(placeholder))

    def read(body: dict[str, Any]) -> bool:
        text = _text_of(box)
        if len(text) > max_length:
            dialog.show_field_error(
                name, QCoreApplication.translate("CaseActions", "At most %1 characters (now %2).").replace("%1", str(max_length)).replace("%2", str(len(text)))
            )
            return False
        if not text:
            if required:
                dialog.show_field_error(name, QCoreApplication.translate("CaseActions", "Required."))
                return False
            return True
        body[name] = text
        return True

    return read


def _read_amount(dialog: ActionDialog, name: str) -> int | None:
    box = dialog.fields[name]
    assert isinstance(box, QLineEdit)
    try:
        fen = parse_yuan(box.text())
    except ValueError:
        dialog.show_field_error(name, QCoreApplication.translate("CaseActions", "Enter an amount in yuan, e.g. 1200.50."))
        return None
    if fen <= 0:
        dialog.show_field_error(name, QCoreApplication.translate("CaseActions", "The amount must be more than zero."))
        return None
    return fen


# -- the forms per action ------------------------------------------------------------------


def _proposal_text(dispute: Dispute) -> str:
    proposal = dispute.proposal
    if proposal is None:
        return "—"
    return f"{text_of(OUTCOME_TEXTS, proposal.outcome)}, {format_fen(proposal.amount_fen)}"


def _explanation(subject: ActionSubject, action: str) -> str:
    key = (subject.subject_type, action)
    if key not in EXPLANATIONS:
        return ""
    value = ""
    target = subject.subject
    if isinstance(target, Dispute):
        if action == "reverse_provisional_credit":
            value = format_fen(target.provisional_credit_fen)
        elif action == "grant_provisional_credit":
            value = format_fen(target.disputed_amount_fen)
        elif action in ("approve_outcome", "reject_outcome"):
            value = _proposal_text(target)
    elif isinstance(target, FraudReport) and action == "confirm":
        value = format_fen(target.reported_fen)
    return _t(EXPLANATIONS[key]).replace("%1", value)


def _disputed(subject: ActionSubject) -> int:
    return subject.subject.disputed_amount_fen if isinstance(subject.subject, Dispute) else 0


def _extend_form(dialog: ActionDialog, subject: ActionSubject) -> None:
    sla = subject.subject.sla if isinstance(subject.subject, Dispute) else None
    window = sla.decide_days if sla is not None else 15
    supervisor = subject.user.role == "supervisor"
    most = SUPERVISOR_EXTENSION_DAYS if supervisor else HANDLER_EXTENSION_DAYS
    days = QSpinBox()
    # Three digits typed stay as typed (a 1–60 box turned 999 into 9); what is too many is said
    # below in one sentence, before anything is sent.
    days.setRange(1, 999)
    days.setValue(max(1, min(most - window, 15)))
    days.setSuffix(QCoreApplication.translate("CaseActions", " days"))
    dialog.add_field("days", QCoreApplication.translate("CaseActions", "Add"), days)
    reason = _add_text(dialog, "reason", QCoreApplication.translate("CaseActions", "Reason"), required=True, max_length=NOTE_MAX_LENGTH,
                       placeholder=QCoreApplication.translate("CaseActions", "Why more time is needed (the customer sees the new date)"))
    due = sla.decide_due_at if sla is not None else None
    hint = QCoreApplication.translate("CaseActions", "The decision window is %1 days from filing (decide by %2). A handler may extend once, "
              "to at most %3 days; a supervisor to at most %4 days.")
    dialog.set_hint(
        hint.replace("%1", str(window))
        .replace("%2", format_date(due) if due else "—")
        .replace("%3", str(HANDLER_EXTENSION_DAYS))
        .replace("%4", str(SUPERVISOR_EXTENSION_DAYS))
    )

    def collect() -> dict[str, Any] | None:
        body: dict[str, Any] = {"days": days.value()}
        room = max(0, most - window)
        within = days.value() <= room
        if not within:
            if supervisor:
                sentence = QCoreApplication.translate(
                    "CaseActions", "At most %1 more days: the decision window may grow to %2 days from filing.")
            else:
                sentence = QCoreApplication.translate(
                    "CaseActions", "At most %1 more days: a handler may extend to %2 days from filing; ask a supervisor for more.")
            dialog.show_field_error("days", sentence.replace("%1", str(room)).replace("%2", str(most)))
        return body if reason(body) and within else None

    dialog.set_collect(collect)


OUTCOME_ORDER = ("won", "partially_won", "lost", "withdrawn")


def _propose_form(dialog: ActionDialog, subject: ActionSubject) -> None:
    disputed = _disputed(subject)
    outcome = QComboBox()
    for code in OUTCOME_ORDER:
        outcome.addItem(text_of(OUTCOME_TEXTS, code), code)
    dialog.add_field("outcome", QCoreApplication.translate("CaseActions", "Outcome"), outcome)
    amount = _amount_box(disputed)
    dialog.add_field("amount_fen", QCoreApplication.translate("CaseActions", "Amount to the customer"), amount)
    note = _add_text(dialog, "note", QCoreApplication.translate("CaseActions", "Reasons"), required=True, max_length=NOTE_MAX_LENGTH,
                     placeholder=QCoreApplication.translate("CaseActions", "Why this outcome (kept on the case timeline)"))

    def amount_fen() -> int | None:
        code = str(outcome.currentData())
        if code == "won":
            return disputed
        if code in ("lost", "withdrawn"):
            return 0
        try:
            return parse_yuan(amount.text())
        except ValueError:
            return None

    def update() -> None:
        code = str(outcome.currentData())
        fixed = code != "partially_won"
        amount.setReadOnly(fixed)
        if code == "won":
            amount.setText(format_fen(disputed, symbol="", grouping=False))
        elif code in ("lost", "withdrawn"):
            amount.setText(format_fen(0, symbol="", grouping=False))
        elif amount.text() in (format_fen(disputed, symbol="", grouping=False), format_fen(0, symbol="", grouping=False)):
            amount.clear()
        awarded = amount_fen()
        limit = format_fen(DISPUTE_APPROVAL_OVER_FEN)
        if awarded is None:
            dialog.set_hint(
                QCoreApplication.translate("CaseActions", "Between ¥0.01 and %1 (the disputed amount).").replace("%1", format_fen(disputed))
            )
        elif awarded > DISPUTE_APPROVAL_OVER_FEN:
            dialog.set_hint(
                QCoreApplication.translate("CaseActions", "%1 is over %2: this outcome waits for a supervisor's approval (another supervisor "
                   "than you) before the dispute is resolved.")
                .replace("%1", format_fen(awarded)).replace("%2", limit)
            )
        else:
            dialog.set_hint(
                QCoreApplication.translate("CaseActions", "%1 is not over %2: the dispute is resolved at once and the money is posted.")
                .replace("%1", format_fen(awarded)).replace("%2", limit)
            )

    outcome.currentIndexChanged.connect(lambda _index: update())
    amount.textChanged.connect(lambda _text: update())
    update()

    def collect() -> dict[str, Any] | None:
        code = str(outcome.currentData())
        body: dict[str, Any] = {"outcome": code}
        ok = True
        if code == "partially_won":
            fen = _read_amount(dialog, "amount_fen")
            if fen is None:
                ok = False
            elif fen >= disputed:
                dialog.show_field_error(
                    "amount_fen", QCoreApplication.translate("CaseActions", "Less than the disputed amount, %1; or choose Won.").replace("%1", format_fen(disputed))
                )
                ok = False
            else:
                body["amount_fen"] = fen
        return body if note(body) and ok else None

    dialog.set_collect(collect)


def _credit_form(dialog: ActionDialog, subject: ActionSubject) -> None:
    disputed = _disputed(subject)
    dialog.add_field("amount_fen", QCoreApplication.translate("CaseActions", "Amount"), _amount_box(disputed))
    note = _add_text(dialog, "note", QCoreApplication.translate("CaseActions", "Note"), required=False, max_length=NOTE_MAX_LENGTH)

    def collect() -> dict[str, Any] | None:
        fen = _read_amount(dialog, "amount_fen")
        if fen is not None and fen > disputed:
            dialog.show_field_error(
                "amount_fen", QCoreApplication.translate("CaseActions", "At most the disputed amount, %1.").replace("%1", format_fen(disputed))
            )
            fen = None
        body: dict[str, Any] = {} if fen is None else {"amount_fen": fen}
        return body if note(body) and fen is not None else None

    dialog.set_collect(collect)


def _note_form(dialog: ActionDialog, name: str, caption: str, *, required: bool, max_length: int,
               placeholder: str = "") -> None:
    read = _add_text(dialog, name, caption, required=required, max_length=max_length, placeholder=placeholder)

    def collect() -> dict[str, Any] | None:
        body: dict[str, Any] = {}
        return body if read(body) else None

    dialog.set_collect(collect)


def _assignee_text(person: Assignee) -> str:
    return (
        QCoreApplication.translate("CaseActions", "%1 (%2) · %3 open")
        .replace("%1", person.display_name)
        .replace("%2", role_text(person.role))
        .replace("%3", str(person.open_cases))
    )


def _assign_form(dialog: ActionDialog, subject: ActionSubject, client: ApiClient) -> None:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    chooser = QComboBox()
    chooser.setMinimumWidth(280)
    chooser.addItem(QCoreApplication.translate("CaseActions", "Loading…"), None)
    chooser.setEnabled(False)
    row.addWidget(chooser)
    dialog.add_field("assignee_id", QCoreApplication.translate("CaseActions", "Assign to"), holder)
    dialog.assignee_chooser = chooser
    note = _add_text(dialog, "note", QCoreApplication.translate("CaseActions", "Note"), required=False, max_length=ASSIGN_NOTE_MAX_LENGTH)
    dialog.submit_button.setEnabled(False)

    def show(assignees: list[Assignee]) -> None:
        chooser.clear()
        for person in assignees:
            if person.id != subject.assignee_id:
                chooser.addItem(_assignee_text(person), person.id)
        chooser.setEnabled(chooser.count() > 0)
        if chooser.count() == 0:
            dialog.set_hint(QCoreApplication.translate("CaseActions", "Nobody else may hold this case."))
        dialog.submit_button.setEnabled(chooser.count() > 0)

    def failed(exc: BaseException) -> None:
        chooser.clear()
        dialog.show_error(failure_message(exc))

    queues = (subject.queue,) if subject.queue else ()
    dialog.loader = Task(lambda: list_assignees(client, queues), parent=dialog, label="assignees")
    dialog.loader.on_success(show).on_failure(failed).with_busy(dialog.busy).run()

    def collect() -> dict[str, Any] | None:
        data = chooser.currentData()
        chosen = int(data) if data is not None else None
        if chosen is None:
            dialog.show_field_error("assignee_id", QCoreApplication.translate("CaseActions", "Choose whom to assign."))
            return None
        body: dict[str, Any] = {"assignee_id": chosen}
        return body if note(body) else None

    dialog.set_collect(collect)


SUBMIT_TEXTS: dict[str, str] = {
    "propose_outcome": QT_TRANSLATE_NOOP("CaseActions", "Decide"),
    "extend": QT_TRANSLATE_NOOP("CaseActions", "Extend"),
    "request_customer_info": QT_TRANSLATE_NOOP("CaseActions", "Ask and wait"),
    "grant_provisional_credit": QT_TRANSLATE_NOOP("CaseActions", "Grant credit"),
    "reverse_provisional_credit": QT_TRANSLATE_NOOP("CaseActions", "Reverse credit"),
    "approve_outcome": QT_TRANSLATE_NOOP("CaseActions", "Approve"),
    "reject_outcome": QT_TRANSLATE_NOOP("CaseActions", "Reject"),
    "withdraw": QT_TRANSLATE_NOOP("CaseActions", "Withdraw dispute"),
    "confirm": QT_TRANSLATE_NOOP("CaseActions", "Confirm fraud"),
    "not_fraud": QT_TRANSLATE_NOOP("CaseActions", "Not fraud"),
    "close": QT_TRANSLATE_NOOP("CaseActions", "Close report"),
    "start_review": QT_TRANSLATE_NOOP("CaseActions", "Start review"),
    "approve": QT_TRANSLATE_NOOP("CaseActions", "Approve"),
    "reject": QT_TRANSLATE_NOOP("CaseActions", "Reject"),
    "cancel": QT_TRANSLATE_NOOP("CaseActions", "Cancel arrangement"),
    "assign": QT_TRANSLATE_NOOP("CaseActions", "Assign"),
}


def action_dialog(
    subject: ActionSubject,
    action: str,
    submit: Callable[[dict[str, Any]], Any],
    *,
    client: ApiClient,
    parent: QWidget | None = None,
) -> ActionDialog:
    """The form of `action` on `subject`; `submit(body)` runs on a pool thread when it is sent."""
    kind = subject.subject_type
    subject_words = text_of(CASE_TYPE_TEXTS, kind) if kind != "case" else QCoreApplication.translate("CaseActions", "Case")
    title = QCoreApplication.translate("CaseActions", "%1: %2").replace("%1", text_of(ACTION_TEXTS, action).rstrip("…")).replace("%2", subject_words)
    submit_text = _t(SUBMIT_TEXTS[action]) if action in SUBMIT_TEXTS else text_of(ACTION_TEXTS, action)
    dialog = ActionDialog(title, _explanation(subject, action), submit, submit_text=submit_text, parent=parent)
    if kind == "dispute" and action == "extend":
        _extend_form(dialog, subject)
    elif kind == "dispute" and action == "propose_outcome":
        _propose_form(dialog, subject)
    elif kind == "dispute" and action == "grant_provisional_credit":
        _credit_form(dialog, subject)
    elif kind == "dispute" and action == "request_customer_info":
        # It pauses the SLA clock: never on one click, and never without saying what was asked.
        _note_form(dialog, "note", QCoreApplication.translate("CaseActions", "What was asked"), required=True,
                   max_length=NOTE_MAX_LENGTH,
                   placeholder=QCoreApplication.translate(
                       "CaseActions", "For example: the courier's delivery receipt and a photo of the parcel"))
    elif kind == "dispute" and action == "reject_outcome":
        _note_form(dialog, "comment", QCoreApplication.translate("CaseActions", "Comment"), required=True, max_length=NOTE_MAX_LENGTH,
                   placeholder=QCoreApplication.translate("CaseActions", "Why the outcome is rejected (required)"))
    elif kind == "dispute":
        _note_form(dialog, "note", QCoreApplication.translate("CaseActions", "Note"), required=False, max_length=NOTE_MAX_LENGTH,
                   placeholder=QCoreApplication.translate("CaseActions", "Optional: for the case timeline"))
    elif kind == "fraud_report":
        _note_form(dialog, "note", QCoreApplication.translate("CaseActions", "Note"), required=False, max_length=NOTE_MAX_LENGTH,
                   placeholder=QCoreApplication.translate("CaseActions", "Optional: for the case timeline and the audit trail"))
    elif kind == "arrangement":
        required = action == "reject"
        _note_form(dialog, "comment", QCoreApplication.translate("CaseActions", "Comment"), required=required, max_length=ARRANGEMENT_TEXT_MAX_LENGTH,
                   placeholder=QCoreApplication.translate("CaseActions", "Why (required)") if required else QCoreApplication.translate("CaseActions", "Optional"))
    elif kind == "case" and action == "assign":
        _assign_form(dialog, subject, client)
    return dialog
