"""A small spinner that shows while work runs in the background."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class BusyIndicator(QWidget):
    """A spinning arc, visible only while busy.

    ``start()`` and ``stop()`` are counted, so several tasks can share one indicator
    (``Task(...).with_busy(indicator)``): it spins until the last of them stops. The animation
    timer runs only while busy. ``busyChanged(bool)`` is emitted when it starts or stops.
    The space stays reserved when idle (no layout jump) unless ``keep_space=False``.
    """

    busyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, diameter: int = 18, keep_space: bool = True) -> None:
        super().__init__(parent)
        self._diameter = diameter
        self._count = 0
        self._angle = 0
        self._timer = QTimer(self)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._advance)
        policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(keep_space)
        self.setSizePolicy(policy)
        self.setAccessibleName(self.tr("Loading"))
        self.setToolTip(self.tr("Loading…"))
        self.setVisible(False)

    def sizeHint(self) -> QSize:
        return QSize(self._diameter, self._diameter)

    def start(self) -> None:
        """One more piece of work in progress."""
        self._count += 1
        if self._count == 1:
            self._timer.start()
            self.setVisible(True)
            self.busyChanged.emit(True)

    def stop(self) -> None:
        """One piece of work less; hides when none is left."""
        if self._count == 0:
            return
        self._count -= 1
        if self._count == 0:
            self._timer.stop()
            self.setVisible(False)
            self.busyChanged.emit(False)

    def reset(self) -> None:
        """Stop at once, whatever the count."""
        if self._count:
            self._count = 1
            self.stop()

    def is_busy(self) -> bool:
        return self._count > 0

    def _advance(self) -> None:
        self._angle = (self._angle + 30) % 360
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(2.0, self._diameter / 8)
        side = min(self.width(), self.height()) - width
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        track = self.palette().color(QPalette.ColorRole.Mid)
        track.setAlpha(90)
        painter.setPen(QPen(track, width))
        painter.drawEllipse(rect)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(rect, -self._angle * 16, 100 * 16)
