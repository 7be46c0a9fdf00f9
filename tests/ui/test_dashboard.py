"""The supervisor's dashboard against the real backend: the tiles and the charts show exactly
what GET /v1/cases/stats says, and the refresh timer lives only while the view is on screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.cases import case_stats
from tests.helpers.shots import review_shot
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
