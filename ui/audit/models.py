"""Table models of the audit trail: records a page at a time from the API's cursor, and one
record's fields before → after."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Signal

from console.audit import AuditQuery, AuditRecord
from console.models import Page
from ui.roles import role_text
from ui.tasks import Task
from ui.widgets.table_model import Column, ModelIndex, RecordTableModel

__all__ = ["AuditChangesModel", "AuditRecordsModel", "change_summary", "value_text"]

# (query, cursor, limit) -> a page of records; runs on a pool thread.
FetchAuditPage = Callable[[AuditQuery, str | None, int], Page[AuditRecord]]
# Reading the whole trail for an export stops here: a file a spreadsheet still opens.
EXPORT_ROW_CAP = 100_000


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditModels", text)


def value_text(value: Any) -> str:
    """A field's value as the trail shows it: "—" for none, JSON for lists and objects."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return str(value)


def change_summary(record: AuditRecord) -> str:
    """Every changed field on one line: "role: agent → supervisor; active: true → false"."""
    parts = []
    for name, before, after in record.changes():
        if record.before is None:
            parts.append(f"{name}: {value_text(after)}")
        else:
            parts.append(f"{name}: {value_text(before)} → {value_text(after)}")
    return "; ".join(parts)


def actor_text(record: AuditRecord) -> str:
    return record.actor_name or (QCoreApplication.translate("AuditModels", "System") if record.actor_id is None else f"#{record.actor_id}")


class AuditRecordsModel(RecordTableModel[AuditRecord]):
    """The trail, newest first, fetched a page at a time (see `TransactionsModel`: `fetchMore`
    starts one background task; a new query resets the model and drops the old query's page)."""

    PAGE_SIZE = 200

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "When"), lambda r: r.at, "datetime"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Who"), actor_text),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Role"), lambda r: r.actor_role,
               words=lambda role: QCoreApplication.translate("AuditModels", "System") if role == "system" else role_text(role)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "What"), lambda r: r.action),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Entity"), lambda r: f"{r.entity_type} #{r.entity_id}"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Before → after"), change_summary, tooltip=change_summary),
    )

    page_loaded = Signal(int)
    load_failed = Signal(object)
    loading_changed = Signal(bool)
    all_loaded = Signal()

    def __init__(self, fetch_page: FetchAuditPage, *, page_size: int = PAGE_SIZE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self.page_size = page_size
        self._query: AuditQuery | None = None
        self._next_cursor: str | None = None
        self._exhausted = True
        self._task: Task[Page[AuditRecord]] | None = None
        self._last_error: BaseException | None = None
        self._load_all = False

    @property
    def query(self) -> AuditQuery | None:
        return self._query

    @property
    def is_loading(self) -> bool:
        return self._task is not None

    @property
    def has_more(self) -> bool:
        return not self._exhausted

    @property
    def last_error(self) -> BaseException | None:
        return self._last_error

    def set_query(self, query: AuditQuery) -> None:
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
        self._load_all = False
        self._drop_task()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid() or self._query is None:
            return False
        return not self._exhausted and self._task is None and self._last_error is None

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._start_fetch()

    def _start_fetch(self) -> None:
        query = self._query
        if query is None:
            return
        cursor, limit, fetch = self._next_cursor, self.page_size, self._fetch_page
        task: Task[Page[AuditRecord]] = Task(lambda: fetch(query, cursor, limit), parent=self, label="audit page")
        task.on_success(lambda page: self._page_arrived(task, query, page))
        task.on_failure(lambda exc: self._page_failed(task, exc))
        self._task = task
        self.loading_changed.emit(True)
        task.run()

    def _page_arrived(self, task: Task[Page[AuditRecord]], query: AuditQuery, page: Page[AuditRecord]) -> None:
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

    def _page_failed(self, task: Task[Page[AuditRecord]], exc: BaseException) -> None:
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


class FieldChange:
    """One row of a record's detail: a field, its value before and after."""

    def __init__(self, name: str, before: Any, after: Any) -> None:
        self.name, self.before, self.after = name, before, after


class AuditChangesModel(RecordTableModel[FieldChange]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Field"), lambda c: c.name),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Before"), lambda c: value_text(c.before)),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "After"), lambda c: value_text(c.after)),
    )

    def show_record(self, record: AuditRecord | None) -> None:
        self.set_records([] if record is None else [FieldChange(*change) for change in record.changes()])
