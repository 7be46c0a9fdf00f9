"""CSV export of any table (DESIGN.md §5 "CSV export of any table").

    rows = table_rows(model)                      # GUI thread: read what the model shows
    Task(lambda: write_csv(rows, path), parent=self).run()   # pool thread: the disk

`export_model_csv(model, path)` does both at once (tests, scripts). A cell's text is its
`DisplayRole`, unless the model answers `EXPORT_ROLE` for it with a machine value (amounts as
yuan with two decimals from int fen, ISO dates): what a spreadsheet can compute with. The file is
UTF-8 with a BOM, so Excel opens Chinese names right.

`export_view(view, parent=…)` is the "Export CSV…" action: it asks where to save (unless given a
path), reads the view's visible columns in the order the user sees them, and writes off the GUI
thread. `find_export_view(root)` picks the table an export is about: the one with focus, or the
largest visible table or tree under `root`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QMenu,
    QTableView,
    QTreeView,
    QWidget,
)

from console.formatting import to_business_time
from ui.icons import icon
from ui.tasks import Task

# The view property listing the columns a table hid for want of room (ui.widgets.tables.fit_columns).
NARROW_HIDDEN = "narrowHiddenColumns"

__all__ = [
    "EXPORT_ROLE",
    "NARROW_HIDDEN",
    "export_model_csv",
    "export_value",
    "export_view",
    "find_export_view",
    "install_header_export",
    "suggested_name",
    "table_rows",
    "write_csv",
    "yuan_text",
]

# A model answers this role with the machine value of a cell for CSV (see `export_value`).
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 64

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
# Spreadsheets run a cell starting with one of these as a formula; customers write descriptions.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def yuan_text(fen: int) -> str:
    """Int fen as plain yuan for a spreadsheet: "1234.50", "-12.30" (ASCII minus, no symbol)."""
    whole, cents = divmod(abs(fen), 100)
    return f"{'-' if fen < 0 else ''}{whole}.{cents:02d}"


def export_value(value: Any, *, money: bool = False) -> str:
    """A raw value as CSV wants it: int fen as yuan "1234.50" when `money`, dates in ISO."""
    if value is None:
        return ""
    if money and isinstance(value, int):
        return yuan_text(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _safe(text: str) -> str:
    """`text` that no spreadsheet will run as a formula (numbers stay numbers)."""
    if text.startswith(_FORMULA_STARTS) and not _NUMBER.match(text):
        return "'" + text
    return text


def _cell(model: QAbstractItemModel, index: QModelIndex) -> str:
    value = model.data(index, EXPORT_ROLE)
    if value is None:
        value = model.data(index, Qt.ItemDataRole.DisplayRole)
    if value is None:
        return ""
    return _safe(export_value(value))


def table_rows(model: QAbstractItemModel, columns: Sequence[int] | None = None) -> list[list[str]]:
    """The header row and every row the model has now (top level), as CSV texts. GUI thread."""
    chosen = list(columns) if columns is not None else list(range(model.columnCount()))
    header = [
        str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for column in chosen
    ]
    rows = [header]
    for row in range(model.rowCount()):
        rows.append([_cell(model, model.index(row, column)) for column in chosen])
    return rows


def write_csv(rows: Sequence[Sequence[str]], path: str | Path) -> int:
    """Write `rows` to `path` as UTF-8 CSV with a BOM; returns the data rows written (no header).
    Blocks on the disk: call it from a task."""
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerows(rows)
    return max(len(rows) - 1, 0)


def export_model_csv(model: QAbstractItemModel, path: str | Path) -> int:
    """Write what `model` shows to `path` as CSV (header from `headerData`); returns the rows written."""
    return write_csv(table_rows(model), path)


def _visible_columns(view: QAbstractItemView) -> list[int]:
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if isinstance(view, QTreeView):
        header = view.header()
    model = view.model()
    if header is None or model is None:
        return list(range(model.columnCount())) if model is not None else []
    # A column the table hid for want of room (a 1280 px screen) is still data to export.
    narrow = set(view.property(NARROW_HIDDEN) or ())
    visual = sorted(
        (header.visualIndex(column), column)
        for column in range(model.columnCount())
        if not header.isSectionHidden(column) or column in narrow
    )
    return [column for _position, column in visual]


def find_export_view(root: QWidget | None) -> QAbstractItemView | None:
    """The table to export: the table or tree with focus, else the largest visible one under `root`."""
    focused = QApplication.focusWidget()
    while focused is not None and not isinstance(focused, QTableView | QTreeView):
        focused = focused.parentWidget()
    if isinstance(focused, QTableView | QTreeView) and focused.isVisible():
        if root is None or root.isAncestorOf(focused) or focused is root:
            return focused
    if root is None:
        return None
    candidates: list[QAbstractItemView] = [
        view
        for view in root.findChildren(QAbstractItemView)
        if isinstance(view, QTableView | QTreeView) and not isinstance(view, QHeaderView) and view.isVisible()
    ]
    if isinstance(root, QTableView | QTreeView) and root.isVisible():
        candidates.append(root)
    if not candidates:
        return None
    return max(candidates, key=lambda view: view.width() * view.height())


def suggested_name(view: QAbstractItemView, *, now: datetime | None = None) -> str:
    """The file name offered for `view`'s export: its name and today's date, "transactions-2026-12-04.csv"."""
    name = view.property("exportName") or view.objectName() or QCoreApplication.translate("Export", "table")
    # The date the console shows (business time), not the machine's UTC date before 08:00.
    today = to_business_time(now or datetime.now(UTC)).date()
    return f"{name}-{today.isoformat()}.csv"


def export_view(
    view: QAbstractItemView,
    *,
    parent: QWidget,
    path: str | Path | None = None,
    done: Callable[[str, int], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> Task[int] | None:
    """Export the rows `view` shows (its visible columns, in the order shown) to a CSV file.

    Without `path` the user picks one (None back if they cancel). The file is written on a task
    owned by `parent`; `done(path, rows)` or `failed(exc)` follow on the GUI thread."""
    model = view.model()
    if model is None:
        return None
    if path is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("Export", "Export CSV"), suggested_name(view), QCoreApplication.translate("Export", "CSV files (*.csv)")
        )
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(".csv") else chosen + ".csv"
    target = str(path)
    rows = table_rows(model, _visible_columns(view))  # read on the GUI thread; write off it
    task: Task[int] = Task(lambda: write_csv(rows, target), parent=parent, label="export CSV")
    if done is not None:
        task.on_success(lambda count: done(target, count))
    if failed is not None:
        task.on_failure(failed)
    return task.run()


def show_header_menu(view: QAbstractItemView, global_pos: QPoint, *, parent: QWidget,
                     done: Callable[[str, int], None] | None = None,
                     failed: Callable[[BaseException], None] | None = None) -> None:
    """The header's right-click menu: "Export CSV…"."""
    menu = QMenu(parent)
    action = menu.addAction(icon("export"), QCoreApplication.translate("Export", "Export CSV…"))
    action.triggered.connect(lambda: export_view(view, parent=parent, done=done, failed=failed))
    menu.popup(global_pos)
    menu.aboutToHide.connect(menu.deleteLater)


def install_header_export(
    view: QTableView | QTreeView,
    *,
    done: Callable[[str, int], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> None:
    """Give the view's header a right-click menu with "Export CSV…"."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda pos: show_header_menu(view, header.mapToGlobal(pos), parent=view, done=done, failed=failed)
    )
