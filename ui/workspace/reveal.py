"""The dialog that reveals one masked field of a customer, with the reason the audit trail keeps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.errors import RateLimited
from ui.failures import failure_message
from ui.tasks import Task
from ui.widgets import BusyIndicator
from ui.workspace import labels

REASON_MIN_LENGTH = 5  # the API's rule (backend/customers/schemas.py RevealRequest)
REASON_MAX_LENGTH = 200


class RevealDialog(QDialog):
    """Asks why, then calls `reveal` in the background; stays open to show a refusal.

    `revealed(field, value)` is emitted with the unmasked value (None when none is on file)
    before the dialog closes. A refusal (the hourly limit, a reason too short for the server)
    is shown inside the dialog as a sentence, so the agent can read it and decide.
    """

    revealed = Signal(str, object)

    def __init__(self, client: ApiClient, customer_id: int, field: str, customer_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._customer_id = customer_id
        self._field = field
        self.task: Task[str | None] | None = None
        field_words = labels.label(labels.REVEAL_FIELDS, field)
        self.setWindowTitle(self.tr("Reveal %1").replace("%1", field_words))
        self.setModal(True)
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Reveal the full %1 of %2? Your reason is kept in the audit trail, and reveals "
                    "are limited per hour.").replace("%1", field_words).replace("%2", customer_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        layout.addWidget(QLabel(self.tr("Reason (at least %n characters):", "", REASON_MIN_LENGTH)))
        self.reason_box = QComboBox()
        self.reason_box.setEditable(True)
        self.reason_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for preset in (
            self.tr("Caller asked to confirm the number on file"),
            self.tr("Identity check: caller gave a number to compare"),
            self.tr("Customer requested a correction of their data"),
        ):
            self.reason_box.addItem(preset)
        self.reason_box.setCurrentIndex(-1)
        self.reason_box.setEditText("")
        line_edit = self.reason_box.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(self.tr("Why do you need to see it?"))
        line_edit.setMaxLength(REASON_MAX_LENGTH)
        self.reason_box.editTextChanged.connect(self._update_button)
        layout.addWidget(self.reason_box)

        self.error_label = QLabel()
        self.error_label.setObjectName("revealError")
        self.error_label.setProperty("emphasis", "danger")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        self.busy = BusyIndicator(self)
        buttons = QDialogButtonBox()
        self.reveal_button = QPushButton(self.tr("Reveal"), self)  # in the dialog: its default (Enter) for good
        self.reveal_button.setDefault(True)
        buttons.addButton(self.reveal_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        footer = QVBoxLayout()
        footer.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(footer)
        layout.addWidget(buttons)
        self._update_button()

    @property
    def field(self) -> str:
        return self._field

    def reason(self) -> str:
        return self.reason_box.currentText().strip()

    def set_reason(self, text: str) -> None:
        self.reason_box.setEditText(text)

    def _update_button(self) -> None:
        running = self.task is not None and self.task.is_running
        self.reveal_button.setEnabled(len(self.reason()) >= REASON_MIN_LENGTH and not running)

    def submit(self) -> None:
        """Ask the server for the value (with the reason typed); no-op while one is asked."""
        reason = self.reason()
        if len(reason) < REASON_MIN_LENGTH or (self.task is not None and self.task.is_running):
            return
        client, customer_id, field = self._client, self._customer_id, self._field
        self.error_label.setVisible(False)
        self.task = Task(lambda: client.reveal(customer_id, field, reason), parent=self, label="reveal")
        self.task.on_success(self._revealed).on_failure(self._refused).with_busy(self.busy)
        self.task.finished.connect(self._update_button)
        self.task.run()
        self._update_button()

    def _revealed(self, value: str | None) -> None:
        self.revealed.emit(self._field, value)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        # A known refusal (the hourly limit: RateLimited) reads as the server's sentence with
        # how long to wait; the dialog stays open so the agent sees it where they asked.
        self.error_label.setText(failure_message(exc))
        self.error_label.setProperty("rateLimited", isinstance(exc, RateLimited))
        self.error_label.setVisible(True)
