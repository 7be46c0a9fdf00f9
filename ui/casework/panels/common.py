"""What the subject panels share: a titled box of caption → value rows, and a small read-only table.

`PanelContext` is what a panel needs from the page that shows it: where to keep the value labels
and tables by key (tests read them), and how to name a user by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QTableView, QWidget

from ui.widgets.table_model import Column, RecordTableModel
from ui.widgets.tables import fit_columns, make_table

__all__ = ["DetailsBox", "PageTableModel", "PanelContext", "PersonName", "small_table"]

CONTEXT = "CasePage"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PersonName(Protocol):
    def __call__(self, user_id: int | None, *, action: str | None = None) -> str: ...


@dataclass(frozen=True)
class PanelContext:
    """`details`/`tables`: the page's value labels and tables by key; `person`: a user's name."""

    details: dict[str, QLabel]
    tables: dict[str, QTableView]
    person: PersonName


class PageTableModel(RecordTableModel[Any]):
    """A small read-only table of a panel; headers translated in the page's context."""

    def __init__(self, columns: Sequence[Column[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.COLUMNS = tuple(columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and value is not None:
            return _t(self.COLUMNS[section].header)
        return value

    def cell_text(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")

_KIND_WIDTHS = {"datetime": 17, "date": 11, "money": 14, "int": 8, "text": 26}


def small_table(columns: Sequence[Column[Any]], records: Sequence[Any], *, max_rows: int = 8) -> QTableView:
    model = PageTableModel(columns)
    model.set_records(records)
    view = make_table(model, sortable=False)
    model.setParent(view)
    view.horizontalHeader().setStretchLastSection(False)
    fit_columns(view, {i: _KIND_WIDTHS.get(column.kind, 20) for i, column in enumerate(columns)})
    rows = min(max(len(records), 1), max_rows)
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * rows + view.horizontalHeader().sizeHint().height() + 4)
    view.setMaximumHeight(view.minimumHeight() if len(records) <= max_rows else 16_777_215)
    return view


def _value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

class DetailsBox(QGroupBox):
    """A titled group of caption → value rows; the values are kept by key (`values`) for tests."""

    def __init__(self, title: str, values: dict[str, QLabel], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._values = values
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(4)

    def row(self, key: str, caption: str, text: str) -> QLabel:
        label = _value_label(text if text else "—")
        caption_label = QLabel(caption)
        caption_label.setProperty("role", "caption")
        self.form.addRow(caption_label, label)
        self._values[key] = label
        return label

    def widget_row(self, widget: QWidget) -> None:
        self.form.addRow(widget)
