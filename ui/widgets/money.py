"""A label that shows an amount of money given in fen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from console.formatting import format_fen
from ui.widgets.restyle import restyle


class MoneyLabel(QLabel):
    """Shows an int amount of fen as money (``123456`` → ``¥1,234.56``), right-aligned, tabular.

    ``set_fen(None)`` shows an em dash. ``emphasis`` ("due", "danger", "good" or "") is a
    style-sheet property for amounts that need the eye (an overdue sum in red).
    """

    def __init__(self, fen: int | None = None, parent: QWidget | None = None, *, emphasis: str = "") -> None:
        super().__init__(parent)
        self.setProperty("money", True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._fen: int | None = None
        self.set_emphasis(emphasis)
        self.set_fen(fen)

    @property
    def fen(self) -> int | None:
        return self._fen

    def set_fen(self, fen: int | None) -> None:
        self._fen = fen
        self.setText("—" if fen is None else format_fen(fen))

    def set_emphasis(self, emphasis: str) -> None:
        self.setProperty("emphasis", emphasis)
        restyle(self)
