"""The supervisor's dashboard against the real backend: the tiles and the charts show exactly
what GET /v1/cases/stats says, and the refresh timer lives only while the view is on screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.cases import case_stats
from tests.helpers.shots import review_shot
from ui import i18n, tasks
from ui.cases.queue import CaseListView
from ui.main_window import MainWindow
from ui.supervisor.approvals import ApprovalsView
from ui.supervisor.dashboard import SLA_ORDER, DashboardView, statuses_in_order


def test_tiles_and_charts_equal_the_stats(qtbot: QtBot, api_client_as: Callable[[str], ApiClient]) -> None:
    client = api_client_as("super1")
    view = DashboardView(client)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    with qtbot.waitSignal(view.stats_loaded, timeout=10_000):
        view.show()
    assert view.refresh_timer.isActive()

    # The view drew what the API says: a read of our own right after gives the same counts.
    stats = view.stats
    assert stats is not None
    assert replace(case_stats(client), as_of=stats.as_of) == stats
    assert view.kpi_values() == {
        "open": stats.open_total,
        "at_risk": stats.by_sla_state.get("at_risk", 0),
        "breached": stats.by_sla_state.get("breached", 0),
        "approvals": stats.pending_approvals,
        "unassigned": sum(q.unassigned for q in stats.queues),
    }
    assert view.tiles["open"].value_label.text() == str(stats.open_total)
    for state in SLA_ORDER:
        assert view.queue_chart.values_of(state) == [getattr(q, state) for q in stats.queues]
    assert len(view.queue_chart.categories()) == len(stats.queues)
    statuses = statuses_in_order(stats.by_status)
    assert view.status_chart.values_of("cases") == [stats.by_status[s] for s in statuses]
    assert "Waiting for approval" in view.status_chart.categories()  # words, not pending_approval
    assert view.ageing_chart.values_of("cases") == [b.count for b in stats.ageing]
    assert view.updated_label.text().startswith("Updated ")

    # Refresh reads again and shows the server's numbers of that moment.
    with qtbot.waitSignal(view.stats_loaded, timeout=10_000):
        view.refresh_button.click()
    assert view.stats is not None and view.stats.as_of >= stats.as_of
    assert view.kpi_values()["open"] == view.stats.open_total

    QApplication.processEvents()  # the chart scene lays out its legend on the next event loop turn
    review_shot(view, "dashboard")
    view.close()
    assert not view.refresh_timer.isActive()


def test_the_timer_stops_when_hidden_and_resumes_when_shown(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient]
) -> None:
    view = DashboardView(api_client_as("super2"))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.stats_loaded, timeout=10_000):
        view.show()
    assert view.refresh_timer.isActive() and view.refresh_timer.interval() == 60_000
    view.hide()
    assert not view.refresh_timer.isActive()
    view.show()
    assert view.refresh_timer.isActive()
    with qtbot.waitSignal(view.stats_loaded, timeout=10_000):
        view.refresh_timer.timeout.emit()  # what the minute's tick does
    view.stop()
    assert not view.refresh_timer.isActive()


def test_each_tile_opens_the_list_it_counts(
    qtbot: QtBot, qt_settings: QSettings, api_client_as: Callable[[str], ApiClient]
) -> None:
    """Issue 14 item 16: the tiles were not clickable, and "Approvals waiting 5" stood beside 4
    in Approvals. A click opens the tile's list, and the list holds as many as the tile says."""
    i18n.install_language(i18n.ENGLISH)  # as the console runs: the plurals from creditdesk_en.qm
    client = api_client_as("super1")
    assert client.user is not None
    window = MainWindow(client, client.user, settings=qt_settings, server_label="test server")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.is_built, timeout=20_000)
    dashboard = window.show_view("dashboard")
    assert isinstance(dashboard, DashboardView)
    qtbot.waitUntil(lambda: dashboard.stats is not None, timeout=20_000)
    counts = dashboard.kpi_values()
    assert counts["approvals"] and counts["at_risk"] is not None
    # The tile says what its number is made of: arrangements (the approvals queue, the chart's
    # bar) and dispute outcomes (in the disputes queue); they add up to the tile.
    stats = dashboard.stats
    assert stats is not None
    in_queue = next(q.open for q in stats.queues if q.queue == "approvals")
    outcomes = counts["approvals"] - in_queue
    assert dashboard.tiles["approvals"].detail_label.text() == (
        f"{in_queue} arrangement{'s' if in_queue != 1 else ''} · "
        f"{outcomes} dispute outcome{'s' if outcomes != 1 else ''}")

    for key, sla, assignee in (("open", "", ""), ("at_risk", "at_risk", ""), ("breached", "breached", ""),
                               ("unassigned", "", "none")):
        window.show_view("dashboard")
        qtbot.mouseClick(dashboard.tiles[key], Qt.MouseButton.LeftButton)
        queues = window.views.currentWidget()
        assert isinstance(queues, CaseListView), key
        assert (queues.sla_filter.currentData(), queues.assignee_filter.currentData()) == (sla, assignee)
        assert (queues.status_filter.currentData(), queues.open_filter.currentData()) == ("", "open")
        qtbot.waitUntil(lambda: not tasks.active_tasks(), timeout=20_000)
        assert len(queues.shown_cases()) == counts[key], key

    window.show_view("dashboard")
    dashboard.tiles["approvals"].setFocus()
    qtbot.keyClick(dashboard.tiles["approvals"], Qt.Key.Key_Return)  # the keyboard opens it too
    approvals = window.views.currentWidget()
    assert isinstance(approvals, ApprovalsView)
    qtbot.waitUntil(lambda: bool(approvals.items()) and not tasks.active_tasks(), timeout=20_000)
    assert len(approvals.items()) == counts["approvals"]
    approvals.stop()
    window.close()


@pytest.mark.parametrize(("language", "expected"), [
    (i18n.ENGLISH, ["1 arrangement · 1 dispute outcome", "4 arrangements · 2 dispute outcomes"]),
    (i18n.CHINESE, ["1 项还款安排 · 1 项争议处理结果", "4 项还款安排 · 2 项争议处理结果"]),
])
def test_the_approvals_tile_says_its_parts_in_plurals(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], language: str, expected: list[str]
) -> None:
    """Issue 14: the tile read "4 arrangements · 1 dispute outcomes"; each part is a %n plural."""
    client = api_client_as("super1")
    view = DashboardView(client)  # not shown: it reads nothing, the stats are given
    qtbot.addWidget(view)
    base = case_stats(client)
    i18n.install_language(language)
    try:
        said = []
        for arrangements, outcomes in ((1, 1), (4, 2)):
            queues = tuple(replace(q, open=arrangements) if q.queue == "approvals" else q for q in base.queues)
            view._stats_arrived(replace(base, queues=queues, pending_approvals=arrangements + outcomes))
            said.append(view.tiles["approvals"].detail_label.text())
    finally:
        i18n.install_language(i18n.ENGLISH)
    assert said == expected


def test_the_charts_never_cut_their_category_words(api_client_as: Callable[[str], ApiClient]) -> None:
    """Found in the screenshots at 1280×800: QtCharts cut the ageing buckets to "15–3…" and
    "30 天…" with room to spare, and in Chinese every status down the side of the status chart to
    "…" (its own measure, not the room drawn: a geometric check passes on both). The category
    axes draw their words whole."""
    view = DashboardView(api_client_as("super1"))  # not shown: nothing is read
    try:
        assert [chart.category_axis.truncateLabels() for chart in
                (view.queue_chart, view.status_chart, view.ageing_chart)] == [False, False, False]
    finally:
        view.deleteLater()
