"""At 1280×800 (the agents' screens) nothing is cut off: no button narrower than its words or
partly hidden, no column title truncated or pushed off the table's right edge, and the window
keeps its width (it used to widen itself to 1296 px)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from tests.helpers.clipping import clipped
from ui import i18n, tasks, theme
from ui.cases.queue import CaseListView
from ui.main_window import MainWindow
from ui.supervisor.approvals import ApprovalsView

WAIT_MS = 20_000
OpenWindow = Callable[[str], MainWindow]


@pytest.fixture(autouse=True, params=[("light", i18n.ENGLISH), ("dark", i18n.CHINESE)], ids=["light-en", "dark-zh"])
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """As the console runs: the theme's font, padding and bold headers make everything wider;
    Chinese titles are narrower, which must not starve the columns of their amounts."""
    name, language = request.param
    font, palette = QFont(qapp.font()), QPalette(qapp.palette())
    theme.apply_theme(qapp, name)
    i18n.install_language(language)
    yield name
    i18n.install_language(i18n.ENGLISH)
    qapp.setStyleSheet("")
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def open_window(
    qtbot: QtBot, qt_settings: QSettings, api_client_as: Callable[[str], ApiClient]
) -> Iterator[OpenWindow]:
    made: list[MainWindow] = []

    def open_(username: str) -> MainWindow:
        client = api_client_as(username)
        assert client.user is not None
        window = MainWindow(client, client.user, settings=qt_settings, server_label="test server")
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.is_built, timeout=WAIT_MS)  # built over several turns
        made.append(window)
        return window

    yield open_
    for window in made:
        window.search_page.stop()
        for workspace in window.customer_tabs():
            workspace.close_workspace()
        window.close()


def assert_fits(window: MainWindow, where: str = "") -> None:
    # A text set in a task's callback re-lays its widgets on the next turn (a posted LayoutRequest):
    # measure what a person would see once those have run, not the frame in between.
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    problems = clipped(window)
    assert not problems, f"{where}\n" + "\n".join(problems)
    assert window.width() == 1280


def settled(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.active_tasks(), timeout=WAIT_MS)


def test_the_handlers_queue_and_case_page_fit(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("handler1")
    # A handler starts on the queues (it was Search, which a handler rarely needs).
    assert window.view_list.currentItem().data(Qt.ItemDataRole.UserRole) == "queues"
    queues = window.show_view("queues")
    assert isinstance(queues, CaseListView) and window.views.currentWidget() is queues
    qtbot.waitUntil(lambda: bool(queues.shown_cases()), timeout=WAIT_MS)
    settled(qtbot)
    assert_fits(window)

    # The most buttons: a dispute under investigation (seven actions for its handler).
    disputes = [c for c in queues.shown_cases() if c.type == "dispute" and c.is_open]
    case = next((c for c in disputes if c.status == "investigating"), disputes[0])
    page = window.open_case(case.id)
    qtbot.waitUntil(lambda: page.subject is not None and bool(page.action_buttons), timeout=WAIT_MS)
    settled(qtbot)
    assert_fits(window)


def test_the_approvals_inbox_fits(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("super1")
    assert window.view_list.currentItem().data(Qt.ItemDataRole.UserRole) == "queues"  # a supervisor's too
    approvals = window.show_view("approvals")
    assert isinstance(approvals, ApprovalsView)
    qtbot.waitUntil(lambda: bool(approvals.items()), timeout=WAIT_MS)
    approvals.select_case(approvals.items()[0].case.id)
    settled(qtbot)
    assert_fits(window)


def test_the_customer_installments_fit(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("agent1")
    workspace = window.open_customer(1, "")
    qtbot.waitUntil(lambda: workspace.profile is not None, timeout=WAIT_MS)
    for tab in ("overview", "bills", "installments", "transactions", "cases", "notes"):
        workspace.show_tab(tab)
        settled(qtbot)
        assert_fits(window, tab)
    assert window.width() == 1280
