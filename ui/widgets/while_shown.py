"""Timers that run only while a view is on screen (refresh every minute, countdowns ticking).

    self.refreshing = WhileShown(self, on_show=self.refresh)
    self.refresh_timer = self.refreshing.timer("refresh_timer", 60_000, self.refresh)

A view hidden behind another (a different side-list view, a customer tab) costs nothing: its
timers stop on hide and start again on show, when ``on_show`` brings it up to date at once.
``stop()`` (the window is closing) stops them for good.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class WhileShown(QObject):
    def __init__(self, view: QWidget, *, on_show: Callable[[], object] | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._on_show = on_show
        self._timers: list[QTimer] = []
        self._stopped = False
        view.installEventFilter(self)

    def timer(self, name: str, interval_ms: int, slot: Callable[[], object]) -> QTimer:
        """A repeating timer owned by the view that runs while it is shown."""
        timer = QTimer(self._view)
        timer.setObjectName(name)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        self._timers.append(timer)
        if self._view.isVisible() and not self._stopped:
            timer.start()
        return timer

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """Stop every timer for good (the view is closing)."""
        self._stopped = True
        for timer in self._timers:
            timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._view and not self._stopped:
            if event.type() == QEvent.Type.Show:
                if self._on_show is not None:
                    self._on_show()
                for timer in self._timers:
                    timer.start()
            elif event.type() == QEvent.Type.Hide:
                for timer in self._timers:
                    timer.stop()
        return False
