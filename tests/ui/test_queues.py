"""My cases and Queues against the real backend: SLA words and colours as the API says, filters
compared with the API's answer, sort by deadline, take-next, bulk-assign, what each role sees,
and the main window's case views and case tabs.

Cases this module files are on customers 24–28 (C1's); take-next takes a demo case and the test
gives it back to the queue afterwards.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.cases import CaseQuery, assign_case, get_case, list_cases
from console.errors import ApiError, NotFound
from tests.helpers.shots import review_shot
from ui.cases.assign import AssignDialog
from ui.cases.models import COLUMN, CaseTableModel
from ui.cases.queue import CaseListView
from ui.casework.labels import SLA_STATE_TEXTS, SLA_TONES, text_of
from ui.main_window import MainWindow
from ui.widgets.table_model import RECORD_ROLE
from ui.widgets.tones import tone_colours

MY_CUSTOMERS = (24, 25, 26, 27, 28)
WAIT = 20_000


def api_cases(client: ApiClient, query: CaseQuery) -> list[Any]:
    items: list[Any] = []
    cursor = None
    while True:
        page = list_cases(client, query, limit=200, cursor=cursor)
        items.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            return items


def file_dispute(client: ApiClient, customer_id: int) -> int:
    """File a dispute (as `client`) on one of the customer's purchases no case holds yet; its case id."""
    customer = client.get_json(f"/v1/customers/{customer_id}", params={"include": "accounts"})
    for account in customer["accounts"]:
        if account["product"] != "credit_line" or account["status"] != "active":
            continue
        page = client.get_json(f"/v1/accounts/{account['id']}/transactions", params={"type": "purchase", "limit": 100})
        for txn in page["items"]:
            body = {
                "transaction_id": txn["id"],
                "category": "consumer_dispute",
                "reason": "not_received",
                "disputed_amount_fen": txn["amount_fen"],
                "description": "The parcel never came. 包裹没有收到。",
            }
            try:
                created = client.post_json("/v1/disputes", body)
            except ApiError:  # already disputed (409) or not disputable: the next one
                continue
            return int(created["case_id"])
    raise AssertionError(f"no purchase of customer {customer_id} could be disputed")


@pytest.fixture
def make_view(qtbot: QtBot, api_client_as: Callable[[str], ApiClient]) -> Iterator[Callable[..., CaseListView]]:
    views: list[CaseListView] = []

    def make(username: str, mode: str) -> CaseListView:
        client = api_client_as(username)
        assert client.user is not None
        view = CaseListView(client, user=client.user, mode=mode)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        with qtbot.waitSignal(view.loaded, timeout=WAIT):
            view.show()
        views.append(view)
        return view

    yield make
    for view in views:
        view.close_view()
        if view.assign_dialog is not None:
            view.assign_dialog.reject()


def refreshed(qtbot: QtBot, view: CaseListView, change: Callable[[], Any] | None = None) -> None:
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        if change is None:
            view.refresh()
        else:
            change()


def column(view: CaseListView, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    return [view.proxy.index(row, COLUMN[key]).data(role) for row in range(view.proxy.rowCount())]


def test_the_queue_shows_sla_words_and_colours_as_the_api_says(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    view = make_view("super1", "queues")
    review_shot(view, "queues_super1")
    api = {case.id: case for case in api_cases(api_client_as("super1"), CaseQuery(open=True))}

    shown = view.shown_cases()
    assert shown, "the demo caseload has open cases"
    assert {case.id for case in shown} == set(api)
    states = set()
    for row, case in enumerate(shown):
        index = view.proxy.index(row, COLUMN["sla"])
        expected = api[case.id].sla_state
        states.add(expected)
        assert index.data() == text_of(SLA_STATE_TEXTS, expected)
        assert index.data(Qt.ItemDataRole.BackgroundRole).color() == tone_colours(SLA_TONES[expected])[1]
        assert index.data(Qt.ItemDataRole.ForegroundRole).color() == tone_colours(SLA_TONES[expected])[0]
        assert "_" not in view.proxy.index(row, COLUMN["status"]).data()
    assert len(states) >= 2, states
    at_risk = sum(1 for c in api.values() if c.sla_state == "at_risk")
    breached = sum(1 for c in api.values() if c.sla_state == "breached")
    assert view.count_label.text().startswith(f"{len(api)} cases · {at_risk} at risk · {breached} breached")


def test_queue_filter_fraud_shows_what_the_api_answers_for_fraud(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    view = make_view("handler1", "queues")

    refreshed(qtbot, view, lambda: view.set_filter(view.queue_filter, "fraud"))

    expected = api_cases(api_client_as("handler1"), CaseQuery(queue="fraud", open=True))
    assert expected
    assert sorted(case.id for case in view.shown_cases()) == sorted(case.id for case in expected)
    assert set(column(view, "type")) == {"Fraud report"}

    refreshed(qtbot, view, lambda: view.set_filter(view.sla_filter, "breached"))
    breached = api_cases(api_client_as("handler1"), CaseQuery(queue="fraud", sla_state="breached", open=True))
    assert sorted(case.id for case in view.shown_cases()) == sorted(case.id for case in breached)


def test_sorted_by_deadline_soonest_first_and_by_any_header(
    qtbot: QtBot, make_view: Callable[..., CaseListView]
) -> None:
    view = make_view("super1", "queues")

    seconds = [view.model.seconds_to_due(view.proxy.mapToSource(view.proxy.index(r, 0)).row())
               for r in range(view.proxy.rowCount())]
    with_deadline = [s for s in seconds if s is not None]
    assert with_deadline == sorted(with_deadline)
    assert seconds[: len(with_deadline)] == with_deadline  # no deadline (paused) last

    view.table.horizontalHeader().setSortIndicator(COLUMN["amount"], Qt.SortOrder.DescendingOrder)
    amounts = [case.amount_fen for case in view.shown_cases()]
    assert amounts == sorted(amounts, reverse=True)
    assert column(view, "amount")[0].startswith("¥")


def test_the_text_filter_narrows_to_a_customer(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    agent = api_client_as("agent1")
    case_id = file_dispute(agent, 26)
    name = agent.get_customer(26, include=()).name
    view = make_view("agent1", "mine")
    assert case_id in {case.id for case in view.shown_cases()}
    assert all(case.customer_name for case in view.shown_cases())  # cases carry the customer's name

    view.search.setText(name)

    assert view.shown_cases()
    assert {case.customer_id for case in view.shown_cases()} == {26}
    assert view.count_label.text().startswith(f"{len(view.shown_cases())} case")


def test_take_next_as_handler_takes_the_case_due_first_and_opens_it(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    supervisor = api_client_as("super1")
    view = make_view("handler1", "queues")
    refreshed(qtbot, view, lambda: view.set_filter(view.queue_filter, "disputes"))
    waiting = [
        case
        for case in api_cases(supervisor, CaseQuery(queue="disputes", assignee="none", open=True))
        if case.due_at is not None
    ]
    assert waiting, "the demo caseload has unassigned disputes"
    expected = min(waiting, key=lambda case: (case.due_at, case.id))
    assert view.take_next_button.isVisible() and not view.assign_button.isVisible()

    with qtbot.waitSignal(view.case_requested, timeout=WAIT) as opened:
        view.take_next_button.click()
    try:
        assert opened.args == [expected.id]
        taken, _etag = get_case(supervisor, expected.id)
        assert taken.assignee_id == view.user.id
        assert taken.timeline[-1].action == "taken"
        qtbot.waitUntil(lambda: not view.load_task or not view.load_task.is_running, timeout=WAIT)
    finally:
        detail, etag = get_case(supervisor, expected.id)
        assign_case(supervisor, expected.id, None, etag=etag, note="test: back to the queue")


def test_take_next_on_an_empty_queue_says_so_plainly(
    qtbot: QtBot, make_view: Callable[..., CaseListView]
) -> None:
    view = make_view("handler1", "queues")
    refreshed(qtbot, view, lambda: view.set_filter(view.queue_filter, "fraud"))

    # What the server answers when nothing waits (backend/cases/queues.QueueEmpty).
    view._take_failed(NotFound(404, code="queue_empty", detail="No open unassigned case waits."), "fraud")

    assert view.banner.text() == "Nothing to take: no unassigned case is waiting in Fraud."
    assert view.take_next_button.isEnabled()


def test_bulk_assign_as_supervisor_assigns_two_cases_to_the_handler(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    agent = api_client_as("agent1")
    first, second = file_dispute(agent, 24), file_dispute(agent, 25)
    supervisor = api_client_as("super1")
    handler_id = api_client_as("handler1").user.id  # type: ignore[union-attr]
    view = make_view("super1", "queues")
    assert view.take_next_button.isVisible() and view.assign_button.isVisible()

    selection = view.table.selectionModel()
    for row, case in enumerate(view.shown_cases()):
        if case.id in (first, second):
            selection.select(
                view.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    assert sorted(view.selected_case_ids()) == sorted([first, second])
    assert view.assign_button.isEnabled()
    dialog = view.assign_selected()
    assert isinstance(dialog, AssignDialog)
    qtbot.waitUntil(lambda: handler_id in dialog.assignee_ids(), timeout=WAIT)
    assert None in dialog.assignee_ids()
    assert any("open" in dialog.people.item(r).text() for r in range(dialog.people.count()))
    assert dialog.choose(handler_id)
    dialog.note.setPlainText("Knows this merchant")

    with qtbot.waitSignal(view.loaded, timeout=WAIT), qtbot.waitSignal(view.assigned, timeout=WAIT):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    for case_id in (first, second):
        detail, _etag = get_case(supervisor, case_id)
        assert detail.assignee_id == handler_id
        assert detail.timeline[-1].action == "assigned"
        assert detail.timeline[-1].note == "Knows this merchant"
    shown = {case.id: case for case in view.shown_cases()}
    assert shown[first].assignee_id == handler_id
    assert "2 case(s) reassigned" in view.banner.text()


def test_a_refused_assignment_keeps_the_dialog_open_with_the_sentence(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    view = make_view("super1", "queues")
    agent_id = api_client_as("agent1").user.id  # type: ignore[union-attr]
    case_id = file_dispute(api_client_as("agent1"), 28)
    refreshed(qtbot, view)
    case = next(c for c in view.shown_cases() if c.id == case_id)
    dialog = view.assign_cases([case])
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.people.count() > 1, timeout=WAIT)
    # An agent is never offered; force one to see the server's refusal reach the user.
    item = QListWidgetItem("agent1")
    item.setData(Qt.ItemDataRole.UserRole, agent_id)
    dialog.people.addItem(item)
    dialog.people.setCurrentItem(item)
    dialog.note.setPlainText("keep me")
    dialog.submit()
    assert dialog.assign_task is not None
    with qtbot.waitSignal(dialog.assign_task.finished, timeout=WAIT):
        pass

    assert dialog.isVisible()
    assert dialog.banner.text()
    assert dialog.note.toPlainText() == "keep me"
    detail, _etag = get_case(api_client_as("super1"), case.id)
    assert detail.assignee_id == case.assignee_id


def test_an_agent_sees_their_cases_without_take_next_or_assign(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    case_id = file_dispute(api_client_as("agent1"), 27)
    view = make_view("agent1", "mine")

    assert not view.take_next_button.isVisible()
    assert not view.assign_button.isVisible()
    assert not view.queue_filter.isVisible()
    assert case_id in {case.id for case in view.shown_cases()}
    assert view.take_next() is None
    review_shot(view, "my_cases_agent1")

    with qtbot.waitSignal(view.case_requested, timeout=WAIT) as opened:
        row = next(r for r, c in enumerate(view.shown_cases()) if c.id == case_id)
        view.table.setCurrentIndex(view.proxy.index(row, 0))
        view.table.activated.emit(view.proxy.index(row, 0))
    assert opened.args == [case_id]


def test_my_cases_of_a_handler_are_the_ones_they_hold(
    qtbot: QtBot, make_view: Callable[..., CaseListView], api_client_as: Callable[[str], ApiClient]
) -> None:
    view = make_view("handler1", "mine")
    held = api_cases(api_client_as("handler1"), CaseQuery(assignee="me", open=True))

    assert not view.assignee_filter.isVisible()
    assert sorted(case.id for case in view.shown_cases()) == sorted(case.id for case in held)
    assert all(case.assignee_id == view.user.id for case in view.shown_cases())


def test_the_countdown_ticks_without_a_request(qtbot: QtBot, api_client_as: Callable[[str], ApiClient]) -> None:
    now = [1000.0]
    client = api_client_as("super1")
    cases = [c for c in api_cases(client, CaseQuery(open=True)) if c.seconds_to_due is not None][:3]
    assert cases
    model = CaseTableModel(clock=lambda: now[0])
    model.set_cases(cases, fetched_at=1000.0)
    before = model.seconds_to_due(0)
    now[0] += 3600
    with qtbot.waitSignal(model.dataChanged):
        model.tick()
    assert model.seconds_to_due(0) == (before or 0) - 3600
    assert model.index(0, COLUMN["due_in"]).data(RECORD_ROLE) is cases[0]


def test_the_case_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, make_view: Callable[..., CaseListView]
) -> None:
    view = make_view("super1", "queues")
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)


def test_export_writes_the_rows_shown_with_money_in_yuan(
    qtbot: QtBot, make_view: Callable[..., CaseListView], tmp_path: Path
) -> None:
    view = make_view("super1", "queues")
    target = tmp_path / "queue.csv"

    task = view.export_csv(str(target))
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][: 3] == ["Case", "Type", "Summary"]
    # Every column, also those the table hides for want of room at 1280 px (Type, SLA…).
    assert view.table.horizontalHeader().isSectionHidden(COLUMN["type"])
    assert len(rows[0]) == view.model.columnCount()
    shown = view.shown_cases()
    assert [int(row[0]) for row in rows[1:]] == [case.id for case in shown]
    amount = rows[0].index("Amount")
    for row, case in zip(rows[1:], shown, strict=True):
        assert row[amount] == f"{case.amount_fen // 100}.{case.amount_fen % 100:02d}"
    assert "exported" in view.banner.text()


# -- the main window -------------------------------------------------------------------------


@pytest.fixture
def make_window(
    qtbot: QtBot, qt_settings: QSettings, api_client_as: Callable[[str], ApiClient]
) -> Iterator[Callable[[str], MainWindow]]:
    windows: list[MainWindow] = []

    def make(username: str) -> MainWindow:
        client = api_client_as(username)
        assert client.user is not None
        window = MainWindow(client, client.user, settings=qt_settings, server_label="test")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def _views(window: MainWindow) -> list[str]:
    return [str(window.view_list.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(window.view_list.count())]


def test_each_role_gets_its_case_views(qtbot: QtBot, make_window: Callable[[str], MainWindow]) -> None:
    agent = make_window("agent1")
    assert "my_cases" in _views(agent) and "queues" not in _views(agent)
    mine = agent.view_page("my_cases")
    assert isinstance(mine, CaseListView) and mine.mode == "mine"
    assert agent.view_page("queues") is None

    handler = make_window("handler1")
    queues = handler.view_page("queues")
    assert isinstance(queues, CaseListView) and queues.mode == "queues"
    assert isinstance(handler.view_page("my_cases"), CaseListView)


def test_opening_a_case_from_the_queue_adds_a_case_tab_once(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("super1")
    page = window.show_view("queues")
    assert isinstance(page, CaseListView)
    qtbot.waitUntil(lambda: bool(page.shown_cases()), timeout=WAIT)
    case = page.shown_cases()[0]
    tabs_before = window.tabs.count()

    page.case_requested.emit(case.id)
    page.case_requested.emit(case.id)

    assert window.tabs.count() == tabs_before + 1
    assert [p.case_id for p in window.case_tabs()] == [case.id]
    assert window.tabs.currentWidget() is window.case_tabs()[0]
    review_shot(window, "main_window_case_tab")
    window.close_tab(window.tabs.currentIndex())
    assert window.case_tabs() == []


def test_file_export_csv_exports_the_table_in_front(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = make_window("super1")
    page = window.show_view("queues")
    assert isinstance(page, CaseListView)
    qtbot.waitUntil(lambda: bool(page.shown_cases()), timeout=WAIT)
    assert window.export_target() is page.table
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"

    task = window.export_csv(str(tmp_path / "front.csv"))
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT):
        pass

    rows = list(csv.reader((tmp_path / "front.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1 + page.proxy.rowCount()


def test_the_assign_note_shows_its_limit_and_is_never_cut(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, api_client_as: Callable[[str], ApiClient]
) -> None:
    """Issue 14: the bulk-assign note was cut at 500 characters without a word. The counter says
    the limit before Assign; over it, Assign waits and nothing is sent; at the limit the whole
    note goes."""
    import ui.cases.assign as assign_module
    from console.rules import ASSIGN_NOTE_MAX_LENGTH

    sent: list[str | None] = []

    def recording_bulk_assign(_client: ApiClient, _ids: Any, _assignee: int | None, *, note: str | None = None) -> Any:
        sent.append(note)
        raise NotFound(404, code="not_found", detail="(recorded only)")

    monkeypatch.setattr(assign_module, "bulk_assign", recording_bulk_assign)
    supervisor = api_client_as("super1")
    dialog = AssignDialog(supervisor, [1], ["disputes"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.assignee_ids()) > 1, timeout=WAIT)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.note_counter.isVisible()
    assert dialog.note_counter.text() == f"0 / {ASSIGN_NOTE_MAX_LENGTH} characters"

    dialog.note.setPlainText("x" * (ASSIGN_NOTE_MAX_LENGTH + 100))
    assert "Too long" in dialog.note_counter.text() and "100" in dialog.note_counter.text()
    assert not ok.isEnabled()
    dialog.submit()  # Enter in the list, or a double click, goes here too
    assert sent == []  # nothing cut and sent

    dialog.note.setPlainText("y" * ASSIGN_NOTE_MAX_LENGTH)
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: bool(sent), timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.assign_task is not None and not dialog.assign_task.is_running, timeout=WAIT)
    assert sent == ["y" * ASSIGN_NOTE_MAX_LENGTH]
