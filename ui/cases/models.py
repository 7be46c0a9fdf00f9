"""The case table: one row per `console.cases.Case`, with the SLA in words and colour and a
countdown that ticks without asking the server again.

`seconds_to_due` is what the server computed when it answered; the model remembers when that
was (`fetched_at`, a monotonic clock) and shows `seconds_to_due − elapsed`, re-computed by
`tick()` (the view calls it every 30 s). Sorting is client-side through `CaseFilterProxy` on
`SORT_ROLE` (numbers and ISO times, one type per column); the proxy also holds the text filter.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from console.cases import Case
from console.formatting import format_datetime, format_fen
from ui.casework.labels import (
    CASE_STATUS_TEXTS,
    CASE_TYPE_TEXTS,
    PRIORITY_TEXTS,
    SLA_STATE_TEXTS,
    SLA_TONES,
    countdown_text,
    text_of,
)
from ui.export import EXPORT_ROLE, export_value
from ui.widgets.plain_text import plain_tooltip
from ui.widgets.table_model import RECORD_ROLE, SORT_ROLE
from ui.widgets.tones import tone_colours
from ui.wording import case_summary

__all__ = ["CaseFilterProxy", "CaseTableModel", "Col"]

ModelIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "CaseTable"
# Sorts after every real deadline: cases without one (paused, closed) come last.
NO_DEADLINE = 2**62
PRIORITY_ORDER = {"high": 0, "normal": 1, "low": 2}

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)

def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Col:
    """One column: header (source text), the raw value for sorting, and its text."""

    key: str
    header: str
    sort: Callable[[Case, int], Any]
    text: Callable[[Case, int], str]
    align: int = _LEFT
    export: Callable[[Case, int], str] | None = None


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def _customer(case: Case) -> str:
    name = case.customer_name or QCoreApplication.translate("CaseTable", "Customer %1").replace("%1", str(case.customer_id))
    return f"{name} · {case.account_number or case.account_id}"


COLUMNS: tuple[Col, ...] = (
    Col("id", QT_TRANSLATE_NOOP("CaseTable", "Case"), lambda c, _s: c.id, lambda c, _s: str(c.id), _RIGHT),
    Col("type", QT_TRANSLATE_NOOP("CaseTable", "Type"), lambda c, _s: text_of(CASE_TYPE_TEXTS, c.type),
        lambda c, _s: text_of(CASE_TYPE_TEXTS, c.type)),
    Col("summary", QT_TRANSLATE_NOOP("CaseTable", "Summary"), lambda c, _s: case_summary(c), lambda c, _s: case_summary(c)),
    Col("customer", QT_TRANSLATE_NOOP("CaseTable", "Customer / account"),
        lambda c, _s: (c.customer_name, c.account_number), lambda c, _s: _customer(c)),
    Col("amount", QT_TRANSLATE_NOOP("CaseTable", "Amount"), lambda c, _s: c.amount_fen,
        lambda c, _s: format_fen(c.amount_fen), _RIGHT, lambda c, _s: export_value(c.amount_fen, money=True)),
    Col("status", QT_TRANSLATE_NOOP("CaseTable", "Status"), lambda c, _s: text_of(CASE_STATUS_TEXTS, c.status),
        lambda c, _s: text_of(CASE_STATUS_TEXTS, c.status)),
    Col("sla", QT_TRANSLATE_NOOP("CaseTable", "SLA"),
        lambda c, _s: ("breached", "at_risk", "on_track", "paused").index(c.sla_state)
        if c.sla_state in SLA_TONES else 9,
        lambda c, _s: text_of(SLA_STATE_TEXTS, c.sla_state), _CENTER, lambda c, _s: c.sla_state),
    Col("due_in", QT_TRANSLATE_NOOP("CaseTable", "Due in"), lambda c, s: s if s is not None else NO_DEADLINE,
        lambda c, s: countdown_text(s, c.sla_state), _RIGHT, lambda c, s: "" if s is None else str(s)),
    Col("due_at", QT_TRANSLATE_NOOP("CaseTable", "Due at"), lambda c, _s: _iso(c.due_at) or "~",
        lambda c, _s: format_datetime(c.due_at) if c.due_at else "", _LEFT, lambda c, _s: _iso(c.due_at)),
    Col("assignee", QT_TRANSLATE_NOOP("CaseTable", "Assignee"), lambda c, _s: c.assignee_name or "",
        lambda c, _s: c.assignee_name or QCoreApplication.translate("CaseTable", "Unassigned"), _LEFT, lambda c, _s: c.assignee_name or ""),
    Col("priority", QT_TRANSLATE_NOOP("CaseTable", "Priority"), lambda c, _s: PRIORITY_ORDER.get(c.priority, 9),
        lambda c, _s: text_of(PRIORITY_TEXTS, c.priority)),
    Col("opened", QT_TRANSLATE_NOOP("CaseTable", "Opened"), lambda c, _s: _iso(c.opened_at),
        lambda c, _s: format_datetime(c.opened_at), _LEFT, lambda c, _s: _iso(c.opened_at)),
)
COLUMN = {col.key: number for number, col in enumerate(COLUMNS)}


class CaseTableModel(QAbstractTableModel):
    """The cases of one answer of `GET /v1/cases`, with a live countdown."""

    def __init__(self, parent: QObject | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._cases: list[Case] = []
        self._clock = clock
        self._fetched_at = clock()
        self._elapsed = 0

    # -- rows ------------------------------------------------------------------------------

    def set_cases(self, cases: Sequence[Case], fetched_at: float | None = None) -> None:
        """Replace the rows; `fetched_at` is when the server answered (default: now)."""
        self.beginResetModel()
        self._cases = list(cases)
        self._fetched_at = self._clock() if fetched_at is None else fetched_at
        self._elapsed = max(0, int(self._clock() - self._fetched_at))
        self.endResetModel()

    def cases(self) -> list[Case]:
        return list(self._cases)

    def case(self, row: int) -> Case:
        return self._cases[row]

    def seconds_to_due(self, row: int) -> int | None:
        """What is left now of row `row`'s deadline, counting the time since the page was fetched."""
        seconds = self._cases[row].seconds_to_due
        return None if seconds is None else seconds - self._elapsed

    def tick(self) -> None:
        """Re-compute the countdowns (no request); the SLA and due-in cells repaint."""
        self._elapsed = max(0, int(self._clock() - self._fetched_at))
        if self._cases:
            first, last = COLUMN["due_in"], COLUMN["due_in"]
            self.dataChanged.emit(self.index(0, first), self.index(len(self._cases) - 1, last))

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return COLUMNS[section].align
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, number = index.row(), index.column()
        if not (index.isValid() and 0 <= row < len(self._cases) and 0 <= number < len(COLUMNS)):
            return None
        case, column = self._cases[row], COLUMNS[number]
        seconds = self.seconds_to_due(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(case, seconds)
        if role == SORT_ROLE:
            return column.sort(case, seconds)
        if role == EXPORT_ROLE:
            return column.export(case, seconds) if column.export is not None else column.text(case, seconds)
        if role == RECORD_ROLE:
            return case
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(case, column, seconds)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column.key == "sla" and case.is_open:
                return QBrush(tone_colours(SLA_TONES.get(case.sla_state, "neutral"))[1])
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        return None

    def _foreground(self, case: Case, column: Col, seconds: int | None) -> QBrush | None:
        if column.key == "sla":
            tone = SLA_TONES.get(case.sla_state, "neutral") if case.is_open else "muted"
            return QBrush(tone_colours(tone)[0])
        if column.key == "due_in":
            if case.sla_state == "paused" or not case.is_open:
                return QBrush(tone_colours("muted")[0])
            if seconds is not None and seconds < 0:
                return QBrush(tone_colours("danger")[0])
            if case.sla_state == "at_risk":
                return QBrush(tone_colours("warning")[0])
        if column.key == "assignee" and case.assignee_name is None:
            return QBrush(tone_colours("muted")[0])
        if column.key == "id" and case.priority == "high" and case.is_open:
            # Seen also when a narrow screen hides the Priority column (ui/cases/queue.py).
            return QBrush(tone_colours("warning")[0])
        if not case.is_open:
            return QBrush(tone_colours("muted")[0])
        return None

    def _tooltip(self, case: Case, column: Col) -> str | None:
        if column.key == "sla":
            if case.sla_state == "paused":
                return QCoreApplication.translate("CaseTable", "The clock is paused while the case waits for the customer.")
            if case.sla_state == "at_risk":
                return QCoreApplication.translate("CaseTable", "At risk: 80% or more of the time to the deadline is used.")
            if case.sla_state == "breached":
                return QCoreApplication.translate("CaseTable", "The deadline has passed.")
        if column.key == "summary":
            return plain_tooltip(case_summary(case))
        if column.key == "id":
            return QCoreApplication.translate("CaseTable", "Priority: %1").replace("%1", text_of(PRIORITY_TEXTS, case.priority))
        return None


class CaseFilterProxy(QSortFilterProxyModel):
    """Sorts on `SORT_ROLE`; keeps the rows whose summary, case id or customer/account match the text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._needle = ""

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            if hasattr(self, "beginFilterChange"):  # Qt 6.9+: invalidateFilter() is deprecated
                self.beginFilterChange()
                self._needle = needle
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                self._needle = needle
                self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        if not self._needle:
            return True
        model = self.sourceModel()
        if not isinstance(model, CaseTableModel):
            return True
        case = model.case(source_row)
        haystack = " ".join(
            (case_summary(case), str(case.id), str(case.customer_id), str(case.account_id), _customer(case))
        ).casefold()
        return self._needle in haystack

    def lessThan(self, left: ModelIndex, right: ModelIndex) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a == b:  # ties by deadline then id, so the order is stable
            model = self.sourceModel()
            if isinstance(model, CaseTableModel):
                sa, sb = model.seconds_to_due(left.row()), model.seconds_to_due(right.row())
                ka = (NO_DEADLINE if sa is None else sa, model.case(left.row()).id)
                kb = (NO_DEADLINE if sb is None else sb, model.case(right.row()).id)
                return ka < kb
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
