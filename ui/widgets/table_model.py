"""A table model of typed records, for any table of the console.

`RecordTableModel` shows a list of records (the `console.*` dataclasses) through a list of
`Column`s: what to display, how to sort (`SORT_ROLE`, the raw value: fen, dates), and how to
align. Money columns are right-aligned and credits (negative amounts) are marked in a colour and
with a tooltip. `RECORD_ROLE` hands a row's whole record to whoever asks (menus, double-clicks).
Column headers are translated in the "WorkspaceModels" context, where they were first written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from console.formatting import format_date, format_datetime, format_fen
from ui.export import EXPORT_ROLE, yuan_text
from ui.widgets.plain_text import plain_tooltip
from ui.widgets.tones import tone_colour

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
