"""A table model that pages through an API's cursor (the transactions of an account, the audit
trail): `canFetchMore`/`fetchMore` start one background task and return; the page's rows are
appended with `beginInsertRows` when it arrives, so a list of 100,000 rows opens as fast as one
of ten.

While a page is in flight `canFetchMore` is False, so a view scrolling fast asks for one page at
a time. A new query (`set_query`) resets the model and drops the answer of any page still in
flight for the old one. A failed page waits for `retry` (a view would hammer a broken server).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Signal

from console.models import Page
from ui.tasks import Task
from ui.widgets.table_model import ModelIndex, RecordTableModel

__all__ = ["EXPORT_ROW_CAP", "CursorPagedModel"]

R = TypeVar("R")
Q = TypeVar("Q")

# Reading a whole list for an export stops here: a file a spreadsheet still opens.
EXPORT_ROW_CAP = 100_000
API_PAGE_MAX = 200  # the API's maximum `limit`


class CursorPagedModel(RecordTableModel[R], Generic[R, Q]):
    """Records of a query of type `Q`, fetched by `fetch_page(query, cursor, limit)` on a pool
    thread a page at a time. Subclasses give `COLUMNS` and the tasks' `TASK_LABEL`."""

    PAGE_SIZE = API_PAGE_MAX
    TASK_LABEL: ClassVar[str] = "page"

    page_loaded = Signal(int)  # rows added
    load_failed = Signal(object)  # the exception
    loading_changed = Signal(bool)
    all_loaded = Signal()  # `load_all` is done

    def __init__(self, fetch_page: Callable[[Q, str | None, int], Page[R]], *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._page_size = 1
        self.page_size = page_size
        self._query: Q | None = None
        self._next_cursor: str | None = None
        self._exhausted = True
        self._task: Task[Page[R]] | None = None
        self._last_error: BaseException | None = None
        self._load_all = False

    # -- state -----------------------------------------------------------------------------

    @property
    def query(self) -> Q | None:
        return self._query

    @property
    def page_size(self) -> int:
        """Rows asked for per page (the API allows up to 200)."""
        return self._page_size

    @page_size.setter
    def page_size(self, rows: int) -> None:
        self._page_size = max(1, min(API_PAGE_MAX, rows))

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

    def set_query(self, query: Q) -> None:
        """Show `query`'s records: clear the rows and fetch the first page."""
        self._drop_task()
        self.beginResetModel()
        self._records = []
        self._display.clear()
        self._query = query
        self._next_cursor = None
        self._exhausted = False
        self._last_error = None
        self._load_all = False
        self.endResetModel()
        self._start_fetch()

    def retry(self) -> None:
        """Fetch the page that failed again."""
        if self._query is not None and not self._exhausted and self._task is None:
            self._last_error = None
            self._start_fetch()

    def load_all(self) -> None:
        """Fetch every remaining page (up to `EXPORT_ROW_CAP` rows); `all_loaded()` when done."""
        self._load_all = True
        if self._exhausted or len(self._records) >= EXPORT_ROW_CAP:
            self._load_all = False
            self.all_loaded.emit()
        elif self._task is None:
            self._last_error = None
            self._start_fetch()

    def stop(self) -> None:
        """Drop any page in flight (the view is closing)."""
        self._load_all = False
        self._drop_task()

    # -- lazy loading ----------------------------------------------------------------------

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's signature
        if parent.isValid() or self._query is None:
            return False
        # A failed page waits for an explicit retry, or a view would hammer a broken server.
        return not self._exhausted and self._task is None and self._last_error is None

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802 - Qt's signature
        if self.canFetchMore(parent):
            self._start_fetch()

    def _start_fetch(self) -> None:
        query = self._query
        # One page in flight at a time: a view or the model tester may already have fetched from
        # inside set_query's reset, and a second request would run untracked and be thrown away.
        if query is None or self._task is not None:
            return
        cursor, limit, fetch = self._next_cursor, self._page_size, self._fetch_page
        task: Task[Page[R]] = Task(lambda: fetch(query, cursor, limit), parent=self, label=self.TASK_LABEL)
        task.on_success(lambda page: self._page_arrived(task, query, page))
        task.on_failure(lambda exc: self._page_failed(task, exc))
        self._task = task
        self.loading_changed.emit(True)
        task.run()

    def _page_arrived(self, task: Task[Page[R]], query: Any, page: Page[R]) -> None:
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
        if self._load_all:
            self.load_all()

    def _page_failed(self, task: Task[Page[R]], exc: BaseException) -> None:
        if task is not self._task:
            return
        self._task = None
        self._last_error = exc
        self._load_all = False
        self.loading_changed.emit(False)
        self.load_failed.emit(exc)

    def _drop_task(self) -> None:
        if self._task is not None:
            self._task.discard()
            self._task = None
            self.loading_changed.emit(False)
