"""Table models of the customer workspace.

`RecordTableModel` shows a list of records (the `console.models` dataclasses) through a list
of `Column`s: what to display, how to sort (`SORT_ROLE`, the raw value: fen, dates), and how to
align. Money columns are right-aligned and credits (negative amounts) are marked in a colour
and with a tooltip. `TransactionsModel` pages through the API's cursor with
`canFetchMore`/`fetchMore`: one page at a time, on a background task, rows appended with
`beginInsertRows`, so an account with 100,000 transactions opens as fast as one with ten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.formatting import format_date, format_datetime, format_fen
from ui.export import EXPORT_ROLE, yuan_text
from ui.tasks import Task
from ui.widgets import chips
from ui.widgets.plain_text import plain_tooltip
from ui.widgets.tones import tone_colour
from ui.wording import claim_marker, claim_tooltip, transaction_description
from ui.workspace import labels

R = TypeVar("R")
ModelIndex = QModelIndex | QPersistentModelIndex

# The raw value of a cell (int fen, date, datetime, str), for QSortFilterProxyModel.setSortRole.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The whole record of a row (a console.models dataclass).
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

# A view asks each visible cell for seven roles on every paint, through the sorting proxy, and
# each ask is a call into Python: the roles no model here answers return at once, as ints.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_EXPORT = int(EXPORT_ROLE)
_ANSWERED_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, int(SORT_ROLE), int(RECORD_ROLE), _EXPORT})
_HORIZONTAL = Qt.Orientation.Horizontal
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def tr(text: str) -> str:
    return QCoreApplication.translate("WorkspaceModels", text)


def credit_colour() -> QColor:
    """Green for credits, readable on the light and the dark theme."""
    return tone_colour("good")


def overdue_colour() -> QColor:
    return tone_colour("danger")


def money_text(amount_fen: int | None) -> str:
    """`format_fen`, with credits marked by a leading minus sign the eye cannot miss."""
    if amount_fen is None:
        return ""
    return format_fen(amount_fen)


def date_text(value: date | None) -> str:
    return format_date(value) if value is not None else ""


def datetime_text(value: datetime | None) -> str:
    return format_datetime(value) if value is not None else ""


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header (untranslated source text), the raw value, and how to show it."""

    header: str
    value: Callable[[R], Any]
    kind: str = "text"  # "text", "money", "date", "datetime" or "int"
    words: Callable[[Any], str] | None = None  # a code (status, type) in the user's words
    tooltip: Callable[[R], str | None] | None = None

    def display(self, record: R) -> str:
        raw = self.value(record)
        if raw is None:
            return ""
        if self.kind == "money":
            return money_text(raw)
        if self.kind == "date":
            return date_text(raw)
        if self.kind == "datetime":
            return datetime_text(raw)
        if self.words is not None:
            return self.words(raw)
        return str(raw)

    @property
    def alignment(self) -> Qt.AlignmentFlag:
        return _RIGHT if self.kind in ("money", "int") else _LEFT

    @cached_property
    def alignment_value(self) -> int:
        """`alignment` as the int a view asks for (computed once per column)."""
        return int(self.alignment)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of records with typed columns; replace the rows with `set_records`."""

    COLUMNS: Sequence[Column[Any]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[R] = []
        # The text of each cell shown so far, by (id of the record, column): formatting money and
        # times again on every paint was most of a table's repaint. Cleared whenever rows are replaced.
        self._display: dict[tuple[int, int], str] = {}

    # -- data ------------------------------------------------------------------------------

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._display.clear()
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != _DISPLAY and role != _ALIGNMENT:
            return None
        if orientation != _HORIZONTAL or not 0 <= section < len(self.COLUMNS):
            return None
        column = self.COLUMNS[section]
        if role == _DISPLAY:
            return tr(column.header)
        return column.alignment_value

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES:
            return None
        row, column_number = index.row(), index.column()  # -1 for an invalid index
        if not (0 <= row < len(self._records) and 0 <= column_number < len(self.COLUMNS)):
            return None
        record = self._records[row]
        column = self.COLUMNS[column_number]
        if role == _DISPLAY:
            key = (id(record), column_number)
            text = self._display.get(key)
            if text is None:
                text = self._display[key] = column.display(record)
            return text
        if role == SORT_ROLE:
            raw = column.value(record)
            # Sort keys of one type per column: None sorts with the empty string / zero.
            if raw is None:
                return 0 if column.kind in ("money", "int") else ""
            if isinstance(raw, datetime | date):
                return raw.isoformat()
            return raw
        if role == RECORD_ROLE:
            return record
        if role == _EXPORT:
            # CSV: amounts as numbers a spreadsheet sums ("-4800.50"); the rest as shown.
            raw = column.value(record) if column.kind == "money" else None
            return yuan_text(raw) if isinstance(raw, int) else None
        if role == _ALIGNMENT:
            return column.alignment_value
        if role == _FOREGROUND:
            return self.foreground(record, column)
        if role == _TOOLTIP:
            if column.tooltip is not None:
                return plain_tooltip(column.tooltip(record))  # notes, summaries: typed text, not HTML
            if column.kind == "money":
                raw = column.value(record)
                if isinstance(raw, int) and raw < 0:
                    return QCoreApplication.translate("WorkspaceModels", "Credit: reduces what the customer owes")
            return None
        return None

    def foreground(self, record: R, column: Column[Any]) -> QBrush | None:
        """Credits in green; subclasses add overdue colours."""
        if column.kind == "money":
            raw = column.value(record)
            if isinstance(raw, int) and raw < 0:
                return QBrush(credit_colour())
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _ROW_FLAGS


# -- bills -------------------------------------------------------------------------------------


class BillsModel(RecordTableModel[Any]):
    """An account's bills, newest first, as the API lists them."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Statement date"), lambda b: b.statement_date, "date"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Due date"), lambda b: b.due_date, "date"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Total"), lambda b: b.total_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Minimum"), lambda b: b.minimum_payment_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Paid"), lambda b: b.paid_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Outstanding"), lambda b: b.outstanding_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda b: b.status, words=chips.bill_status_text),
    )

    def foreground(self, record: Any, column: Column[Any]) -> QBrush | None:
        if column.header == "Status" and record.status == "overdue":
            return QBrush(overdue_colour())
        return super().foreground(record, column)


class BillLinesModel(RecordTableModel[Any]):
    """The lines of one bill, in line order; they sum to the bill's total."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Posted"), lambda line: line.posted_at, "datetime"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Type"), lambda line: line.type, words=labels.labeller(labels.TRANSACTION_TYPES)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Description"), transaction_description),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda line: line.amount_fen, "money"),
    )

    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self._records)


# -- installments ----------------------------------------------------------------------------


class PlansModel(RecordTableModel[Any]):
    """Installment plans of all the customer's accounts (a cash loan is a plan too)."""

    def __init__(self, account_numbers: dict[int, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._account_numbers = dict(account_numbers or {})
        numbers = self._account_numbers
        self.COLUMNS = (
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Account"), lambda p: numbers.get(p.account_id, str(p.account_id))),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Kind"), lambda p: p.kind, words=labels.labeller(labels.PLAN_KINDS)),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Description"), lambda p: p.description),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal"), lambda p: p.principal_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Fee / interest"), lambda p: p.fee_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Terms"), lambda p: p.terms, "int"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal left"), lambda p: p.remaining_principal_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda p: p.status, words=labels.labeller(labels.PLAN_STATUSES)),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Created"), lambda p: p.created_at, "datetime"),
        )

    def set_account_numbers(self, account_numbers: dict[int, str]) -> None:
        self._account_numbers.clear()
        self._account_numbers.update(account_numbers)
        self._display.clear()
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, 0))


class ScheduleModel(RecordTableModel[Any]):
    """The periods of one plan."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Period"), lambda p: p.period, "int"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Due date"), lambda p: p.due_date, "date"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal"), lambda p: p.principal_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Fee / interest"), lambda p: p.fee_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Total"), lambda p: p.total_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Paid"), lambda p: p.paid_fen, "money"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda p: p.status, words=labels.labeller(labels.PERIOD_STATUSES)),
    )


# -- notes -----------------------------------------------------------------------------------


class NotesModel(RecordTableModel[Any]):
    """Contact notes, newest first."""

    def __init__(self, account_numbers: dict[int, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._account_numbers = dict(account_numbers or {})
        numbers = self._account_numbers
        self.COLUMNS = (
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Written"), lambda n: n.created_at, "datetime"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "By"), lambda n: n.author_name),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Channel"), lambda n: n.channel, words=labels.labeller(labels.CHANNELS)),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Account"), lambda n: numbers.get(n.account_id, str(n.account_id))),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Note"), lambda n: n.body, tooltip=lambda n: n.body),
        )

    def set_account_numbers(self, account_numbers: dict[int, str]) -> None:
        self._account_numbers.clear()
        self._account_numbers.update(account_numbers)
        self._display.clear()

    def set_records(self, records: Sequence[Any]) -> None:
        super().set_records(sorted(records, key=lambda n: (n.created_at, n.id), reverse=True))

    def add_note(self, note: Any) -> None:
        """Put a note just written at the top (it is the newest), unless it is already shown."""
        if any(existing.id == note.id for existing in self._records):
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._records.insert(0, note)
        self.endInsertRows()


# -- transactions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TransactionQuery:
    """What the Transactions tab asks the server for; changing it re-queries from the first page."""

    account_id: int
    types: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None


# (query, cursor, limit) -> a console.models.Page of transactions; runs on a pool thread.
FetchPage = Callable[[TransactionQuery, str | None, int], Any]


class TransactionsModel(RecordTableModel[Any]):
    """Transactions, newest first, fetched a page at a time from the API's cursor.

    `fetchMore` never blocks: it starts one background task and returns; rows are appended
    with `beginInsertRows` when the page arrives. While a page is in flight `canFetchMore` is
    False, so a view scrolling fast asks for one page at a time. A new query (`set_query`)
    resets the model and drops the answer of any page still in flight for the old one.
    """

    PAGE_SIZE = 200  # the API's maximum `limit`

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Posted"), lambda t: t.posted_at, "datetime"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Type"), lambda t: t.type, words=labels.labeller(labels.TRANSACTION_TYPES)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Merchant"), lambda t: t.merchant),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Description"), transaction_description),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Amount"), lambda t: t.amount_fen, "money"),
        # Disputes and fraud reports on the transaction (the server's claims): a mark and, on
        # hover, each claim with its amount and case.
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Dispute / fraud"), claim_marker,
               tooltip=lambda t: claim_tooltip(t) or None),
    )
    CLAIM_COLUMN = 5

    page_loaded = Signal(int)  # rows added
    load_failed = Signal(object)  # the exception
    loading_changed = Signal(bool)

    def __init__(self, fetch_page: FetchPage, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._page_size = page_size
        self._query: TransactionQuery | None = None
        self._next_cursor: str | None = None
        self._exhausted = True
        self._task: Task[Any] | None = None
        self._last_error: BaseException | None = None

    # -- state -----------------------------------------------------------------------------

    @property
    def query(self) -> TransactionQuery | None:
        return self._query

    @property
    def page_size(self) -> int:
        """Rows asked for per page (the API allows up to 200)."""
        return self._page_size

    @page_size.setter
    def page_size(self, rows: int) -> None:
        self._page_size = max(1, min(200, rows))

    @property
    def is_loading(self) -> bool:
        return self._task is not None

    @property
    def has_more(self) -> bool:
        """True while the server has more rows for the query than are loaded."""
        return not self._exhausted

    @property
    def last_error(self) -> BaseException | None:
        return self._last_error

    def set_query(self, query: TransactionQuery) -> None:
        """Show `query`'s transactions: clear the rows and fetch the first page."""
        self._drop_task()
        self.beginResetModel()
        self._records = []
        self._display.clear()
        self._query = query
        self._next_cursor = None
        self._exhausted = False
        self._last_error = None
        self.endResetModel()
        self._start_fetch()

    def retry(self) -> None:
        """Fetch the page that failed again."""
        if self._query is not None and not self._exhausted and self._task is None:
            self._last_error = None
            self._start_fetch()

    def stop(self) -> None:
        """Drop any page in flight (the tab is closing)."""
        self._drop_task()

    # -- lazy loading ----------------------------------------------------------------------

    def canFetchMore(self, parent: ModelIndex) -> bool:
        if parent.isValid() or self._query is None:
            return False
        # A failed page waits for an explicit retry, or a view would hammer a broken server.
        return not self._exhausted and self._task is None and self._last_error is None

    def fetchMore(self, parent: ModelIndex) -> None:
        if self.canFetchMore(parent):
            self._start_fetch()

    def _start_fetch(self) -> None:
        query = self._query
        # One page in flight at a time: a view or the model tester may already have fetched from
        # inside set_query's reset, and a second request would run untracked and be thrown away.
        if query is None or self._task is not None:
            return
        cursor = self._next_cursor
        limit = self._page_size
        fetch = self._fetch_page
        task: Task[Any] = Task(lambda: fetch(query, cursor, limit), parent=self, label="transactions page")
        task.on_success(lambda page: self._page_arrived(task, query, page))
        task.on_failure(lambda exc: self._page_failed(task, exc))
        self._task = task
        self.loading_changed.emit(True)
        task.run()

    def _page_arrived(self, task: Task[Any], query: TransactionQuery, page: Any) -> None:
        if task is not self._task or query != self._query:
            return
        self._task = None
        items = list(page.items)
        self._next_cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        if items:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self._records.extend(items)
            self.endInsertRows()
        self.loading_changed.emit(False)
        self.page_loaded.emit(len(items))

    def _page_failed(self, task: Task[Any], exc: BaseException) -> None:
        if task is not self._task:
            return
        self._task = None
        self._last_error = exc
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    def _drop_task(self) -> None:
        if self._task is not None:
            self._task.discard()
            self._task = None
            self.loading_changed.emit(False)

    def foreground(self, record: Any, column: Column[Any]) -> QBrush | None:
        """A transaction disputes or fraud reports touch is marked in the warning colour."""
        if column is self.COLUMNS[self.CLAIM_COLUMN] and getattr(record, "claims", ()):
            return QBrush(tone_colour("warning"))
        return super().foreground(record, column)
