"""Python's cyclic garbage collector, run on the GUI thread only.

The automatic collector runs on whichever thread happens to allocate when a threshold is
crossed: a pool thread waiting for the API, or the embedded backend's threads. If it frees a
cycle holding a Qt object there, the C++ object is destroyed off its thread and the process
can crash (we saw exactly that: a segfault "Garbage-collecting" on a backend thread). So the
console turns automatic collection off and collects from a timer on the GUI thread, by the
same generation thresholds the automatic collector uses (qutebrowser does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QThread, QTimer

INTERVAL_MS = 1000


class GuiThreadGarbageCollector(QObject):
    """Disable automatic collection; collect by generation every second on this (GUI) thread."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setObjectName("garbageCollector")
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        assert QThread.currentThread() is self.thread(), "start the collector on the GUI thread"
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer, collect once and give automatic collection back if it was on."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is crossed; returns what it freed."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        generation = -1
        for level in range(3):
            if counts[level] > thresholds[level]:
                generation = level
            else:
                break
        return gc.collect(generation) if generation >= 0 else 0
