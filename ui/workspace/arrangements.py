"""The Arrangements tab: the account's repayment arrangements with their status, newest first,
and Cancel where the server allows it (one waiting: its proposer or a supervisor; a promise to
pay or hardship plan in force: a supervisor). What the caller may do is read from the
arrangement itself (`allowed_actions`) when a row is selected; the server decides again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from console.api import ApiClient
from console.arrangements import (
    Arrangement,
    ArrangementSummary,
    cancel,
    get_arrangement,
    list_account_arrangements,
)
from console.models import CustomerProfile, Page
from console.outbox import Delivered, Outbox, Queued
from ui.casework.labels import ARRANGEMENT_TYPE_TEXTS, CASE_STATUS_TEXTS, CASE_STATUS_TONES, text_of
from ui.icons import icon
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.table_model import Column, RecordTableModel
from ui.widgets.tables import fit_columns, make_table, source_row
from ui.widgets.tones import tone_colour
from ui.workspace.common import AccountPicker

ARRANGEMENTS_PER_ACCOUNT = 200  # the API's page maximum: an account's whole arrangement history


class ArrangementsModel(RecordTableModel[ArrangementSummary]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.COLUMNS = (
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Type"), lambda a: a.type,
                   words=lambda code: text_of(ARRANGEMENT_TYPE_TEXTS, code)),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda a: a.status,
                   words=lambda code: text_of(CASE_STATUS_TEXTS, code)),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda a: a.amount_fen or None, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Proposed by"), lambda a: a.proposed_by_name),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Proposed"), lambda a: a.proposed_at, "datetime"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Ended"), lambda a: a.resolved_on, "date"),
        )

    def foreground(self, record: ArrangementSummary, column: Column[Any]) -> QBrush | None:
        if column is self.COLUMNS[1]:
            return QBrush(tone_colour(CASE_STATUS_TONES.get(record.status, "neutral")))
        if not record.is_live_or_waiting:
            return QBrush(tone_colour("muted"))
        return super().foreground(record, column)


class ArrangementsTab(QWidget):
    """The account's arrangements; loads on first show, again after a filing or a cancel.

    Signals:
        arrangements_loaded: the list is filled.
        cancelled(object): a cancel landed (the arrangement's JSON) or is kept (`Queued`).
    """

    arrangements_loaded = Signal()
    cancelled = Signal(object)

    def __init__(self, client: ApiClient, outbox: Outbox | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._outbox = outbox
        self._profile: CustomerProfile | None = None
        self._stale = True
        self._loader = LatestOnly()
        self._detail_loader = LatestOnly()
        self._cancel_loader = LatestOnly()
        self.load_task: Task[Page[ArrangementSummary]] | None = None
        self.selected: Arrangement | None = None
        self.selected_etag = ""
        self.confirm_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        heading = QHBoxLayout()
        self.account_picker = AccountPicker(self)
        self.account_picker.account_changed.connect(lambda _id: self.reload())
        heading.addWidget(self.account_picker)
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "caption")
        heading.addWidget(self.count_label, 1)
        self.busy = BusyIndicator(self)
        heading.addWidget(self.busy)
        self.cancel_button = QPushButton(icon("close"), self.tr("Cancel arrangement…"), self)
        self.cancel_button.setObjectName("cancelArrangementButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Select an arrangement."))
        self.cancel_button.clicked.connect(self.ask_cancel)
        heading.addWidget(self.cancel_button)
        layout.addLayout(heading)

        self.model = ArrangementsModel(parent=self)
        self.view = make_table(self.model, stretch_column=3, parent=self)
        self.view.setObjectName("accountArrangements")
        self.view.setAccessibleName(self.tr("Arrangements"))
        fit_columns(self.view, {0: 18, 1: 18, 2: 14, 4: 16, 5: 12})
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.view, 1)

    # -- the workspace calls these ---------------------------------------------------------

    def set_profile(self, profile: CustomerProfile) -> None:
        self._profile = profile
        self.account_picker.set_accounts(profile)
        self._stale = True

    def activate(self) -> None:
        if self._stale:
            self.reload()

    def stop(self) -> None:
        self._loader.discard()
        self._detail_loader.discard()
        self._cancel_loader.discard()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        account_id = self.account_picker.account_id()
        if account_id is None:
            return
        self._stale = False
        client = self._client
        task: Task[Page[ArrangementSummary]] = Task(
            lambda: list_account_arrangements(client, account_id, limit=ARRANGEMENTS_PER_ACCOUNT),
            parent=self, label="account arrangements")
        task.on_success(self._arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.reload)).with_busy(self.busy)
        self.load_task = task
        if self.model.rowCount() == 0:
            self.count_label.setText(self.tr("Loading arrangements…"))
        self._loader.run(task)

    def _arrived(self, page: Page[ArrangementSummary]) -> None:
        if self.banner.property("kind") == "error":
            self.banner.clear()
        self.model.set_records(page.items)
        self._show_selected(None)
        live = sum(1 for a in page.items if a.is_live_or_waiting)
        if not page.items:
            self.count_label.setText(self.tr("No arrangements on this account."))
        else:
            self.count_label.setText(self.tr("%1 live or waiting, %2 in all; newest first.")
                                     .replace("%1", str(live)).replace("%2", str(len(page.items))))
        self.arrangements_loaded.emit()

    def records(self) -> list[ArrangementSummary]:
        return self.model.records()

    # -- selecting and cancelling ----------------------------------------------------------

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self._show_selected(None)
            return
        summary = self.model.record(source_row(self.view, rows[0].row()))
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Checking what you may do…"))
        client = self._client
        task: Task[tuple[Arrangement, str]] = Task(lambda: get_arrangement(client, summary.id), parent=self,
                                                   label="arrangement detail")
        task.on_success(lambda answer: self._show_selected(*answer)).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.reload))
        self._detail_loader.run(task)

    def _show_selected(self, arrangement: Arrangement | None, etag: str = "") -> None:
        self.selected, self.selected_etag = arrangement, etag
        may_cancel = arrangement is not None and "cancel" in arrangement.allowed_actions
        self.cancel_button.setEnabled(may_cancel)
        if arrangement is None:
            why = self.tr("Select an arrangement.")
        elif may_cancel:
            why = self.tr("Cancel this arrangement; the case timeline and the audit trail keep it.")
        elif arrangement.status == "pending_approval":
            why = self.tr("Only its proposer or a supervisor may cancel an arrangement waiting for approval.")
        elif arrangement.status == "active" and arrangement.type in ("promise_to_pay", "hardship_plan"):
            why = self.tr("Only a supervisor may cancel an arrangement in force.")
        elif arrangement.status == "active":
            why = self.tr("Its effect is done: it cannot be cancelled.")
        else:
            why = self.tr("It has ended: there is nothing to cancel.")
        self.cancel_button.setToolTip(why)

    def ask_cancel(self) -> QMessageBox | None:
        """Ask before cancelling the selected arrangement (not blocking: `open()`)."""
        arrangement = self.selected
        if arrangement is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel arrangement"),
                          self.tr("Cancel the %1 (arrangement %2)? This cannot be undone.")
                          .replace("%1", text_of(ARRANGEMENT_TYPE_TEXTS, arrangement.type).lower())
                          .replace("%2", str(arrangement.id)), parent=self)
        yes = box.addButton(self.tr("Cancel arrangement"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.buttonClicked.connect(lambda button: self.confirm_cancel() if button is yes else None)
        self.confirm_box = box
        box.open()
        return box

    def confirm_cancel(self) -> None:
        arrangement, etag = self.selected, self.selected_etag
        if arrangement is None:
            return
        client, outbox = self._client, self._outbox
        label = self.tr("Cancel %1 (arrangement %2)").replace(
            "%1", text_of(ARRANGEMENT_TYPE_TEXTS, arrangement.type)).replace("%2", str(arrangement.id))
        task: Task[Delivered | Queued] = Task(
            lambda: cancel(outbox, client, arrangement.id, etag=etag or arrangement.etag, label=label),
            parent=self, label="cancel arrangement")
        task.on_success(self._cancel_landed).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.reload)).with_busy(self.busy)
        self.cancel_button.setEnabled(False)
        self._cancel_loader.run(task)

    def _cancel_landed(self, result: Delivered | Queued) -> None:
        if isinstance(result, Queued):
            self.banner.show_message(self.tr("The server cannot be reached: the cancel is kept in the outbox and "
                                             "will be sent when it is reachable."), kind="warning")
            self.cancelled.emit(result)
            return
        self.banner.show_message(self.tr("Arrangement cancelled."), kind="info")
        self._stale = True
        self.cancelled.emit(result.body)  # the workspace reloads: header, alerts and this list
