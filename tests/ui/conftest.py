"""Fixtures for the console's UI tests (pytest-qt, headless; the root conftest sets offscreen).

- Every test fails if it leaves a background task unfinished or one of our QTimers running:
  a test must wait for what it started (``qtbot.waitSignal(task.finished)``), not sleep.
- ``qt_settings``: a QSettings on an ini file in the test's tmp_path (never the user's settings);
  ``QSettings()`` without arguments also lands in tmp_path.
- The task handlers (unhandled failure, re-authentication) are restored after each test.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import tasks
from ui.garbage import GuiThreadGarbageCollector

# The offscreen platform cannot resize native windows to their size hints and says so whenever a
# top-level widget's layout changes its minimum size, nor raise a window: noise about the test
# platform, not a bug.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def _our_running_timers() -> list[str]:
    """Active QTimers owned by our own classes (Qt's internal timers are not ours to judge)."""
    found: list[str] = []
    app = QApplication.instance()
    if app is None:
        return found
    roots: list[QObject] = [*QApplication.topLevelWidgets(), app]
    for root in roots:
        if not shiboken6.isValid(root):
            continue
        for timer in root.findChildren(QTimer):
            parent = timer.parent()
            if timer.isActive() and parent is not None and type(parent).__module__.startswith("ui."):
                found.append(f"{type(parent).__qualname__}.{timer.objectName() or 'QTimer'}")
    return found


@pytest.fixture(autouse=True, scope="package")
def gui_thread_garbage_collection(qapp: QApplication) -> Iterator[None]:
    """As in the console (ui/garbage.py): cyclic garbage is collected on the GUI thread only, never
    on a pool or backend thread that happens to allocate (that crashed a run with a segfault)."""
    collector = GuiThreadGarbageCollector()  # no parent: the timer check below is for tests' timers
    collector.start()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def task_hygiene(qtbot: QtBot) -> Iterator[None]:
    """Fail a test that leaves a task or one of our timers running; restore the task handlers."""
    unhandled = tasks.unhandled_failure_handler()
    tasks.set_reauthentication_handler(None)
    yield
    try:
        leftover = [task.label for task in tasks.active_tasks()]
        timers = _our_running_timers()
    finally:
        # Clean up whatever the outcome, so one bad test does not break the next ones.
        tasks.wait_for_pool(30_000)
        QCoreApplication.processEvents()
        tasks._active.clear()
        gc.collect()  # here, on the GUI thread, between tests
        tasks.set_unhandled_failure_handler(unhandled)
        tasks.set_reauthentication_handler(None)
    if leftover:
        pytest.fail(f"the test left tasks running: {leftover}")
    if timers:
        pytest.fail(f"the test left timers running: {timers}")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """Default-constructed QSettings write under tmp_path, in ini format."""
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    try:
        yield
    finally:
        QSettings.setDefaultFormat(previous)


@pytest.fixture
def qt_settings(tmp_path: Path) -> QSettings:
    """Settings for the widget under test, in an ini file of the test's own."""
    return QSettings(str(tmp_path / "creditdesk.ini"), QSettings.Format.IniFormat)
