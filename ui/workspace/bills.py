"""The Bills tab: an account's bills, and the lines of the one selected (they sum to its total)."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.formatting import format_date, format_fen
from console.models import BillDetail, BillSummary, CustomerProfile, Page
from ui.icons import icon
from ui.printing.statement import (
    StatementData,
    default_file_name,
    render_statement,
    save_statement_pdf,
    statement_document,
    statement_html,
)
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.tables import fit_columns, make_table, source_row, view_row
from ui.workspace.common import AccountPicker
from ui.workspace.header import set_role
from ui.workspace.models import BillLinesModel, BillsModel

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

BILLS_PAGE = 60  # five years of monthly bills: all an agent scrolls through on a call


class BillsTab(QWidget):
    """Bills of the account picked (the credit line first); selecting one loads its lines."""

    bills_loaded = Signal()
    lines_loaded = Signal()
    statement_saved = Signal(str)  # the PDF's path

    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._stale = True
        self._bills_task = LatestOnly()
        self._lines_task = LatestOnly()
        self.shown_bill: BillDetail | None = None
        self._profile: CustomerProfile | None = None
        self.last_statement_html = ""
        self.last_render_ms: float | None = None

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
        self.save_pdf_button = QPushButton(icon("export"), self.tr("Save as PDF…"), self)
        self.save_pdf_button.setToolTip(self.tr("Save the selected bill as a PDF statement"))
        self.save_pdf_button.clicked.connect(lambda: self.save_pdf())
        bar.addWidget(self.save_pdf_button)
        self.print_button = QPushButton(icon("bill"), self.tr("Print…"), self)
        self.print_button.setToolTip(self.tr("Print the selected bill as a statement"))
        self.print_button.clicked.connect(lambda: self.print_statement())
        bar.addWidget(self.print_button)
        self._set_statement_enabled(False)
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
        self._profile = profile
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
        self._set_statement_enabled(False)
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
        self.shown_bill = None
        self._set_statement_enabled(False)
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
        self._set_statement_enabled(True)
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

    # -- the statement -----------------------------------------------------------------------

    def _set_statement_enabled(self, enabled: bool) -> None:
        self.save_pdf_button.setEnabled(enabled)
        self.print_button.setEnabled(enabled)

    def statement_data(self) -> StatementData | None:
        """The selected bill (with its lines, already fetched) and whose it is."""
        bill = self.shown_bill
        if bill is None:
            return None
        profile = self._profile
        account = next((a for a in profile.accounts if a.id == bill.account_id), None) if profile else None
        return StatementData(bill=bill, customer=profile, account=account)

    def save_pdf(self, path: str | Path | None = None) -> Task[tuple[int, float]] | None:
        """Save the selected bill's statement as a PDF at `path` (asked for when None). The
        layout and the writing run on a pool thread (a statement of hundreds of lines takes a
        few hundred ms); `statement_saved(path)` follows, or a banner says why it was not saved.
        Returns the task, or None if nothing is to be saved."""
        data = self.statement_data()
        if data is None:
            return None
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save statement as PDF"), str(Path.home() / default_file_name(data)),
                self.tr("PDF files (*.pdf)"),
            )
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"
        target = Path(path)
        self.last_statement_html = statement_html(data)
        font = QFont(QGuiApplication.font())  # read here: the pool thread gets a copy

        def write() -> tuple[int, float]:  # on a pool thread: a QTextDocument and a QPdfWriter of its own
            started = time.perf_counter()
            pages = save_statement_pdf(statement_document(data, font=font), target)
            return pages, (time.perf_counter() - started) * 1000

        def saved(result: tuple[int, float]) -> None:
            pages, self.last_render_ms = result
            log.info("statement of bill %s: %d lines, %d pages in %.1f ms",
                     data.bill.id, len(data.bill.lines), pages, self.last_render_ms)
            self.banner.show_message(
                self.tr("Statement saved to %1 (%n page(s)).", "", pages).replace("%1", str(target)), kind="info"
            )
            self.statement_saved.emit(str(target))

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, OSError):
                self.banner.show_failure(exc)
                return
            self.banner.show_message(
                self.tr("The statement could not be saved to %1: %2").replace("%1", str(target)).replace("%2", str(exc))
            )

        task: Task[tuple[int, float]] = Task(write, parent=self, label="save the statement as PDF")
        task.on_success(saved).on_failure(failed).with_busy(self.busy).run()
        return task

    def print_statement(self, printer: QPrinter | None = None) -> int:
        """Print the selected bill's statement; asks for the printer when `printer` is None.
        Returns the pages printed (0 when cancelled or nothing is selected)."""
        data = self.statement_data()
        if data is None:
            return 0
        if printer is None:
            # Qt's print support is loaded when someone prints, not with every workspace.
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print statement"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        self.last_statement_html = statement_html(data)
        try:
            return render_statement(statement_document(data), printer)
        except OSError as exc:
            self.banner.show_message(str(exc))
            return 0
