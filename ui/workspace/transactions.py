"""The Transactions tab: newest first, a page at a time as the agent scrolls, filtered on the server."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.formatting import BUSINESS_TZ
from console.models import CustomerProfile, Page, Transaction
from ui.widgets import BusyIndicator, ErrorBanner
from ui.workspace.common import AccountPicker, fit_columns, make_table
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
    """Account, type and date filters over a lazily paged table (100,000 rows without a stall)."""

    first_page_loaded = Signal()

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
        fit_columns(self.view, {0: 16, 1: 20, 2: 16, 4: 13})
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
