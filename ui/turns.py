"""Work split over several turns of the GUI thread's event loop, so that no turn is long.

Filling a customer workspace in one go held the GUI thread for 60–120 ms (building the widgets,
matching the style sheet, the first layout and paint, while the embedded backend's threads
wanted the interpreter too). Done step by step, each turn lasts a few milliseconds and the
console keeps answering keys, clicks and timers in between.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

# 1 ms, not 0: a 0 ms single shot is a posted event, and Qt (with the GLib event loop) delivers
# posted events ahead of timers that have just fired, so a chain of them starves every timer
# until it ends. Real timers take turns with the other timers and the paint events between them.
STEP_DELAY_MS = 1


class TurnByTurn(QObject):
    """Runs a list of steps, one per event-loop turn, on the thread it lives on (the GUI thread).

    `run(steps)` replaces whatever was still queued, `add(steps)` queues more, `stop()` drops
    it all. The timer is stopped when the last step has run.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setObjectName("nextStep")
        self._timer.setSingleShot(True)
        self._timer.setInterval(STEP_DELAY_MS)
        self._timer.timeout.connect(self._next)

    @property
    def is_running(self) -> bool:
        return bool(self._steps)

    def run(self, steps: Iterable[Callable[[], None]]) -> None:
        """Queue `steps` (dropping any still queued) and run the first one in the next turn."""
        self._steps = deque(steps)
        if self._steps:
            self._timer.start()
        else:
            self._timer.stop()

    def add(self, steps: Iterable[Callable[[], None]]) -> None:
        """Queue `steps` after those still queued (a step may add the ones that follow it)."""
        self._steps.extend(steps)
        if self._steps and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._steps.clear()
        self._timer.stop()

    def _next(self) -> None:
        if not self._steps:
            return
        step = self._steps.popleft()
        if self._steps:
            self._timer.start()  # started first: a step that fails does not stop the rest
        step()
