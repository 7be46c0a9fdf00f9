"""Setting up a table view: sorting, selection, column widths that never cut a title (DESIGN.md §5).

`make_table` gives a `QTableView` the console's look and behaviour over a model (sorted through a
proxy on `SORT_ROLE`); `fit_columns` sizes its columns in characters and gives up width down to the
titles on a narrow screen (dropping the columns named in `drop` first); `source_row` and `view_row`
map rows between the view and its model.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.export import NARROW_HIDDEN
from ui.widgets.table_model import SORT_ROLE


def make_table(model: QAbstractItemModel, *, sortable: bool = True, parent: QWidget | None = None,
               stretch_column: int | None = None) -> QTableView:
    """A read-only, row-selecting table on `model`; sortable through a proxy on `SORT_ROLE`.

    Row heights are fixed (no per-row measuring), so a table of 100,000 rows scrolls freely.
    """
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        # No sort column until the user clicks a header: rows stay in the API's order.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_column is None)
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view

def source_row(view: QTableView, row: int) -> int:
    """The model row behind the view's row `row` (through the sorting proxy, if any)."""
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        return model.mapToSource(model.index(row, 0)).row()
    return row

def view_row(view: QTableView, source: int) -> int:
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        source_model = model.sourceModel()
        return model.mapFromSource(source_model.index(source, 0)).row()
    return source

def fit_columns(view: QTableView, widths: dict[int, int], *, drop: tuple[int, ...] = (),
                stretch_chars: int | None = None, drop_before_cutting: bool = False) -> None:
    """Column widths in characters of the view's font (not measured over the rows), never
    narrower than the column's title with its sort arrow (in every language).

    When the table is narrower than the columns want (1280×800 screens), the listed columns give
    up width in proportion to what they have beyond their titles, so that the stretching column
    keeps room for its title and for `stretch_chars` characters (default: ten, padding
    included), and nothing goes past the right edge.
    When even their titles do not fit, the columns in `drop` are hidden, first ones first, and
    shown again when there is room. With `drop_before_cutting`, they are hidden as soon as a text
    column would have to give up width: a column less beats columns one cannot read (issue 14:
    the approvals' "Hardship…", the queues' summary squeezed to "Dispute (Co…")."""
    previous = view.findChild(_ColumnFitter)
    if previous is not None:
        previous.setParent(None)
        previous.deleteLater()
    _ColumnFitter(view, dict(widths), drop, stretch_chars=stretch_chars, drop_before_cutting=drop_before_cutting)

class _ColumnFitter(QObject):
    """Shares a table's width between its fixed-width columns and its stretching one (see
    `fit_columns`), again whenever the table is resized."""

    # Measured again when these happen: the theme's font and padding arrive when the table is
    # polished, after it was built.
    _REFIT = frozenset({QEvent.Type.Resize, QEvent.Type.Polish, QEvent.Type.StyleChange, QEvent.Type.FontChange,
                        QEvent.Type.Show})

    def __init__(self, view: QTableView, chars: dict[int, int], drop: tuple[int, ...], *,
                 stretch_chars: int | None = None, drop_before_cutting: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._chars = chars
        self._drop = drop
        self._stretch_chars = stretch_chars
        self._drop_before_cutting = drop_before_cutting
        self._fitting = False
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)  # a scroll bar coming or going resizes only this
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self._REFIT and (watched is self._view or watched is self._view.viewport()):
            self.fit()
            if event.type() == QEvent.Type.Show:
                QTimer.singleShot(0, self, self.fit)  # once the layout has given the table its size
        return False

    def fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            header = self._view.horizontalHeader()
            for column in self._drop:  # show them all, then hide while the titles do not fit
                header.setSectionHidden(column, False)
            hidden: list[int] = []
            for column in self._drop:
                if self._share() >= 0:
                    break
                header.setSectionHidden(column, True)
                hidden.append(column)
            self._share()
            # Hidden for want of room, not by choice: an export still writes them (ui/export.py).
            self._view.setProperty(NARROW_HIDDEN, hidden)
        finally:
            self._fitting = False

    def _share(self) -> int:
        """Set the widths; returns the pixels to spare (negative: the titles alone do not fit)."""
        view, header = self._view, self._view.horizontalHeader()
        char = view.fontMetrics().horizontalAdvance("0")
        self._min_chars = 10 * char if self._stretch_chars is None else self._stretch_chars * char + 16  # + padding
        self._wanted = {c: max(n * char + 16, title_width(header, c)) for c, n in self._chars.items()}
        stretch = [c for c in range(header.count()) if not header.isSectionHidden(c)
                   and header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch]
        if not stretch and header.stretchLastSection():
            stretch = [header.count() - 1]
        shown = {c: w for c, w in self._wanted.items() if not header.isSectionHidden(c) and c not in stretch}
        floor = {c: title_width(header, c) for c in shown}
        # Columns neither listed nor stretching keep their width.
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if not header.isSectionHidden(c) and c not in shown and c not in stretch)
        room = (view.viewport().width() or view.width()) - 2  # rounding below
        stretch_need = sum(max(title_width(header, c), self._min_chars) for c in stretch)
        excess = sum(shown.values()) + others + stretch_need - room
        # Text columns give up width first (they elide and keep a tooltip); numbers, dates and
        # amounts only when that is not enough: "¥6,94…" is worse than a shorter name.
        model = header.model()
        numbers = {c for c in shown if model is not None and int(model.headerData(
            c, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) or 0) & int(Qt.AlignmentFlag.AlignRight)}
        widths = dict(shown)
        remaining = max(0, excess)
        short_of_text_room = 0
        for group in ([c for c in shown if c not in numbers], [c for c in shown if c in numbers]):
            slack = sum(widths[c] - floor[c] for c in group)
            share = min(1.0, remaining / slack) if remaining > 0 and slack > 0 else 0.0
            for column in group:
                cut = round((widths[column] - floor[column]) * share)
                widths[column] -= cut
                remaining -= cut
            if group and group[0] not in numbers:
                short_of_text_room = max(0, remaining)
        for column, width in widths.items():
            view.setColumnWidth(column, width)
        # Negative when the text columns alone cannot make room (or, with `drop_before_cutting`,
        # when they would have to give up any): the caller drops a column first.
        if self._drop_before_cutting and excess > 0:
            return -excess
        return -short_of_text_room if short_of_text_room > 0 else (-excess if excess < 0 else 0)

def title_width(header: QHeaderView, section: int) -> int:
    """The width `section`'s title needs, with the style's padding and room for a sort arrow."""
    return header.sectionSizeFromContents(section).width()
