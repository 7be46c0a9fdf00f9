"""Applying a changed style-sheet property (role, tone, emphasis, kind) to a widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget) -> None:
    """Re-match the style sheet for `widget` after one of its dynamic properties changed.

    A widget not polished yet is styled when it is first shown, with its properties as they are
    then; polishing it here as well would match the whole style sheet twice for nothing (that
    was most of the cost of building a customer workspace).
    """
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
