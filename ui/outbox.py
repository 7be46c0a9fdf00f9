"""The outbox in the console: its drainer, its count in the status bar, and the list of its writes.

- ``OutboxDrainer(outbox, client)``: every few seconds (at once when started, and when a write was
  just kept) sends what waits, in a ``ui.tasks.Task``, never two at once. When something waits but
  nothing is due yet, it asks the server's ``/healthz`` now and then, so the outbox empties soon
  after the server is back instead of at the end of a 5-minute back-off.
- ``OutboxStatus``: "Outbox: 2 waiting" in the status bar (hidden when empty; red with "1 refused");
  a click opens ``OutboxDialog``. A refused write is announced once, by name and reason.
- ``OutboxDialog``: each write (what, when kept, attempts, next try, the last problem, status),
  with "Try now", and for refused ones "Send again" (same key and body) and "Discard".

The outbox file is read and written only in tasks: nothing here blocks the GUI thread.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.errors import Unauthorized
from console.formatting import format_datetime
from console.outbox import DrainResult, Outbox, OutboxCounts, OutboxRecord, Queued
from ui.tasks import Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.chips import Chip
from ui.widgets.plain_text import plain_tooltip
from ui.widgets.table_model import overdue_colour

log = logging.getLogger(__name__)

DRAIN_INTERVAL_MS = 5_000
PROBE_EVERY_SECONDS = 30.0  # ask /healthz at most this often while writes wait for the server
CONTEXT = "Outbox"

STATUS_TEXTS: dict[str, str] = {
    "sending": QT_TRANSLATE_NOOP("Outbox", "Sending"),
    "pending": QT_TRANSLATE_NOOP("Outbox", "Waiting"),
    "refused": QT_TRANSLATE_NOOP("Outbox", "Refused"),
    "delivered": QT_TRANSLATE_NOOP("Outbox", "Sent"),
}
WAITING_TEXTS: dict[str, str] = {
    "offline": QT_TRANSLATE_NOOP("Outbox", "The server could not be reached."),
    "unavailable": QT_TRANSLATE_NOOP("Outbox", "The server was not available."),
    "in_flight": QT_TRANSLATE_NOOP("Outbox", "The server was still working on it."),
    "signed_out": QT_TRANSLATE_NOOP("Outbox", "Waiting for you to sign in again."),
    "server_error": QT_TRANSLATE_NOOP("Outbox", "The server hit a problem; it will be tried again."),
}
STATUS_TONES = {"sending": "info", "pending": "warning", "refused": "danger", "delivered": "good"}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_text(record: OutboxRecord) -> str:
    return _t(STATUS_TEXTS.get(record.status, record.status))


def problem_text(record: OutboxRecord) -> str:
    """Why the write waits, or why the server refused it (the server's sentence)."""
    if record.refused:
        reason = record.last_error or ""
        if record.stale_version:
            reason += " " + QCoreApplication.translate(
                "Outbox",
                "It was made on an older version of the record: open the record, reload it and make the "
                "change again, then discard this one."
            )
        return reason.strip()
    if record.waiting_for in WAITING_TEXTS:
        return _t(WAITING_TEXTS[record.waiting_for])
    return ""


def counts_text(counts: OutboxCounts) -> str:
    """"Outbox: 2 waiting", "Outbox: 1 refused", "Outbox: 2 waiting · 1 refused"."""
    parts = []
    if counts.waiting:
        parts.append(QCoreApplication.translate("Outbox", "%1 waiting").replace("%1", str(counts.waiting)))
    if counts.refused:
        parts.append(QCoreApplication.translate("Outbox", "%1 refused").replace("%1", str(counts.refused)))
    return QCoreApplication.translate("Outbox", "Outbox: %1").replace("%1", " · ".join(parts))


@dataclass(frozen=True)
class DrainOutcome:
    """What one round of the drainer found: what the drain did and the counts after it."""

    result: DrainResult
    counts: OutboxCounts


class OutboxDrainer(QObject):
    """Sends the outbox's waiting writes with ``client`` in the background until stopped.

    Signals (GUI thread): ``counts_changed(OutboxCounts)`` after each round; ``delivered(list)``
    and ``refused(list)`` with the ``OutboxRecord``s that landed or were refused in a round;
    ``changed()`` after any round that changed something (for lists to reload).
    """

    counts_changed = Signal(object)
    delivered = Signal(object)
    refused = Signal(object)
    changed = Signal()
    _queued_elsewhere = Signal()  # emitted on a pool thread by the outbox's listener

    def __init__(self, outbox: Outbox, client: ApiClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self.client = client
        self.counts = OutboxCounts()
        self.task: Task[DrainOutcome] | None = None
        self._again = False
        self._everything = False
        self._last_probe = 0.0
        self._stopped = True
        self.timer = QTimer(self)
        self.timer.setObjectName("outboxDrainTimer")
        self.timer.setInterval(DRAIN_INTERVAL_MS)
        self.timer.timeout.connect(self.kick)
        self._queued_elsewhere.connect(self.kick, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return not self._stopped

    @property
    def busy(self) -> bool:
        """True while a round is under way."""
        return self.task is not None and shiboken6.isValid(self.task) and self.task.is_running

    def start(self) -> None:
        """Drain now and every few seconds; a write the outbox keeps starts a round at once."""
        if not self._stopped:
            return
        self._stopped = False
        self.outbox.add_listener(self._on_queued)
        self.timer.start()
        self.kick()

    def stop(self) -> None:
        """Stop draining; a round under way finishes on its pool thread, its result is dropped."""
        self._stopped = True
        self.timer.stop()
        self.outbox.remove_listener(self._on_queued)
        if self.busy and self.task is not None:
            self.task.discard()

    def kick(self, *, everything: bool = False) -> None:
        """Drain now (after the round under way, if any). ``everything``: the user's "Try now",
        every waiting write is due."""
        if self._stopped:
            return
        self._everything = self._everything or everything
        if self.busy:
            self._again = True
            return
        self._again = False
        everything, self._everything = self._everything, False
        outbox, client = self.outbox, self.client
        probe = time.monotonic() - self._last_probe >= PROBE_EVERY_SECONDS
        if probe:
            self._last_probe = time.monotonic()

        def round_() -> DrainOutcome:  # on a pool thread: the outbox and the network only
            if outbox.closed:
                return DrainOutcome(DrainResult(), OutboxCounts())
            if client.token is None:  # signed out (the session ended): wait for the new sign-in
                return DrainOutcome(DrainResult(signed_out=True), outbox.counts())
            reachable = False
            if probe and not everything and outbox.counts().waiting:
                try:
                    reachable = client.healthz()
                except Exception:  # noqa: BLE001 - unreachable is the answer, not a failure
                    reachable = False
            result = outbox.drain(client, reachable=reachable, everything=everything)
            if result.signed_out:
                # The session ended just now: the window asks for the password once and then
                # re-runs this round (the writes wait meanwhile; none is refused for it).
                raise Unauthorized(401)
            return DrainOutcome(result, outbox.counts())

        task: Task[DrainOutcome] = Task(round_, parent=self, label="send the outbox")
        task.on_success(self._round_done).on_failure(self._round_failed)
        task.finished.connect(self._round_finished)
        self.task = task
        task.run()

    def _on_queued(self, _queued: Queued) -> None:  # on the posting pool thread
        if not self._stopped and shiboken6.isValid(self):
            self._queued_elsewhere.emit()

    def _round_done(self, outcome: DrainOutcome) -> None:
        result = outcome.result
        changed = outcome.counts != self.counts or result.attempted > 0
        self.counts = outcome.counts
        self.counts_changed.emit(outcome.counts)
        if result.delivered:
            self.delivered.emit(list(result.delivered))
        if result.refused:
            self.refused.emit(list(result.refused))
        if changed:
            self.changed.emit()

    def _round_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Unauthorized):
            return  # the user did not sign in again: the writes wait for the next sign-in
        # The outbox file could not be read or written (disk full, locked): say so in the log and
        # try again at the next tick; the writes are still on disk.
        log.error("the outbox round failed", exc_info=(type(exc), exc, exc.__traceback__))

    def _round_finished(self) -> None:
        if self._again and not self._stopped:
            self.kick()


class OutboxStatus(QWidget):
    """The outbox count in the status bar; hidden while the outbox is empty; click for the list.

    It owns the drainer and stops it when the window it was made for closes (or on ``stop()``)."""

    dialog_opened = Signal(object)  # the OutboxDialog

    def __init__(self, outbox: Outbox, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutboxStatus")
        self.outbox = outbox
        self.drainer = OutboxDrainer(outbox, client, self)
        self.dialog: OutboxDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        self.chip = Chip("", "warning", self)
        self.chip.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.chip)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Outbox"))
        self.setToolTip(self.tr("Writes kept until the server takes them. Click to see them."))
        self.setVisible(False)
        self.drainer.counts_changed.connect(self._show_counts)
        self.drainer.refused.connect(self._announce_refused)
        self.drainer.delivered.connect(self._announce_delivered)
        if parent is not None:
            self.watch(parent.window())
        self.drainer.start()

    def watch(self, window: QWidget) -> None:
        """Stop when `window` closes (no reference to it is kept)."""
        window.installEventFilter(self)

    def stop(self) -> None:
        """Stop the drainer (and close the list): the window is closing or the user logs out."""
        self.drainer.stop()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.window():
            self.stop()
        return False

    def text(self) -> str:
        """What the status bar says (empty while hidden)."""
        return self.chip.text() if not self.isHidden() else ""

    @property
    def tone(self) -> str:
        return self.chip.tone

    def _show_counts(self, counts: OutboxCounts) -> None:
        if counts.empty:
            self.setVisible(False)
            self.chip.setText("")
            return
        self.chip.set_chip(counts_text(counts), "danger" if counts.refused else "warning")
        self.setVisible(True)

    def _window_of_status(self) -> QMainWindow | None:
        window = self.window()
        return window if isinstance(window, QMainWindow) else None

    def _announce_refused(self, records: list[OutboxRecord]) -> None:
        """Say once, by name and reason, what the server refused."""
        for record in records:
            text = (
                self.tr("The server refused “%1”: %2 Open the outbox to send it again or discard it.")
                .replace("%1", record.label)
                .replace("%2", problem_text(record))
            )
            window = self._window_of_status()
            if window is not None:
                window.statusBar().showMessage(text, 20_000)
                banner = getattr(window, "banner", None)
                if isinstance(banner, ErrorBanner):
                    banner.show_message(text, retry=self._open_from_banner, kind="warning")
                    banner.retry_button.setText(self.tr("Open the outbox"))

    def _announce_delivered(self, records: list[OutboxRecord]) -> None:
        window = self._window_of_status()
        if window is None:
            return
        if len(records) == 1:
            text = self.tr("Sent from the outbox: %1").replace("%1", records[0].label)
        else:
            text = self.tr("Sent from the outbox: %1 writes").replace("%1", str(len(records)))
        window.statusBar().showMessage(text, 8_000)

    def _open_from_banner(self) -> None:
        self.open_dialog()

    def open_dialog(self) -> OutboxDialog:
        if self.dialog is None or not shiboken6.isValid(self.dialog):
            self.dialog = OutboxDialog(self.outbox, self.drainer, self.window())
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog_opened.emit(self.dialog)
        return self.dialog

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_dialog()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_dialog()
            return
        super().keyPressEvent(event)


class OutboxDialog(QDialog):
    """The writes in the outbox, oldest first, and what can be done with them."""

    loaded = Signal()
    COLUMNS = (
        QT_TRANSLATE_NOOP("OutboxDialog", "What"),
        QT_TRANSLATE_NOOP("OutboxDialog", "Kept at"),
        QT_TRANSLATE_NOOP("OutboxDialog", "Status"),
        QT_TRANSLATE_NOOP("OutboxDialog", "Attempts"),
        QT_TRANSLATE_NOOP("OutboxDialog", "Next try"),
        QT_TRANSLATE_NOOP("OutboxDialog", "Last problem"),
    )

    def __init__(self, outbox: Outbox, drainer: OutboxDrainer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutboxDialog")
        self.setWindowTitle(self.tr("Outbox"))
        self.resize(980, 420)
        self.outbox = outbox
        self.drainer = drainer
        self.records: list[OutboxRecord] = []
        self._task: Task[list[OutboxRecord]] | None = None
        self._reload_again = False

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Changes you made that the server has not taken yet. Waiting ones are sent by themselves, "
                "in the order you made them, as soon as the server is reachable; nothing is sent twice. "
                "Refused ones wait for you: send them again or discard them."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        heading = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setProperty("role", "caption")
        heading.addWidget(self.summary)
        heading.addStretch(1)
        self.busy = BusyIndicator(self)
        heading.addWidget(self.busy)
        layout.addLayout(heading)

        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("OutboxDialog", c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 260)
        self.table.setAccessibleName(self.tr("Writes in the outbox"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        self.empty_label = QLabel(self.tr("The outbox is empty: everything you did has reached the server."), self)
        self.empty_label.setProperty("role", "secondary")
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label)

        buttons = QDialogButtonBox(self)
        self.try_now_button = QPushButton(self.tr("Try now"), self)
        self.try_now_button.setToolTip(self.tr("Send every waiting write now instead of at its next try"))
        self.send_again_button = QPushButton(self.tr("Send again"), self)
        self.send_again_button.setToolTip(self.tr("Send the refused write again, unchanged"))
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.setToolTip(self.tr("Give up the refused write: it will not be sent"))
        buttons.addButton(self.try_now_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.send_again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.close)
        self.try_now_button.clicked.connect(self.try_now)
        self.send_again_button.clicked.connect(self.send_again)
        self.discard_button.clicked.connect(self.discard)
        layout.addWidget(buttons)

        drainer.changed.connect(self.reload)
        self._update_buttons()
        self.reload()

    # -- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._task is not None and shiboken6.isValid(self._task) and self._task.is_running:
            self._reload_again = True
            return
        outbox = self.outbox
        task: Task[list[OutboxRecord]] = Task(
            lambda: [] if outbox.closed else outbox.entries(), parent=self, label="outbox entries"
        )
        task.on_success(self._show).on_failure(self.banner.show_failure).with_busy(self.busy)
        task.finished.connect(self._reloaded)
        self._task = task
        task.run()

    def _reloaded(self) -> None:
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _show(self, records: list[OutboxRecord]) -> None:
        selected = self.selected()
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            cells = (
                record.label,
                format_datetime(record.created_at),
                status_text(record),
                str(record.attempts),
                format_datetime(record.next_attempt_at) if record.waiting and record.next_attempt_at else "—",
                problem_text(record),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(plain_tooltip(value) or "")
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            status_item = self.table.item(row, 2)
            tone = STATUS_TONES.get(record.status, "neutral")
            if tone == "danger":
                status_item.setForeground(overdue_colour())
                font = status_item.font()
                font.setBold(True)
                status_item.setFont(font)
            if selected is not None and record.id == selected.id:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        waiting = sum(1 for r in records if r.waiting)
        refused = sum(1 for r in records if r.refused)
        self.summary.setText(counts_text(OutboxCounts(waiting, refused)) if records else "")
        self.table.setVisible(bool(records))
        self.empty_label.setVisible(not records)
        if records and self.selected() is None:
            first_refused = next((row for row, r in enumerate(records) if r.refused), 0)
            self.table.selectRow(first_refused)
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> OutboxRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.records):
            return None
        return self.records[rows[0].row()]

    def _update_buttons(self) -> None:
        record = self.selected()
        self.try_now_button.setEnabled(any(r.waiting for r in self.records))
        refused = record is not None and record.refused
        self.send_again_button.setEnabled(refused and record is not None and not record.stale_version)
        self.discard_button.setEnabled(refused)
        if record is not None and record.stale_version:
            self.send_again_button.setToolTip(
                self.tr("Sending it again cannot help: the record changed. Reload the record and make the change again.")
            )
        else:
            self.send_again_button.setToolTip(self.tr("Send the refused write again, unchanged"))

    # -- acting --------------------------------------------------------------------------------

    def select_entry(self, entry_id: int) -> bool:
        for row, record in enumerate(self.records):
            if record.id == entry_id:
                self.table.selectRow(row)
                return True
        return False

    def try_now(self) -> None:
        self.drainer.kick(everything=True)

    def send_again(self) -> None:
        record = self.selected()
        if record is None or not record.refused or record.stale_version:
            return
        outbox, entry_id = self.outbox, record.id
        task: Task[bool] = Task(lambda: outbox.send_again(entry_id), parent=self, label="send again")
        task.on_success(lambda _ok: self._acted()).on_failure(self.banner.show_failure).with_busy(self.busy)
        task.run()

    def discard(self, *, confirmed: bool = False) -> None:
        record = self.selected()
        if record is None or not record.refused:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self,
                self.tr("Discard this write?"),
                self.tr("“%1” will not be sent to the server, and cannot be brought back. Discard it?").replace(
                    "%1", record.label
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        outbox, entry_id = self.outbox, record.id
        task: Task[bool] = Task(lambda: outbox.discard(entry_id), parent=self, label="discard from the outbox")
        task.on_success(lambda _ok: self._acted()).on_failure(self.banner.show_failure).with_busy(self.busy)
        task.run()

    def _acted(self) -> None:
        self.drainer.kick()  # sends what was put back, and updates the count
        self.reload()

