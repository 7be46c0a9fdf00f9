"""How much text a field takes, said before anyone presses the button: "120 / 2000 characters",
and over the limit what to do about it. Nothing is ever cut: the text stays as typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from ui.widgets.restyle import restyle


class LengthCounter(QLabel):
    """A caption under ``editor`` counting its characters (stripped, as the server counts them)
    against ``limit``; ``within_limit_changed(bool)`` when the text crosses the limit."""

    within_limit_changed = Signal(bool)

    def __init__(self, editor: QPlainTextEdit, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._limit = limit
        self._within = True
        self.setWordWrap(True)
        editor.textChanged.connect(self.update_count)
        self.update_count()

    @property
    def limit(self) -> int:
        return self._limit

    def length(self) -> int:
        return len(self._editor.toPlainText().strip())

    def is_within_limit(self) -> bool:
        return self.length() <= self._limit

    def update_count(self) -> None:
        length = self.length()
        within = length <= self._limit
        if within:
            self.setText(self.tr("%1 / %2 characters").replace("%1", str(length)).replace("%2", str(self._limit)))
        else:
            self.setText(self.tr("Too long: %1 characters, at most %2. Shorten it by %3 to go on.").replace(
                "%1", str(length)).replace("%2", str(self._limit)).replace("%3", str(length - self._limit)))
        role = "caption" if within else "error"
        if self.property("role") != role:
            self.setProperty("role", role)
            restyle(self)
        if within != self._within:
            self._within = within
            self.within_limit_changed.emit(within)
