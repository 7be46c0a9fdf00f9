"""Customer search: results as you type, newest query wins, masked personal data only."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.formatting import mask_phone_query
from console.models import CustomerHit, Page
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner
from ui.widgets.chips import account_status_text, bucket_text, product_text

DEBOUNCE_MS = 250
PAGE_SIZE = 50

ModelIndex = QModelIndex | QPersistentModelIndex

# Bucket colours for the Accounts column (the chips' tones, as text colours readable on both themes).
_BUCKET_COLORS = {"M1": "#b7791f", "M2": "#d64545", "M3": "#d64545", "M4+": "#d64545"}


def accounts_summary(hit: CustomerHit) -> str:
    """"Credit line · Active · M1 overdue; Cash loan · Active" — the accounts at a glance."""
    parts = []
    for account in hit.accounts:
        words = [product_text(account.product), account_status_text(account.status)]
        if account.delinquency_bucket != "current":
            words.append(bucket_text(account.delinquency_bucket))
        parts.append(" · ".join(words))
    return "; ".join(parts)


def worst_bucket(hit: CustomerHit) -> str:
    order = ["current", "M1", "M2", "M3", "M4+"]
    buckets = [a.delinquency_bucket for a in hit.accounts if a.delinquency_bucket in order]
    return max(buckets, key=order.index) if buckets else "current"


# What the backend reads as a national ID's last 4 (backend/customers/service.py).
_ID_LAST4 = re.compile(r"\d{3}[\dX]", re.IGNORECASE)

class CustomerResultsModel(QAbstractTableModel):
    """Search hits, one row per customer; more pages come with ``fetchMore`` through ``fetcher``."""

    NAME, PHONE, NATIONAL_ID, ACCOUNTS, OPEN_CASES = range(5)
    CustomerIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[CustomerHit] = []
        self.next_cursor: str | None = None
        self.fetching = False
        self.fetcher: Callable[[], None] | None = None

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Phone"), self.tr("ID number"), self.tr("Accounts"), self.tr("Open cases")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 — Qt's API
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return self.headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.hits)):
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return hit.name
            if column == self.PHONE:
                return hit.phone_masked
            if column == self.NATIONAL_ID:
                return hit.national_id_masked
            if column == self.ACCOUNTS:
                return accounts_summary(hit)
            if column == self.OPEN_CASES:
                return str(hit.open_case_count) if hit.open_case_count else "—"
        elif role == self.CustomerIdRole:
            return hit.id
        elif role == Qt.ItemDataRole.ForegroundRole and column == self.ACCOUNTS:
            color = _BUCKET_COLORS.get(worst_bucket(hit))
            return QColor(color) if color else None
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.OPEN_CASES:
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.ACCOUNTS:
            return "\n".join(
                f"{account.account_number}: {product_text(account.product)}, "
                f"{account_status_text(account.status)}, {bucket_text(account.delinquency_bucket)}"
                for account in hit.accounts
            )
        return None

    def set_page(self, page: Page[CustomerHit]) -> None:
        self.beginResetModel()
        self.hits = list(page.items)
        self.next_cursor = page.next_cursor
        self.fetching = False
        self.endResetModel()

    def append_page(self, page: Page[CustomerHit]) -> None:
        self.fetching = False
        self.next_cursor = page.next_cursor
        if not page.items:
            return
        first = len(self.hits)
        self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
        self.hits.extend(page.items)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.hits = []
        self.next_cursor = None
        self.fetching = False
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self.next_cursor is not None and not self.fetching

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent) and self.fetcher is not None:
            self.fetching = True
            self.fetcher()


class ResultsTable(QTableView):
    """The results; Enter opens the current row (``activated``), Up on the first row goes back."""

    backToSearch = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.backToSearch.emit()
            return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    """The Search view: feed it the search box's text with ``set_query``; it searches after a
    pause in typing (``DEBOUNCE_MS``) and drops the answers of queries abandoned meanwhile.

    Signals: ``customerActivated(int id, str name)`` when a row is opened;
    ``resultsShown(str query)`` when the results (possibly none) of ``query`` are on screen;
    ``phoneMasked(str masked)`` when they are a full phone number's customers: the number is
    shown masked from then on, as every list and the customer's header show it (the search box
    takes the masked text too). A number nobody has stays as typed, to be corrected.
    """

    customerActivated = Signal(int, str)
    resultsShown = Signal(str)
    phoneMasked = Signal(str)

    def __init__(self, client: ApiClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._query = ""
        self._shown_query: str | None = None
        self._open_single_result = False
        self._latest = LatestOnly()
        self._debounce = QTimer(self)
        self._debounce.setObjectName("searchDebounce")
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        self.banner = ErrorBanner(self)
        layout.addWidget(self.banner)
        header = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setProperty("role", "secondary")
        header.addWidget(self.summary_label, 1)
        self.busy = BusyIndicator(self)
        header.addWidget(self.busy)
        layout.addLayout(header)

        self.model = CustomerResultsModel(self)
        self.model.fetcher = self._fetch_more
        self.table = ResultsTable()
        self.table.setObjectName("SearchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        horizontal = self.table.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        horizontal.setStretchLastSection(False)
        for column, width in ((0, 140), (1, 140), (2, 200), (4, 110)):
            horizontal.resizeSection(column, width)
        horizontal.setSectionResizeMode(CustomerResultsModel.ACCOUNTS, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("searchHint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "secondary")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self._show_hint()

    # -- public ------------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def shown_query(self) -> str | None:
        """The query whose results are on screen (None while nothing is shown)."""
        return self._shown_query

    def set_query(self, text: str) -> None:
        """The search box changed: search after a pause; what was in flight is dropped now."""
        query = text.strip()
        if query == self._query:
            return
        self._query = query
        self._open_single_result = False
        self._latest.discard()
        self.busy.reset()
        if not query:
            self._debounce.stop()
            self._show_hint()
            return
        self._debounce.start()

    def search_now(self, *, open_single_result: bool = False) -> Task[Page[CustomerHit]] | None:
        """Search for the current query at once (Enter); returns the task (None for an empty query)."""
        self._debounce.stop()
        query = self._query
        if not query:
            return None
        self._open_single_result = open_single_result
        self.banner.clear()
        client = self._client
        task: Task[Page[CustomerHit]] = Task(
            lambda: client.search_customers(query, limit=PAGE_SIZE), parent=self, label="search customers"
        )
        task.with_busy(self.busy).on_success(lambda page: self._show_results(query, page)).on_failure(
            lambda exc: self.banner.show_failure(exc, retry=self.search_now)
        )
        return self._latest.run(task)

    def open_current(self) -> bool:
        """Open the selected result, or the only/first one; False when there is none."""
        if self.model.rowCount() == 0:
            return False
        index = self.table.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        self._open_index(index)
        return True

    def enter_pressed(self) -> None:
        """Enter in the search box: open the result if the results of this query are shown,
        else search now and open the result if it is the only one."""
        if self._query and self._shown_query == self._query and not self._debounce.isActive():
            self.open_current()
        else:
            self.search_now(open_single_result=True)

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    def customer_ids(self) -> list[int]:
        return [hit.id for hit in self.model.hits]

    def stop(self) -> None:
        """Stop the debounce and drop what is in flight (the window is closing)."""
        self._debounce.stop()
        self._latest.discard()

    # -- internals ---------------------------------------------------------------------------

    def _show_hint(self) -> None:
        self.model.clear()
        self._shown_query = None
        self.summary_label.setText("")
        self.empty_label.setText(
            self.tr(
                "Find a customer by full phone number, account number (HB…), name, or the last "
                "4 digits of the ID number.\n\nPress Ctrl+K to search from anywhere."
            )
        )
        self.stack.setCurrentWidget(self.empty_label)

    def _show_results(self, query: str, page: Page[CustomerHit]) -> None:
        self.model.set_page(page)
        self._shown_query = query
        count = len(page.items)
        masked = mask_phone_query(query) if count else None
        shown = masked or query
        # Four digits are searched as the end of a national ID, never of a phone number: say so,
        # or a caller's phone last 4 silently finds someone else.
        id_last4 = _ID_LAST4.fullmatch(re.sub(r"[\s\-]", "", query)) is not None
        by_id = self.tr("Four digits are the last 4 of the national ID, not of a phone number: "
                        "for a phone, type all 11 digits.") if id_last4 else ""
        if count == 0:
            self.summary_label.setText(by_id)
            self.empty_label.setText(
                self.tr("No customer matches “%1”. Check the number, or try the name or the account number.").replace(
                    "%1", query
                )
            )
            self.stack.setCurrentWidget(self.empty_label)
        else:
            more = "+" if page.next_cursor else ""
            self.summary_label.setText(" ".join(filter(None, (
                self.tr("%1 customers for “%2”").replace("%1", f"{count}{more}").replace("%2", shown)
                if count != 1
                else self.tr("1 customer for “%1”").replace("%1", shown),
                by_id,
            ))))
            self.stack.setCurrentWidget(self.table)
            self.table.setCurrentIndex(self.model.index(0, 0))
        if masked is not None:
            self.phoneMasked.emit(masked)
        self.resultsShown.emit(query)
        if self._open_single_result and count == 1:
            self._open_single_result = False
            self.open_current()

    def _fetch_more(self) -> None:
        query, cursor, client = self._shown_query, self.model.next_cursor, self._client
        if query is None or cursor is None:
            self.model.fetching = False
            return

        def failed(exc: BaseException) -> None:
            self.model.fetching = False
            self.banner.show_failure(exc)

        task: Task[Page[CustomerHit]] = Task(
            lambda: client.search_customers(query, limit=PAGE_SIZE, cursor=cursor), parent=self, label="more customers"
        )
        task.with_busy(self.busy).on_success(self._append_if_current(query)).on_failure(failed)
        self._latest.run(task)

    def _append_if_current(self, query: str) -> Callable[[Page[CustomerHit]], None]:
        def append(page: Page[CustomerHit]) -> None:
            if self._shown_query == query:
                self.model.append_page(page)

        return append

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.hits[index.row()]
        self.customerActivated.emit(hit.id, hit.name)
