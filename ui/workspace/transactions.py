"""The Transactions tab: newest first, a page at a time as the agent scrolls, filtered on the server."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.formatting import BUSINESS_TZ, format_datetime, format_fen
from console.models import CustomerProfile, Page, Transaction
from ui.icons import icon
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.tables import fit_columns, make_table, source_row, view_row
from ui.workspace import labels
from ui.workspace.common import AccountPicker
from ui.workspace.models import FetchPage, TransactionQuery, TransactionsModel

# The type filter speaks of what the caller asks about, each a set of the API's types.
TYPE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("TransactionsTab", "All types"), ()),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Purchases"), ("purchase",)),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Repayments"), ("repayment",)),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Refunds"), ("refund",)),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Credits (repayments, refunds, waivers)"),
     ("repayment", "refund", "fee_waiver", "fee_reversal", "dispute_refund", "dispute_provisional_credit", "write_off")),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Disputes and fraud"),
     ("dispute_provisional_credit", "dispute_provisional_credit_reversal", "dispute_refund", "write_off")),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Installments"),
     ("installment_conversion", "installment_principal", "installment_fee", "bill_installment_conversion")),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Interest and penalties"), ("interest", "penalty_interest")),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Fees and waivers"), ("fee", "fee_waiver", "fee_reversal")),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Cash loan"), ("loan_disbursement", "loan_principal", "loan_interest")),
    (QT_TRANSLATE_NOOP("TransactionsTab", "Adjustments and hardship plans"), ("adjustment", "hardship_conversion")),
)

DEFAULT_RANGE_DAYS = 90

# backend/disputes/rules.py DISPUTABLE_TRANSACTION_TYPES: only these debits can be disputed.
DISPUTABLE_TYPES: frozenset[str] = frozenset(
    {"purchase", "fee", "interest", "penalty_interest", "installment_fee", "loan_interest", "adjustment"}
)
# backend/fraud/rules.py REPORTABLE_TRANSACTION_TYPES: what a fraud report may name.
REPORTABLE_TYPES: frozenset[str] = frozenset({"purchase", "loan_disbursement"})

WHY_NOT_DISPUTABLE = QT_TRANSLATE_NOOP(
    "TransactionsTab",
    "Only a charge can be disputed: a purchase, a fee, interest or an adjustment. "
    "Repayments, refunds and credits cannot.",
)


def is_disputable(transaction: Transaction) -> bool:
    """Whether the backend accepts a dispute of `transaction` (a debit of a disputable type)."""
    return transaction.amount_fen > 0 and transaction.type in DISPUTABLE_TYPES


def is_reportable(transaction: Transaction) -> bool:
    """Purchases and loan disbursements (debits) can be named in a fraud report."""
    return transaction.amount_fen > 0 and transaction.type in REPORTABLE_TYPES


def fetch_transactions(client: ApiClient) -> FetchPage:
    """The page fetcher the model runs on a pool thread: one `list_transactions` call."""

    def fetch(query: TransactionQuery, cursor: str | None, limit: int) -> Page[Transaction]:
        return client.list_transactions(
            query.account_id,
            types=query.types,
            date_from=query.date_from,
            date_to=query.date_to,
            limit=limit,
            cursor=cursor,
        )

    return fetch


class TransactionsTab(QWidget):
    """Account, type and date filters over a lazily paged table (100,000 rows without a stall).

    Right-click (or the Menu key) on rows: dispute the transaction, report fraud with the
    selected rows to link, copy. The workspace opens the dialogs (`dispute_requested`,
    `fraud_requested`).
    """

    first_page_loaded = Signal()
    dispute_requested = Signal(object)  # the Transaction
    fraud_requested = Signal(object)  # the selected Transactions (a list)

    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)

        bar = QHBoxLayout()
        # Widgets are made with their parent, never reparented later: with an application style
        # sheet each reparenting restyles the widget's subtree again (a table's header twice).
        bar.addWidget(QLabel(self.tr("Account:"), self))
        self.account_picker = AccountPicker(self)
        self.account_picker.account_changed.connect(lambda _id: self.requery())
        bar.addWidget(self.account_picker)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Type:"), self))
        self.type_filter = QComboBox(self)
        for source, types in TYPE_GROUPS:
            # Item data as text: a tuple would come back from Qt as a list and never match.
            self.type_filter.addItem(self.tr(source), ",".join(types))
        self.type_filter.currentIndexChanged.connect(lambda _i: self.requery())
        bar.addWidget(self.type_filter)
        bar.addSpacing(12)
        self.date_filter = QCheckBox(self.tr("Dates"), self)
        self.date_filter.setToolTip(self.tr("Only transactions between these business dates (inclusive)"))
        self.date_filter.toggled.connect(self._dates_toggled)
        bar.addWidget(self.date_filter)
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.date_to)
        bar.addStretch(1)
        self.busy = BusyIndicator(self)
        bar.addWidget(self.busy)
        layout.addLayout(bar)

        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)

        self.model = TransactionsModel(fetch_transactions(client), parent=self)
        self.model.loading_changed.connect(self._loading_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(lambda exc: self.banner.show_failure(exc, retry=self.model.retry))
        self.model.modelReset.connect(self._update_status)
        self.view = make_table(self.model, stretch_column=3, parent=self)
        self.view.setAccessibleName(self.tr("Transactions"))
        # Type as wide as its longest word ("Converted to installments"); a shop's name is short.
        fit_columns(self.view, {0: 16, 1: 22, 2: 14, 4: 13, 5: 12})
        # Several rows may be picked: a fraud report links every one of them.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.copy_action = QAction(icon("copy"), self.tr("Copy"), self.view)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(lambda: self.copy_rows(self.selected_rows()))
        self.view.addAction(self.copy_action)
        self.can_file = True  # the workspace turns it off for a role that may not file
        layout.addWidget(self.view, 1)

        self.status_label = QLabel(self)
        self.status_label.setProperty("role", "caption")
        layout.addWidget(self.status_label)
        self._set_default_range(datetime.now(BUSINESS_TZ).date())
        self._dates_toggled(False)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        # editingFinished: typing a date does not re-query on every keystroke.
        edit.editingFinished.connect(self._dates_edited)
        return edit

    # -- the workspace calls these ---------------------------------------------------------

    def set_profile(self, profile: CustomerProfile) -> None:
        self.account_picker.set_accounts(profile)
        self._stale = True

    def activate(self) -> None:
        if self._stale:
            self.requery()

    def stop(self) -> None:
        self.model.stop()

    # -- filters ---------------------------------------------------------------------------

    def set_filter(self, *, types: tuple[str, ...] | None = None, date_from: date | None = None,
                   date_to: date | None = None, dates: bool | None = None) -> None:
        """Set the filters as an agent would and re-query once (tests and shortcuts use it)."""
        widgets = (self.type_filter, self.date_filter, self.date_from, self.date_to)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if types is not None:
                key = ",".join(types)
                index = self.type_filter.findData(key)
                if index < 0:
                    self.type_filter.addItem(", ".join(types), key)
                    index = self.type_filter.count() - 1
                self.type_filter.setCurrentIndex(index)
            if date_from is not None:
                self.date_from.setDate(QDate(date_from.year, date_from.month, date_from.day))
            if date_to is not None:
                self.date_to.setDate(QDate(date_to.year, date_to.month, date_to.day))
            if dates is not None:
                self.date_filter.setChecked(dates)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.date_from.setEnabled(self.date_filter.isChecked())
        self.date_to.setEnabled(self.date_filter.isChecked())
        self.requery()

    def current_query(self) -> TransactionQuery | None:
        account_id = self.account_picker.account_id()
        if account_id is None:
            return None
        types = tuple(t for t in str(self.type_filter.currentData() or "").split(",") if t)
        date_from = date_to = None
        if self.date_filter.isChecked():
            date_from = self.date_from.date().toPython()
            date_to = self.date_to.date().toPython()
            if date_from > date_to:
                date_from, date_to = date_to, date_from
        return TransactionQuery(account_id, types, date_from, date_to)

    def requery(self) -> None:
        """Ask the server again from the first page with the current filters."""
        query = self.current_query()
        if query is None:
            return
        self._stale = False
        self.banner.clear()
        self.model.set_query(query)

    def _set_default_range(self, today: date) -> None:
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        start = today - timedelta(days=DEFAULT_RANGE_DAYS)
        self.date_from.setDate(QDate(start.year, start.month, start.day))

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if not self._stale:
            self.requery()

    def _dates_edited(self) -> None:
        query = self.current_query()
        if self.date_filter.isChecked() and query is not None and query != self.model.query:
            self.requery()

    # -- the context menu ------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The model rows selected in the view, in the view's order."""
        selection = self.view.selectionModel()
        rows = sorted({index.row() for index in selection.selectedRows()}) if selection is not None else []
        return [source_row(self.view, row) for row in rows]

    def select_rows(self, rows: Sequence[int]) -> None:
        """Select these model rows (as a click and Ctrl-clicks would)."""
        self.view.clearSelection()
        selection = self.view.selectionModel()
        for row in rows:
            index = self.view.model().index(view_row(self.view, row), 0)
            selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if rows:
            current = self.view.model().index(view_row(self.view, rows[0]), 0)
            selection.setCurrentIndex(current, selection.SelectionFlag.NoUpdate)

    def transaction_menu(self, rows: Sequence[int]) -> QMenu:
        """The menu for these model rows: Dispute (one charge), Report fraud (with the rows to
        link), Copy. Entries that do not apply are disabled and say why in their tooltip."""
        transactions = [self.model.record(row) for row in rows if 0 <= row < self.model.rowCount()]
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        dispute = menu.addAction(self.tr("Dispute this transaction…"))
        dispute.setObjectName("disputeTransactionAction")
        if not self.can_file:
            dispute.setEnabled(False)
            dispute.setToolTip(self.tr("Your role cannot file disputes or fraud reports."))
        elif len(transactions) != 1:
            dispute.setEnabled(False)
            dispute.setToolTip(self.tr("A dispute is about one transaction: select just one."))
        elif not is_disputable(transactions[0]):
            dispute.setEnabled(False)
            dispute.setToolTip(self.tr(WHY_NOT_DISPUTABLE))
        else:
            dispute.setToolTip(self.tr("Open a dispute of this charge; the amount defaults to all of it."))
            chosen = transactions[0]
            dispute.triggered.connect(lambda: self.dispute_requested.emit(chosen))

        fraud = menu.addAction(self.tr("Report fraud…"))
        fraud.setObjectName("reportFraudAction")
        reportable = [t for t in transactions if is_reportable(t)]
        if not self.can_file:
            fraud.setEnabled(False)
            fraud.setToolTip(self.tr("Your role cannot file disputes or fraud reports."))
        else:
            if reportable:
                fraud.setToolTip(self.tr("Report fraud with the %n selected purchase(s) ticked.", "", len(reportable)))
            else:
                fraud.setToolTip(self.tr("Only purchases and loan disbursements can be linked to a fraud report."))
            fraud.triggered.connect(lambda: self.fraud_requested.emit(list(reportable)))

        menu.addSeparator()
        copy = menu.addAction(icon("copy"), self.tr("Copy"))
        copy.setObjectName("copyTransactionAction")
        copy.setEnabled(bool(transactions))
        copy.triggered.connect(lambda: self.copy_rows(rows))
        return menu

    def copy_rows(self, rows: Sequence[int]) -> str:
        """Put the rows on the clipboard as tab-separated text (date, type, merchant, description,
        amount); returns the text."""
        lines = []
        for row in rows:
            if not 0 <= row < self.model.rowCount():
                continue
            t: Transaction = self.model.record(row)
            lines.append("\t".join((
                format_datetime(t.posted_at), labels.label(labels.TRANSACTION_TYPES, t.type),
                t.merchant or "", t.description, format_fen(t.amount_fen),
            )))
        text = "\n".join(lines)
        if text:
            clipboard = QGuiApplication.clipboard()
            clipboard.setText(text)
        return text

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        rows = self.selected_rows()
        if index.isValid():
            clicked = source_row(self.view, index.row())
            if clicked not in rows:  # a right-click outside the selection picks that row
                self.select_rows([clicked])
                rows = [clicked]
        elif rows:  # the Menu key: open at the current row
            current = self.view.currentIndex()
            if current.isValid():
                pos = self.view.visualRect(current).bottomLeft()
        if not rows:
            return
        menu = self.transaction_menu(rows)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # -- state -----------------------------------------------------------------------------

    def _loading_changed(self, loading: bool) -> None:
        if loading:
            self.busy.start()
        else:
            self.busy.stop()
        self._update_status()

    def _page_loaded(self, rows: int) -> None:
        self._update_status()
        if rows == self.model.rowCount():  # the first page of a query (possibly empty)
            self.first_page_loaded.emit()

    def _update_status(self) -> None:
        rows = self.model.rowCount()
        if self.model.is_loading and rows == 0:
            text = self.tr("Loading transactions…")
        elif rows == 0 and self.model.last_error is None:
            text = self.tr("No transactions match these filters.")
        elif self.model.has_more:
            text = self.tr("%n transaction(s) loaded, newest first; more load as you scroll.", "", rows)
        else:
            text = self.tr("All %n transaction(s) shown, newest first.", "", rows)
        self.status_label.setText(text)
