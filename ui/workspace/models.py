"""Table models of the customer workspace, on the console's table kit (`ui.widgets.table_model`).

`TransactionsModel` pages through the API's cursor with
`canFetchMore`/`fetchMore`: one page at a time, on a background task, rows appended with
`beginInsertRows`, so an account with 100,000 transactions opens as fast as one with ten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    Signal,
)
from PySide6.QtGui import QBrush

from ui.tasks import Task
from ui.widgets import chips
from ui.widgets.table_model import (
    Column,
    ModelIndex,
    RecordTableModel,
    overdue_colour,
)
from ui.widgets.tones import tone_colour
from ui.wording import claim_marker, claim_tooltip, transaction_description
from ui.workspace import labels


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
            # The account's number in the kind's tooltip too: the Account column is hidden when
            # the kind tells the account (one account of each product).
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Kind"), lambda p: p.kind, words=labels.labeller(labels.PLAN_KINDS),
                   tooltip=lambda p: numbers.get(p.account_id, str(p.account_id))),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Description"), lambda p: p.description),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal"), lambda p: p.principal_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Fee / interest"), lambda p: p.fee_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Terms"), lambda p: p.terms, "int"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Principal left"), lambda p: p.remaining_principal_fen, "money"),
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Status"), lambda p: p.status, words=labels.labeller(labels.PLAN_STATUSES)),
            # The day the plan began (its hour says nothing on a call, and it cost the others room).
            Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Created"), lambda p: p.created_at, "date"),
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
