"""The Bills tab: an account's bills, and the lines of the one selected (they sum to its total)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from console.api import ApiClient
from console.formatting import format_date, format_fen
from console.models import BillDetail, BillSummary, CustomerProfile, Page
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.workspace.common import AccountPicker, fit_columns, make_table, source_row, view_row
from ui.workspace.header import set_role
from ui.workspace.models import BillLinesModel, BillsModel

BILLS_PAGE = 60  # five years of monthly bills: all an agent scrolls through on a call


class BillsTab(QWidget):
    """Bills of the account picked (the credit line first); selecting one loads its lines."""

    bills_loaded = Signal()
    lines_loaded = Signal()

    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._stale = True
        self._bills_task = LatestOnly()
        self._lines_task = LatestOnly()
        self.shown_bill: BillDetail | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Account:"), self))
        self.account_picker = AccountPicker(self)
        self.account_picker.account_changed.connect(lambda _id: self.load())
        bar.addWidget(self.account_picker)
        bar.addStretch(1)
        self.busy = BusyIndicator(self)
        bar.addWidget(self.busy)
        layout.addLayout(bar)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        # Widgets are made with their parent, never reparented later: with an application style
        # sheet each reparenting restyles the widget's subtree again (a table's header twice).
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.bills_model = BillsModel(self)
        self.bills_view = make_table(self.bills_model, parent=splitter)
        self.bills_view.setAccessibleName(self.tr("Bills"))
        fit_columns(self.bills_view, {0: 14, 1: 11, 2: 13, 3: 13, 4: 13, 5: 13})
        self.bills_view.selectionModel().selectionChanged.connect(self._bill_selected)
        splitter.addWidget(self.bills_view)

        lines_box = QWidget(splitter)
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.setContentsMargins(0, 4, 0, 0)
        self.lines_title = QLabel(lines_box)
        self.lines_title.setProperty("role", "caption")
        lines_layout.addWidget(self.lines_title)
        self.lines_model = BillLinesModel(self)
        self.lines_view = make_table(self.lines_model, sortable=False, stretch_column=2, parent=lines_box)
        self.lines_view.setAccessibleName(self.tr("Bill lines"))
        fit_columns(self.lines_view, {0: 16, 1: 20, 3: 13})
        lines_layout.addWidget(self.lines_view)
        self.lines_sum_label = QLabel(lines_box)
        self.lines_sum_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lines_layout.addWidget(self.lines_sum_label)
        splitter.addWidget(lines_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    # -- the workspace calls these ---------------------------------------------------------

    def set_profile(self, profile: CustomerProfile) -> None:
        self.account_picker.set_accounts(profile)
        self._stale = True

    def activate(self) -> None:
        """Load on first show (and after the profile was refreshed)."""
        if self._stale:
            self.load()

    def stop(self) -> None:
        self._bills_task.discard()
        self._lines_task.discard()

    # -- loading ---------------------------------------------------------------------------

    def load(self) -> None:
        account_id = self.account_picker.account_id()
        if account_id is None:
            return
        self._stale = False
        self.banner.clear()
        self.shown_bill = None
        self._lines_task.discard()
        self.lines_model.set_records([])
        self.lines_title.clear()
        self.lines_sum_label.clear()
        client = self._client
        task: Task[Page[BillSummary]] = Task(
            lambda: client.list_bills(account_id, limit=BILLS_PAGE), parent=self, label="bills"
        )
        task.on_success(self._bills_arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.load)
        ).with_busy(self.busy)
        self._bills_task.run(task)

    def _bills_arrived(self, page: Page[BillSummary]) -> None:
        self.bills_model.set_records(page.items)
        if page.items:
            self.select_bill_row(0)
        else:
            self.lines_title.setText(self.tr("No bills yet: the first statement is cut on the 1st."))
        self.bills_loaded.emit()

    def select_bill_row(self, source: int) -> None:
        """Select the bill in model row `source` (its lines load)."""
        self.bills_view.selectRow(view_row(self.bills_view, source))

    def _bill_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.bills_view.selectionModel().selectedRows()
        if not rows:
            return
        bill: BillSummary = self.bills_model.record(source_row(self.bills_view, rows[0].row()))
        self.load_lines(bill)

    def load_lines(self, bill: BillSummary) -> None:
        client = self._client
        self.lines_title.setText(
            self.tr("Lines of the bill of %1 (due %2)")
            .replace("%1", format_date(bill.statement_date)).replace("%2", format_date(bill.due_date))
        )
        task: Task[BillDetail] = Task(
            lambda: client.get_bill(bill.account_id, bill.id), parent=self, label="bill lines"
        )
        task.on_success(self._lines_arrived).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=lambda: self.load_lines(bill))
        ).with_busy(self.busy)
        self._lines_task.run(task)

    def _lines_arrived(self, detail: BillDetail) -> None:
        self.shown_bill = detail
        self.lines_model.set_records(detail.lines)
        lines_sum = self.lines_model.total_fen()
        text = self.tr("%n line(s) · sum %1", "", len(detail.lines)).replace("%1", format_fen(lines_sum))
        if lines_sum == detail.total_fen:
            text += " = " + self.tr("bill total %1").replace("%1", format_fen(detail.total_fen))
            set_role(self.lines_sum_label, "")
        else:
            # Never expected (the backend guarantees it); if it happens the agent must not quote it.
            text += " ≠ " + self.tr("bill total %1: report this bill").replace("%1", format_fen(detail.total_fen))
            set_role(self.lines_sum_label, "error")
        self.lines_sum_label.setText(text)
        self.lines_loaded.emit()

    def current_bill(self) -> Any:
        return self.shown_bill
