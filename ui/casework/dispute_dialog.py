"""Filing a dispute of one transaction (DESIGN.md §3 "Disputes"), and what filing dialogs share.

`FilingDialog` is the frame of the dispute and fraud dialogs: a form, one line for the server's
refusal, a sentence under each field the server named, and a Submit button that files the
form's draft (`console.disputes.file_dispute`, `console.fraud.file_fraud_report`: through the
outbox) on a background task. On a refusal the dialog stays open with everything typed; the same
draft sent again reuses its Idempotency-Key, so a filing whose answer was lost does not land
twice. Delivered or kept in the outbox, `filed(object)` carries the filed `Dispute` or
`FraudReport`, or the `console.outbox.Queued`, and the dialog closes.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
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
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient, new_idempotency_key
from console.disputes import DisputeDraft, file_dispute
from console.errors import ApiError
from console.formatting import format_datetime, format_fen, parse_yuan
from console.models import CustomerProfile, Transaction
from console.outbox import Outbox
from console.rules import DISPUTE_CATEGORY_ORDER as CATEGORY_ORDER
from console.rules import DISPUTE_DESCRIPTION_MAX_LENGTH as DESCRIPTION_MAX_LENGTH
from console.rules import DISPUTE_REASONS_BY_CATEGORY as REASONS_BY_CATEGORY
from console.rules import FILING_CHANNELS as CHANNEL_ORDER
from ui.casework.labels import CHANNEL_TEXTS, DISPUTE_CATEGORY_TEXTS, DISPUTE_REASON_TEXTS, text_of
from ui.failures import failure_message
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator
from ui.widgets.length_counter import LengthCounter
from ui.wording import transaction_description
from ui.workspace import labels as workspace_labels
from ui.workspace.common import AccountPicker
from ui.workspace.transactions import DISPUTABLE_TYPES, WHY_NOT_DISPUTABLE, is_disputable

# The categories, reasons, channels and the description's limit are the console's one copy of
# the rules (console/rules.py).
RECENT_DEBITS = 200  # the API's page maximum: months of a customer's spending

def transaction_text(transaction: Transaction) -> str:
    """One line naming a transaction: date, merchant (or description), amount."""
    who = transaction.merchant or transaction_description(transaction) or workspace_labels.label(
        workspace_labels.TRANSACTION_TYPES, transaction.type
    )
    return f"{format_datetime(transaction.posted_at)} · {who} · {format_fen(transaction.amount_fen)}"


def yuan_text(amount_fen: int) -> str:
    """Fen as the plain yuan an agent types (`1234.50`): no currency sign, no separators."""
    sign = "-" if amount_fen < 0 else ""
    whole, fen = divmod(abs(amount_fen), 100)
    return f"{sign}{whole}.{fen:02d}"


def error_label(parent: QWidget) -> QLabel:
    """A red sentence under a field (hidden while empty)."""
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


DraftT = TypeVar("DraftT")


class FilingDialog(QDialog, Generic[DraftT]):
    """A filing form sent through the outbox; stays open with its input when the server refuses.

    Subclasses build their fields into `self.form`, register each field's error label with
    `add_field_error(field, label)` (the API's field name, e.g. `disputed_amount_fen`), and
    implement `build_draft()` (the draft, or None after showing what is missing), `label_text()`
    and `file()` (the typed call that sends the draft, on a pool thread).
    """

    filed = Signal(object)  # the Dispute or FraudReport filed, or a console.outbox.Queued
    refused = Signal(object)  # the exception; the dialog is still open with the input

    def __init__(self, client: ApiClient, *, outbox: Outbox | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._client = client
        self._outbox = outbox
        self.task: Task[Any] | None = None
        self._sent: tuple[DraftT, str] | None = None  # (the draft, its Idempotency-Key)
        self._field_errors: dict[str, QLabel] = {}
        self.setModal(True)
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        self.fields = QWidget(self)
        self.form = QFormLayout(self.fields)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(self.fields, 1)

        self.error_label = error_label(self)
        self.error_label.setObjectName("filingError")
        layout.addWidget(self.error_label)

        footer = QHBoxLayout()
        self.busy = BusyIndicator(self)
        footer.addWidget(self.busy)
        footer.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setDefault(True)
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        footer.addWidget(self.buttons)
        layout.addLayout(footer)

    # -- for subclasses --------------------------------------------------------------------

    def add_description_and_channel(self, placeholder: str, *, min_height: int, limit: int) -> None:
        """The description (with its length against ``limit``, said as it is typed, and its field
        error) and the channel it came in by: every filing has them."""
        self.description_edit = QPlainTextEdit(self.fields)
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setPlaceholderText(placeholder)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(min_height)
        self.form.addRow(self.tr("Description:"), self.description_edit)
        self.description_counter = LengthCounter(self.description_edit, limit, self.fields)
        self.form.addRow("", self.description_counter)
        self.description_error = error_label(self.fields)
        self.add_field_error("description", self.description_error)
        self.form.addRow("", self.description_error)

        self.channel_box = QComboBox(self.fields)
        self.channel_box.setObjectName("channelBox")
        for channel in CHANNEL_ORDER:
            self.channel_box.addItem(text_of(CHANNEL_TEXTS, channel), channel)
        self.form.addRow(self.tr("Raised by:"), self.channel_box)

    def set_submit_text(self, text: str) -> None:
        """The submit button's words, with room for them once the style sheet pads the button."""
        self.submit_button.setText(text)
        bold = QFont(self.submit_button.font())
        bold.setBold(True)  # the default button is bold in the themes
        self.submit_button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 48)

    def add_field_error(self, field: str, label: QLabel) -> None:
        self._field_errors[field] = label

    def build_draft(self) -> DraftT | None:
        raise NotImplementedError

    def label_text(self, draft: DraftT) -> str:
        """What the outbox list calls this write."""
        raise NotImplementedError

    def file(self, client: ApiClient, outbox: Outbox | None, draft: DraftT, *, label: str, key: str) -> object:
        """Send `draft` (on a pool thread: no widgets): what was filed, or `Queued`."""
        raise NotImplementedError

    def show_field_error(self, field: str, text: str) -> None:
        label = self._field_errors.get(field)
        if label is None:
            self.show_error(text)
            return
        label.setText(text)
        label.setVisible(bool(text))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def clear_errors(self) -> None:
        self.show_error("")
        for label in self._field_errors.values():
            label.setText("")
            label.setVisible(False)

    @property
    def is_sending(self) -> bool:
        return self.task is not None and self.task.is_running

    # -- sending ---------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the form, then send it in the background; no-op while a send is under way."""
        if self.is_sending:
            return
        self.clear_errors()
        draft = self.build_draft()
        if draft is None:
            return
        if self._sent is None or self._sent[0] != draft:
            # A new (or changed) filing: a new key. The same one again: the same key.
            self._sent = (draft, new_idempotency_key())
        key = self._sent[1]
        client, outbox, label = self._client, self._outbox, self.label_text(draft)
        task: Task[Any] = Task(
            lambda: self.file(client, outbox, draft, label=label, key=key),
            parent=self,
            label=f"file {type(draft).__name__}",
        )
        task.on_success(self._sent_ok).on_failure(self._refused).with_busy(self.busy)
        self.task = task
        self._set_sending(True)
        task.run()

    def _set_sending(self, sending: bool) -> None:
        # What is sent is what stays on screen if it is refused: no edits while it travels.
        self.fields.setEnabled(not sending)
        self.submit_button.setEnabled(not sending)

    def _sent_ok(self, result: object) -> None:
        self._set_sending(False)
        self.filed.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_sending(False)
        self.show_error(failure_message(exc))
        if isinstance(exc, ApiError):
            for field, message in exc.field_errors:
                name = field.split(".")[-1]
                if name in self._field_errors:
                    self.show_field_error(name, message)
        self.refused.emit(exc)

    def done(self, result: int) -> None:
        if self.task is not None and self.task.is_running and result == QDialog.DialogCode.Rejected:
            # Cancelled while sending: the answer is dropped; the server decides whether it landed.
            self.task.discard()
        super().done(result)


class DisputeDialog(FilingDialog[DisputeDraft]):
    """File a dispute of one debit: category → reason, amount (default: the whole transaction),
    what the customer says, how they raised it.

    With `transaction` None (opened from the workspace's action bar), the dialog lists the
    account's recent disputable charges to pick from, an account picker above them when the
    customer has several accounts.
    """

    def __init__(
        self,
        client: ApiClient,
        transaction: Transaction | None = None,
        *,
        profile: CustomerProfile | None = None,
        account_id: int | None = None,
        outbox: Outbox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, outbox=outbox, parent=parent)
        self.setObjectName("disputeDialog")
        self.setWindowTitle(self.tr("File a dispute"))
        self.set_submit_text(self.tr("File dispute"))
        self._transaction = transaction
        self._loader = LatestOnly()
        self.load_task: Task[list[Transaction]] | None = None
        self._amount_edited = False

        heading = QLabel(
            self.tr("The disputed amount is left out of the minimum payment and of penalty interest "
                    "while the dispute is open."),
            self,
        )
        heading.setWordWrap(True)
        heading.setProperty("role", "secondary")
        self.form.addRow(heading)

        # The transaction: shown read-only, or picked from the account's recent charges.
        self.account_picker = AccountPicker(self.fields)
        self.transaction_box = QComboBox(self.fields)
        self.transaction_box.setObjectName("transactionBox")
        self.transaction_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.transaction_box.setMinimumContentsLength(40)
        self.transaction_box.currentIndexChanged.connect(self._transaction_picked)
        self.transaction_label = QLabel(self.fields)
        self.transaction_label.setObjectName("transactionLabel")
        self.transaction_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.transaction_label.setWordWrap(True)
        self.transaction_error = error_label(self.fields)
        self.add_field_error("transaction_id", self.transaction_error)
        if transaction is None:
            if profile is not None:
                self.account_picker.set_accounts(profile)
                if account_id is not None:
                    self.account_picker.select_account(account_id)
            self.account_picker.account_changed.connect(lambda _id: self.load_transactions())
            if self.account_picker.count() > 1:
                self.form.addRow(self.tr("Account:"), self.account_picker)
            else:
                self.account_picker.setVisible(False)
            self.form.addRow(self.tr("Transaction:"), self.transaction_box)
        else:
            self.account_picker.setVisible(False)
            self.transaction_box.setVisible(False)
            self.form.addRow(self.tr("Transaction:"), self.transaction_label)
        self.form.addRow("", self.transaction_error)

        self.category_box = QComboBox(self.fields)
        self.category_box.setObjectName("categoryBox")
        for category in CATEGORY_ORDER:
            self.category_box.addItem(text_of(DISPUTE_CATEGORY_TEXTS, category), category)
        self.category_box.currentIndexChanged.connect(self._category_changed)
        self.form.addRow(self.tr("Category:"), self.category_box)
        self.reason_box = QComboBox(self.fields)
        self.reason_box.setObjectName("reasonBox")
        self.form.addRow(self.tr("Reason:"), self.reason_box)
        self.reason_error = error_label(self.fields)
        self.add_field_error("reason", self.reason_error)
        self.form.addRow("", self.reason_error)

        amount_row = QHBoxLayout()
        self.amount_edit = QLineEdit(self.fields)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount_edit.setMaximumWidth(160)
        self.amount_edit.textEdited.connect(self._amount_typed)
        self.amount_edit.setAccessibleName(self.tr("Disputed amount in yuan"))
        amount_row.addWidget(QLabel("¥", self.fields))
        amount_row.addWidget(self.amount_edit)
        self.amount_hint = QLabel(self.fields)
        self.amount_hint.setProperty("role", "caption")
        amount_row.addWidget(self.amount_hint)
        amount_row.addStretch(1)
        self.form.addRow(self.tr("Disputed amount:"), amount_row)
        self.amount_error = error_label(self.fields)
        self.add_field_error("disputed_amount_fen", self.amount_error)
        self.form.addRow("", self.amount_error)

        self.add_description_and_channel(
            self.tr("What the customer says happened, in their words: when, what they expected, what they got."),
            min_height=90, limit=DESCRIPTION_MAX_LENGTH,
        )

        self._category_changed()
        if transaction is not None:
            self._show_transaction(transaction)
        else:
            self.load_transactions()

    # -- the transaction -------------------------------------------------------------------

    @property
    def transaction(self) -> Transaction | None:
        return self._transaction

    def load_transactions(self) -> None:
        """List the account's recent disputable charges (the action bar's way in)."""
        account_id = self.account_picker.account_id()
        if account_id is None:
            self.show_field_error("transaction_id", self.tr("The customer has no account to dispute a charge on."))
            self.submit_button.setEnabled(False)
            return
        client = self._client
        types = tuple(sorted(DISPUTABLE_TYPES))
        task: Task[list[Transaction]] = Task(
            lambda: [t for t in client.list_transactions(account_id, types=types, limit=RECENT_DEBITS).items
                     if is_disputable(t)],
            parent=self,
            label="disputable transactions",
        )
        task.on_success(self._transactions_arrived).on_failure(
            lambda exc: self.show_field_error("transaction_id", failure_message(exc))
        ).with_busy(self.busy)
        self.load_task = task
        self.transaction_box.clear()
        self.transaction_box.setPlaceholderText(self.tr("Loading the account's charges…"))
        self._loader.run(task)

    def _transactions_arrived(self, transactions: list[Transaction]) -> None:
        self.transaction_box.blockSignals(True)
        self.transaction_box.clear()
        for item in transactions:
            self.transaction_box.addItem(transaction_text(item), item.id)
            self.transaction_box.setItemData(self.transaction_box.count() - 1, item, Qt.ItemDataRole.UserRole + 1)
        self.transaction_box.blockSignals(False)
        # The agent picks the charge: none is chosen for them (the newest is rarely the one).
        self.transaction_box.setCurrentIndex(-1)
        if transactions:
            self.transaction_box.setPlaceholderText(self.tr("Pick the charge the customer disputes…"))
        else:
            self.transaction_box.setPlaceholderText(self.tr("No charges on this account can be disputed."))
        self._transaction_picked()

    def _transaction_picked(self, _index: int = -1) -> None:
        item = self.transaction_box.currentData(Qt.ItemDataRole.UserRole + 1)
        self._transaction = item if isinstance(item, Transaction) else None
        if self._transaction is not None:
            self.show_field_error("transaction_id", "")
            self._show_transaction(self._transaction)

    def _show_transaction(self, transaction: Transaction) -> None:
        # As the transactions list says it, in the user's words ("Purchase at 小满咖啡"): the
        # server's description is Chinese, and it named the merchant a second time.
        described = transaction_description(transaction)
        if not described:
            kind = workspace_labels.label(workspace_labels.TRANSACTION_TYPES, transaction.type)
            described = " · ".join(part for part in (kind, transaction.merchant) if part)
        parts = [format_datetime(transaction.posted_at), described, format_fen(transaction.amount_fen)]
        self.transaction_label.setText(" · ".join(parts))
        self.amount_hint.setText(self.tr("at most %1").replace("%1", format_fen(transaction.amount_fen)))
        if not self._amount_edited:
            self.amount_edit.setText(yuan_text(transaction.amount_fen))
        if not is_disputable(transaction):
            self.show_field_error("transaction_id", QCoreApplication.translate("TransactionsTab", WHY_NOT_DISPUTABLE))

    # -- the form --------------------------------------------------------------------------

    def _category_changed(self, _index: int = -1) -> None:
        current = self.reason_box.currentData()
        self.reason_box.clear()
        for reason in REASONS_BY_CATEGORY[str(self.category_box.currentData())]:
            self.reason_box.addItem(text_of(DISPUTE_REASON_TEXTS, reason), reason)
        index = self.reason_box.findData(current)
        self.reason_box.setCurrentIndex(max(index, 0))

    def _amount_typed(self, _text: str) -> None:
        self._amount_edited = True

    def set_category(self, category: str, reason: str | None = None) -> None:
        """Pick the category (and a reason under it), as the agent would."""
        self.category_box.setCurrentIndex(self.category_box.findData(category))
        if reason is not None:
            self.reason_box.setCurrentIndex(self.reason_box.findData(reason))

    def amount_fen(self) -> int | None:
        try:
            return parse_yuan(self.amount_edit.text())
        except ValueError:
            return None

    def build_draft(self) -> DisputeDraft | None:
        transaction = self._transaction
        ok = True
        if transaction is None:
            self.show_field_error("transaction_id", self.tr("Pick the transaction the customer disputes."))
            ok = False
        elif not is_disputable(transaction):
            self.show_field_error("transaction_id", QCoreApplication.translate("TransactionsTab", WHY_NOT_DISPUTABLE))
            ok = False
        amount = self.amount_fen()
        if amount is None or amount <= 0:
            self.show_field_error(
                "disputed_amount_fen", self.tr("Enter the amount in yuan, for example 128.50.")
            )
            ok = False
        elif transaction is not None and amount > transaction.amount_fen:
            self.show_field_error(
                "disputed_amount_fen",
                self.tr("At most the transaction's %1 can be disputed.").replace(
                    "%1", format_fen(transaction.amount_fen)
                ),
            )
            ok = False
        description = self.description_edit.toPlainText().strip()
        if not description:
            self.show_field_error("description", self.tr("Write what the customer says happened."))
            ok = False
        elif len(description) > DESCRIPTION_MAX_LENGTH:
            self.show_field_error(
                "description",
                self.tr("At most %1 characters (now %2).").replace("%1", str(DESCRIPTION_MAX_LENGTH))
                .replace("%2", str(len(description))),
            )
            ok = False
        if self.reason_box.currentData() is None:
            self.show_field_error("reason", self.tr("Pick the customer's reason."))
            ok = False
        if not ok or transaction is None or amount is None:
            return None
        return DisputeDraft(
            transaction_id=transaction.id,
            category=str(self.category_box.currentData()),
            reason=str(self.reason_box.currentData()),
            disputed_amount_fen=amount,
            description=description,
            channel=str(self.channel_box.currentData()),
        )

    def label_text(self, draft: DisputeDraft) -> str:
        return self.tr("Dispute of transaction %1 (%2)").replace("%1", str(draft.transaction_id)).replace(
            "%2", format_fen(draft.disputed_amount_fen)
        )

    def file(self, client: ApiClient, outbox: Outbox | None, draft: DisputeDraft, *, label: str, key: str) -> object:
        return file_dispute(outbox, client, draft, label=label, idempotency_key=key)

    def done(self, result: int) -> None:
        self._loader.discard()
        super().done(result)
