"""ui.tasks: work off the GUI thread, outcomes on it, failures to one place, no late deliveries."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.errors import NotFound, Offline, Unauthorized
from ui import tasks
from ui.failures import failure_message, failure_report, is_known_failure
from ui.tasks import LatestOnly, Task
from ui.widgets import BusyIndicator, ErrorBanner


def gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_op_runs_off_the_gui_thread_and_success_comes_back_on_it(qtbot: QtBot) -> None:
    owner = QObject()
    seen: dict[str, Any] = {}

    def op() -> int:
        seen["op_thread"] = threading.current_thread()
        return 42

    def success(value: int) -> None:
        seen["value"] = value
        seen["callback_on_gui"] = QThread.currentThread() is gui_thread()

    task = Task(op, parent=owner).on_success(success)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.run()
    assert seen["value"] == 42
    assert seen["callback_on_gui"] is True
    assert seen["op_thread"] is not threading.main_thread()
    assert task.succeeded is True and task.result == 42
    assert tasks.active_tasks() == []


def test_failure_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    seen: list[tuple[BaseException, bool]] = []

    def op() -> None:
        raise NotFound(detail="No customer 999")

    task = Task(op, parent=owner).on_failure(lambda exc: seen.append((exc, QThread.currentThread() is gui_thread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.run()
    assert len(seen) == 1
    assert isinstance(seen[0][0], NotFound)
    assert seen[0][1] is True
    assert task.succeeded is False


def test_an_unhandled_failure_goes_to_the_one_handler(qtbot: QtBot) -> None:
    owner = QObject()
    received: list[tuple[BaseException, Task[Any]]] = []
    tasks.set_unhandled_failure_handler(lambda exc, task: received.append((exc, task)))

    def op() -> None:
        raise ValueError("a bug")

    task = Task(op, parent=owner, label="buggy")
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.run()
    assert [type(exc) for exc, _ in received] == [ValueError]
    assert received[0][1] is task


def test_a_failing_success_callback_is_a_bug_for_the_handler(qtbot: QtBot) -> None:
    owner = QObject()
    received: list[BaseException] = []
    tasks.set_unhandled_failure_handler(lambda exc, task: received.append(exc))

    def broken(_: int) -> None:
        raise KeyError("oops")

    task = Task(lambda: 1, parent=owner).on_success(broken)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.run()
    assert [type(exc) for exc in received] == [KeyError]


def test_a_discarded_task_drops_its_result(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    delivered: list[int] = []
    task = Task(lambda: release.wait(5) and 1, parent=owner).on_success(delivered.append)
    task.run()
    task.discard()
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert delivered == []
    assert task.is_discarded


def test_latest_only_keeps_the_newest_search(qtbot: QtBot) -> None:
    owner = QObject()
    latest = LatestOnly()
    first_may_end = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        first_may_end.wait(5)
        return "old query"

    first = latest.run(Task(slow, parent=owner).on_success(shown.append))
    second = latest.run(Task(lambda: "new query", parent=owner).on_success(shown.append))
    with qtbot.waitSignal(second.finished, timeout=5000):
        pass
    with qtbot.waitSignal(first.finished, timeout=5000):
        first_may_end.set()
    assert shown == ["new query"]


def test_a_result_after_the_parent_was_deleted_does_not_crash(qtbot: QtBot) -> None:
    widget = QWidget()
    release = threading.Event()
    called: list[int] = []
    task = Task(lambda: release.wait(5) and 7, parent=widget).on_success(lambda value: called.append(value))
    task.run()
    widget.deleteLater()
    with qtbot.waitSignal(widget.destroyed, timeout=5000):
        pass
    release.set()
    assert tasks.wait_for_pool(5000)
    qtbot.waitUntil(lambda: not tasks.active_tasks(), timeout=5000)
    assert called == []


def test_busy_indicator_counts_tasks(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    busy = BusyIndicator(owner)
    release = threading.Event()
    one = Task(lambda: release.wait(5), parent=owner).with_busy(busy)
    two = Task(lambda: release.wait(5), parent=owner).with_busy(busy)
    seen: list[bool] = []
    busy.busyChanged.connect(seen.append)
    one.run()
    two.run()
    assert busy.is_busy()
    with qtbot.waitSignals([one.finished, two.finished], timeout=5000):
        release.set()
    assert not busy.is_busy()
    assert seen == [True, False]


def test_session_expired_goes_to_reauthentication_and_the_rerun_succeeds(qtbot: QtBot) -> None:
    owner = QObject()
    attempts: list[int] = []
    results: list[str] = []

    def op() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise Unauthorized(code="token_expired")
        return "after re-login"

    asked: list[Task[Any]] = []

    def reauthenticate(task: Task[Any], exc: Unauthorized) -> None:
        asked.append(task)
        task.rerun()

    tasks.set_reauthentication_handler(reauthenticate)
    task = Task(op, parent=owner).on_success(results.append).on_failure(pytest.fail)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.run()
    assert asked == [task]
    assert results == ["after re-login"]
    assert len(attempts) == 2


def test_a_wrong_password_is_not_an_expired_session(qtbot: QtBot) -> None:
    owner = QObject()
    tasks.set_reauthentication_handler(lambda task, exc: pytest.fail("must not ask to log in again"))
    failures: list[BaseException] = []

    def op() -> None:
        raise Unauthorized(code="invalid_credentials")

    task = Task(op, parent=owner).on_failure(failures.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.run()
    assert isinstance(failures[0], Unauthorized)


def test_known_failures_are_sentences_and_bugs_get_a_report() -> None:
    offline = Offline("http://127.0.0.1:1/v1/customers", "refused")
    assert is_known_failure(offline)
    assert "Cannot reach the server" in failure_message(offline)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        bug = exc
    assert not is_known_failure(bug)
    assert "Something went wrong" in failure_message(bug)
    assert "Traceback" not in failure_message(bug)
    report = failure_report(bug, context="test")
    assert "ZeroDivisionError" in report and "Traceback" in report


def test_error_banner_shows_a_sentence_and_retries(qtbot: QtBot) -> None:
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show()
    retried: list[bool] = []
    banner.show_failure(Offline("http://x", "timeout"), retry=lambda: retried.append(True))
    assert "did not answer in time" in banner.text()
    assert banner.retry_button.isVisible()
    assert not banner.details_button.isVisible()
    with qtbot.waitSignal(banner.retryRequested, timeout=1000):
        banner.retry_button.click()
    assert retried == [True]
    assert not banner.isVisible()


def test_error_banner_shows_a_bug_without_its_traceback(qtbot: QtBot) -> None:
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.show_failure(RuntimeError("internal detail"))
    assert "Something went wrong" in banner.text()
    assert "internal detail" not in banner.text()
    assert banner.details_button.isVisible()
    assert "RuntimeError: internal detail" in banner.report()
    with qtbot.waitSignal(banner.dismissed, timeout=1000):
        banner.dismiss_button.click()
    assert banner.text() == ""


def test_a_banner_that_reports_success_has_no_warning_triangle(qtbot: QtBot) -> None:
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    banner.show()
    banner.show_message("12 rows exported to cases.csv", kind="info")
    assert banner.icon_name == "info"
    banner.show_failure(Offline("http://x", "timeout"))  # the same banner, now a failure
    assert banner.icon_name == "warning"
    banner.show_message("Careful", kind="warning")
    assert banner.icon_name == "warning"
