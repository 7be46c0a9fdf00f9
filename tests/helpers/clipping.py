"""What a person would see cut off in a window: buttons narrower than their text or partly outside
their parents, and table headers narrower than their title or pushed past the table's right edge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QTableView,
    QWidget,
)


def _scrolls(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(root: QWidget) -> list[str]:
    """A sentence per clipped button or header section under `root` (shown widgets only)."""
    problems: list[str] = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text() or button.window() is not root.window():
            continue
        name = f"button {button.text()!r} in {type(button.parentWidget()).__name__}"
        if button.width() < button.minimumSizeHint().width():
            problems.append(f"{name}: {button.width()} px wide, needs {button.minimumSizeHint().width()}")
        if _scrolls(button, root):
            continue  # a panel that scrolls shows the rest when scrolled: that is not cut off
        shown = button.visibleRegion().boundingRect()
        if shown.width() < button.width() or shown.height() < button.height():
            problems.append(f"{name}: only {shown.width()}×{shown.height()} of {button.width()}×{button.height()} visible")
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisibleTo(root):
            continue
        model = header.model()
        if model is None:
            continue
        room = header.viewport().width()
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            title = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            needed = header.sectionSizeFromContents(section).width()
            size = header.sectionSize(section)
            if size < needed:
                problems.append(f"header {title!r}: {size} px wide, its title needs {needed}")
            align = int(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) or 0)
            if align & int(Qt.AlignmentFlag.AlignRight) and isinstance(header.parentWidget(), QAbstractItemView):
                # Numbers (amounts, counts) are never cut: "¥6,94…" misleads.
                view = header.parentWidget()
                metrics = view.fontMetrics()
                for row in range(min(model.rowCount(), 50)):
                    text = str(model.index(row, section).data(Qt.ItemDataRole.DisplayRole) or "")
                    if metrics.horizontalAdvance(text) + 8 > size:
                        problems.append(f"column {title!r}: {text!r} does not fit in {size} px")
                        break
            end = header.sectionPosition(section) + size
            if end > room + 1:
                problems.append(f"header {title!r}: ends at {end} px, the table shows {room}")
    return problems


# QTableView::item { padding: 4px 6px } in both theme sheets, plus the style's text margin
# (3 px a side): a cell's text is elided when it needs more than its column less this.
CELL_CHROME_PX = 18


def cut_cells(view: QAbstractItemView, *, titles: tuple[str, ...] | None = None, rows: int = 50) -> list[str]:
    """A sentence per shown column of `view` (only those titled in `titles`, when given) with a
    cell of the first `rows` whose text is elided ("HB000000…", "Purchas…"): the column is too
    narrow to read it."""
    problems: list[str] = []
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    model = view.model()
    if header is None or model is None:
        return problems
    metrics = view.fontMetrics()
    for section in range(header.count()):
        title = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        if header.isSectionHidden(section) or (titles is not None and title not in titles):
            continue
        size = header.sectionSize(section)
        for row in range(min(model.rowCount(), rows)):
            text = str(model.index(row, section).data(Qt.ItemDataRole.DisplayRole) or "")
            if metrics.horizontalAdvance(text) + CELL_CHROME_PX > size:
                problems.append(f"column {title!r}: {text!r} needs {metrics.horizontalAdvance(text)} px, "
                                f"has {size - CELL_CHROME_PX}")
                break
    return problems
