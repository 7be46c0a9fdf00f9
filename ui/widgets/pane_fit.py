"""A vertical splitter whose bottom pane is a list (a case's timeline) as tall as its rows need.

On a 1280×800 screen a fixed split gave a case's timeline of one event a third of the page, and
the details above it (the money events, an arrangement's schedule) were cut to less than a row.
`fit_bottom_pane(splitter, table)` gives the top pane what its content needs first, keeps the
bottom pane at least `min_rows` rows tall and at most as tall as `max_rows` rows (or its rows)
need, and the rest to the top; once the person drags the handle, their split stands.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView


def fit_bottom_pane(splitter: QSplitter, table: QTableView, *, min_rows: int = 2,
                    max_rows: int = 6) -> PaneFit:
    """Fit `splitter`'s last pane (which holds `table`) to `table`'s rows; see the module."""
    return PaneFit(splitter, table, min_rows=min_rows, max_rows=max_rows)


class PaneFit(QObject):
    def __init__(self, splitter: QSplitter, table: QTableView, *, min_rows: int, max_rows: int) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._table = table
        self._min_rows = min_rows
        self._max_rows = max_rows
        self.dragged = False  # the person chose a split: leave it
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)
        top = splitter.widget(0)
        content = top.widget() if isinstance(top, QScrollArea) else top
        if content is not None:
            content.installEventFilter(self)  # its layout changed: the details were rebuilt
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._later)

    def wanted_height(self, rows: int | None = None) -> int:
        """The bottom pane's height for `rows` rows (default: its rows, between `min_rows` and
        `max_rows`)."""
        table = self._table
        pane = self._splitter.widget(self._splitter.count() - 1)
        if rows is None:
            rows = max(self._min_rows, min(self._max_rows, table.model().rowCount()))
        # Everything around the rows (the pane's title and margins, the table's frame and header)
        # is what the pane has beyond its table's viewport.
        chrome = pane.height() - table.viewport().height()
        if pane.height() <= 0 or chrome <= 0:
            chrome = table.horizontalHeader().sizeHint().height() + 60
        return chrome + rows * table.verticalHeader().defaultSectionSize() + 2

    def top_height(self) -> int:
        """What the top pane's content needs (all of it, for a scroll area: nothing scrolled)."""
        top = self._splitter.widget(0)
        if isinstance(top, QScrollArea) and top.widget() is not None:
            return top.widget().sizeHint().height() + 2 * top.frameWidth()
        return top.sizeHint().height()

    def fit(self) -> None:
        if self.dragged or self._splitter.count() < 2:
            return
        total = sum(self._splitter.sizes())
        if total <= 0:
            return
        least = self.wanted_height(rows=self._min_rows)
        bottom = max(least, min(self.wanted_height(), total - self.top_height()))
        bottom = min(bottom, total // 2)  # the details come first
        if self._splitter.sizes()[-1] != bottom:
            self._splitter.setSizes([total - bottom, bottom])

    def _later(self) -> None:
        QTimer.singleShot(0, self, self.fit)  # once the new rows are laid out

    def _moved(self, _pos: int, _index: int) -> None:
        self.dragged = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self._splitter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show)) or (
            watched is not self._splitter and event.type() == QEvent.Type.LayoutRequest
        ):
            self._later()
        return False
