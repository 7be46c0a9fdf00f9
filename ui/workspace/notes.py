"""The Notes tab: the customer's contact notes, newest first, and a box to write one.

A note is never lost: the text stays in the box until the server has confirmed it, and a retry
of the same text sends the same Idempotency-Key, so a note that did land the first time (the
answer was lost, not the write) is not written twice. With an outbox (`set_outbox`), a note the
server cannot take now is kept there (with its key) and sent when the server is back: the box is
cleared and the agent is told so.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient, new_idempotency_key
from console.models import CustomerProfile, Note
from console.notes import add_note_via_outbox, is_note_on
from console.outbox import Outbox, OutboxRecord, Queued
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.length_counter import LengthCounter
from ui.widgets.tables import fit_columns, make_table
from ui.workspace import labels
from ui.workspace.common import AccountPicker
from ui.workspace.header import sorted_accounts
from ui.workspace.models import NotesModel

NOTE_MAX_LENGTH = 4000  # the API's limit (backend/notes/schemas.py)
NOTES_PER_ACCOUNT = 200  # the API's page maximum: years of calls for one customer

CHANNEL_ORDER = ("phone", "chat", "email", "branch")


@dataclass(frozen=True)
class NoteDraft:
    """What is being written, and the key that makes writing it idempotent."""

    account_id: int
    channel: str
    body: str
    idempotency_key: str


class NotesTab(QWidget):
    """All the customer's notes (every account), newest first; add one on the account picked."""

    notes_loaded = Signal()
    note_added = Signal(object)  # the Note as the server stored it
    note_failed = Signal(object)  # the exception; the text is still in the box
    note_queued = Signal(object)  # the console.outbox.Queued: kept in the outbox, sent later

    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._account_ids: list[int] = []
        self._customer_name = ""
        self._stale = True
        self._load_task = LatestOnly()
        self._draft: NoteDraft | None = None  # the last attempt that did not land
        self._outbox: Outbox | None = None
        self.write_task: Task[Note | Queued] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        # Widgets are made with their parent, never reparented later: with an application style
        # sheet each reparenting restyles the widget's subtree again (a table's header twice).
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        splitter = QSplitter(Qt.Orientation.Vertical, self)

        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        self.count_label = QLabel(top)
        self.count_label.setProperty("role", "caption")
        heading.addWidget(self.count_label)
        heading.addStretch(1)
        self.busy = BusyIndicator(top)
        heading.addWidget(self.busy)
        top_layout.addLayout(heading)
        self.model = NotesModel(parent=self)
        self.view = make_table(self.model, sortable=False, stretch_column=4, parent=top)
        self.view.setAccessibleName(self.tr("Notes"))
        self.view.setWordWrap(True)
        fit_columns(self.view, {0: 16, 1: 10, 2: 8, 3: 15})
        top_layout.addWidget(self.view)
        splitter.addWidget(top)

        compose = QWidget(splitter)
        compose_layout = QVBoxLayout(compose)
        compose_layout.setContentsMargins(0, 6, 0, 0)
        self.editor = QPlainTextEdit(compose)
        self.editor.setObjectName("noteEditor")
        self.editor.setPlaceholderText(self.tr("Write a contact note: what the caller asked, what you did or promised…"))
        self.editor.setAccessibleName(self.tr("New note"))
        self.editor.textChanged.connect(self._text_changed)
        compose_layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("On account:"), compose))
        self.account_picker = AccountPicker(compose)
        row.addWidget(self.account_picker)
        row.addWidget(QLabel(self.tr("Channel:"), compose))
        self.channel_box = QComboBox(compose)
        for channel in CHANNEL_ORDER:
            self.channel_box.addItem(labels.label(labels.CHANNELS, channel), channel)
        row.addWidget(self.channel_box)
        self.length_label = LengthCounter(self.editor, NOTE_MAX_LENGTH, compose)
        row.addWidget(self.length_label, 1)
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add note"), compose)
        self.add_button.setToolTip(self.tr("Save the note (Ctrl+Enter)"))
        self.add_button.clicked.connect(self.submit)
        row.addWidget(self.add_button)
        compose_layout.addLayout(row)
        splitter.addWidget(compose)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.submit)
        self._text_changed()

    # -- the workspace calls these ---------------------------------------------------------

    def set_profile(self, profile: CustomerProfile) -> None:
        self._customer_name = profile.name
        accounts = sorted_accounts(profile)
        self._account_ids = [a.id for a in accounts] or [a.id for a in profile.accounts]
        self.model.set_account_numbers({a.id: a.account_number for a in profile.accounts})
        self.account_picker.set_accounts(profile)
        self._stale = True

    def set_outbox(self, outbox: Outbox | None) -> None:
        """Send notes through `outbox`: one the server cannot take now waits there, not in the box."""
        self._outbox = outbox

    def activate(self) -> None:
        if self._stale:
            self.load()

    def outbox_delivered(self, records: list[OutboxRecord]) -> None:
        """The outbox delivered writes: if one was a note on these accounts, show the notes as the
        server has them now (at once when the tab is shown, else when it is next shown), and drop
        the "kept in the outbox" banner, which is no longer true."""
        if not any(is_note_on(record, set(self._account_ids)) for record in records):
            return
        self.banner.clear()
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def stop(self) -> None:
        self._load_task.discard()

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        if not self._account_ids:
            return
        self._stale = False
        client, account_ids = self._client, list(self._account_ids)

        def fetch() -> tuple[list[Note], bool]:
            notes: list[Note] = []
            more = False
            for account_id in account_ids:  # one or two accounts: a customer's whole history
                page = client.list_notes(account_id, limit=NOTES_PER_ACCOUNT)
                notes.extend(page.items)
                more = more or page.has_more
            return notes, more

        task: Task[tuple[list[Note], bool]] = Task(fetch, parent=self, label="notes")
        task.on_success(self._notes_arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.load)
        ).with_busy(self.busy)
        self._load_task.run(task)

    def _notes_arrived(self, result: tuple[list[Note], bool]) -> None:
        notes, more = result
        self.banner.clear()
        self.model.set_records(notes)
        self.view.resizeRowsToContents()
        self._update_count(more)
        self.notes_loaded.emit()

    def _update_count(self, more: bool = False) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.count_label.setText(self.tr("No contact notes yet."))
        elif more:
            self.count_label.setText(self.tr("The latest %n note(s), newest first.", "", count))
        else:
            self.count_label.setText(self.tr("%n note(s), newest first.", "", count))

    # -- writing ---------------------------------------------------------------------------

    def draft_text(self) -> str:
        return self.editor.toPlainText()

    def submit(self) -> None:
        """Send the note in the box. The text stays until the server confirms it."""
        body = self.editor.toPlainText().strip()
        account_id = self.account_picker.account_id()
        if not body or account_id is None or len(body) > NOTE_MAX_LENGTH:
            return
        if self.write_task is not None and self.write_task.is_running:
            return
        channel = str(self.channel_box.currentData())
        draft = self._draft
        if draft is None or (draft.account_id, draft.channel, draft.body) != (account_id, channel, body):
            # A new note (or an edited one): a new key. The same note again: the same key.
            draft = NoteDraft(account_id, channel, body, new_idempotency_key())
        self._draft = draft
        client, outbox = self._client, self._outbox
        account_text = self.account_picker.currentText()
        # What the outbox's list shows for it: whose note, on which account, and how it begins.
        excerpt = draft.body if len(draft.body) <= 40 else draft.body[:39].rstrip() + "…"
        label = self.tr("Contact note for %1 on %2: “%3”").replace("%1", self._customer_name).replace(
            "%2", account_text).replace("%3", " ".join(excerpt.split()))
        task: Task[Note | Queued] = Task(
            lambda: add_note_via_outbox(
                outbox, client, draft.account_id, draft.body, channel=draft.channel, label=label,
                idempotency_key=draft.idempotency_key,
            ),
            parent=self,
            label="add note",
        )
        task.on_success(self._note_sent).on_failure(self._note_failed).with_busy(self.busy)
        task.finished.connect(self._text_changed)
        self.write_task = task
        self.banner.clear()
        self.editor.setReadOnly(True)  # what is sent is what stays on screen if it fails
        task.run()
        self._text_changed()

    def _note_sent(self, result: Note | Queued) -> None:
        if isinstance(result, Queued):
            self._draft = None
            self.editor.setReadOnly(False)
            self.editor.clear()
            self.banner.show_message(
                self.tr(
                    "The server cannot be reached right now. The note is kept in the outbox and will be "
                    "sent as soon as the server is reachable: nothing is lost."
                ),
                kind="info",
            )
            self.note_queued.emit(result)
            return
        self._note_saved(result)

    def _note_saved(self, note: Note) -> None:
        self._draft = None
        self.editor.setReadOnly(False)
        self.editor.clear()
        self.model.add_note(note)
        self.view.resizeRowsToContents()
        self.view.scrollToTop()
        self._update_count()
        self.note_added.emit(note)

    def _note_failed(self, exc: BaseException) -> None:
        self.editor.setReadOnly(False)  # the text is kept: fix it or press Retry
        self.banner.show_failure(exc, retry=self.submit)
        self.note_failed.emit(exc)

    def _text_changed(self) -> None:
        length = len(self.editor.toPlainText().strip())
        writing = self.write_task is not None and self.write_task.is_running
        self.add_button.setEnabled(0 < length <= NOTE_MAX_LENGTH and not writing)
        self.length_label.update_count()  # this slot may run before the counter's own
        # The counter says why Add waits when the note is too long; the button's tooltip says it too.
        if length > NOTE_MAX_LENGTH:
            self.add_button.setToolTip(self.length_label.text())
        elif length == 0:
            self.add_button.setToolTip(self.tr("Write the note first, then add it (Ctrl+Enter)"))
        else:
            self.add_button.setToolTip(self.tr("Save the note (Ctrl+Enter)"))
