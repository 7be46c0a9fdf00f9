"""Cyclic garbage is collected on the GUI thread only (ui/garbage.py)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.garbage import GuiThreadGarbageCollector


class Cycle:
    """An object in a reference cycle; records the thread that finalizes it."""

    def __init__(self, seen: list[Any]) -> None:
        self.me = self
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(QThread.currentThread())


def test_a_cycle_made_on_a_worker_thread_is_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    collector = GuiThreadGarbageCollector(interval_ms=10)
    collector.start()
    try:
        assert not gc.isenabled()
        finalized: list[Any] = []

        def make_garbage() -> None:
            for _ in range(50):
                Cycle(finalized)
            # Plenty of live allocation on this thread: the automatic collector would run here.
            kept = [[i] for i in range(20_000)]
            assert finalized == [], "collected on the worker thread"
            del kept

        worker = threading.Thread(target=make_garbage)
        worker.start()
        worker.join()
        assert finalized == []  # nothing collected on the worker thread
        # Live containers over the generation-0 threshold, so the next tick collects.
        alive = [[i] for i in range(gc.get_threshold()[0] * 2)]
        qtbot.waitUntil(lambda: len(finalized) == 50, timeout=5000)
        del alive
        gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
        assert all(thread is gui_thread for thread in finalized)
    finally:
        collector.stop()
    assert not gc.isenabled()  # the package fixture turned it off; stop() restores that state
