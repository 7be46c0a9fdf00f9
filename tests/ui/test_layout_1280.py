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
from tests.helpers.clipping import clipped, cut_cells
from tests.helpers.live import ensure_an_open_dispute
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
    assert window.width() == 1280, where


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
    # Issue 14: every column readable, not only its title ("Hardship…" in What).
    assert any(item.case.type == "dispute" for item in approvals.items()), "no dispute outcome waits"
    assert not cut_cells(approvals.table), "\n".join(cut_cells(approvals.table))
    # The decision in sight without scrolling (a hardship plan's schedule pushed it below the fold).
    for button in (approvals.approve_button, approvals.reject_button):
        assert button.visibleRegion().boundingRect().size() == button.size(), button.text()
    # The widest decision ("Approve outcome", "Reject outcome") in the narrower details pane.
    approvals.select_case(next(item.case.id for item in approvals.items() if item.case.type == "dispute"))
    settled(qtbot)
    assert_fits(window, "a dispute outcome selected")


SUMMARY_MIN_CHARS = 26  # ui/cases/queue.py SUMMARY_CHARS; it had 14


@pytest.mark.parametrize("username", ["handler1", "super1"])
def test_the_queues_summary_has_room(qtbot: QtBot, open_window: OpenWindow, username: str) -> None:
    """Issue 14: at 1280 the Queues' Summary was squeezed to "Dispute (Co…" (about 14
    characters) while every other column kept its full width. The summary keeps room for
    SUMMARY_MIN_CHARS characters, and the columns still shown are readable."""
    from ui.cases.models import COLUMN

    window = open_window(username)
    queues = window.show_view("queues")
    assert isinstance(queues, CaseListView)
    qtbot.waitUntil(lambda: bool(queues.shown_cases()), timeout=WAIT_MS)
    settled(qtbot)
    table = queues.table
    assert_fits(window)
    summary = table.horizontalHeader().sectionSize(COLUMN["summary"])
    char = table.fontMetrics().horizontalAdvance("0")
    assert summary >= SUMMARY_MIN_CHARS * char, f"Summary {summary} px, {summary // char} characters"
    title = table.model().headerData(COLUMN["summary"], Qt.Orientation.Horizontal)
    problems = [p for p in cut_cells(table) if not p.startswith(f"column {title!r}")]
    assert not problems, "\n".join(problems)


def test_the_customer_installments_fit(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window("agent1")
    workspace = window.open_customer(1, "")
    qtbot.waitUntil(lambda: workspace.profile is not None, timeout=WAIT_MS)
    for tab in ("overview", "bills", "installments", "transactions", "cases", "notes"):
        workspace.show_tab(tab)
        settled(qtbot)
        assert_fits(window, tab)
    assert window.width() == 1280


def test_the_sort_arrow_never_covers_a_title(qtbot: QtBot, themed: str) -> None:
    """Issue 14 item 5: Queues' "Due in" read "Due i▼": a right-aligned title ends where the
    style draws the sort arrow. The theme puts the arrow above the title, in the section's top
    padding, so even at its title's width the column shows its whole title."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from ui.widgets.tables import title_width

    model = QStandardItemModel(2, 2)
    model.setHorizontalHeaderLabels(["Summary", "Due in"])
    model.setHeaderData(1, Qt.Orientation.Horizontal, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                        Qt.ItemDataRole.TextAlignmentRole)
    for row in range(2):
        model.setItem(row, 1, QStandardItem(f"{row} d 2 h"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    view.resize(400, 150)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    view.setColumnWidth(1, title_width(header, 1))  # as narrow as the queue may make it
    QApplication.processEvents()

    arrow = QColor("#8cb8ff" if themed == "dark" else "#1f6feb")  # resources/themes/<theme>/sort-*.svg
    section = QRect(header.sectionViewportPosition(1), 0, header.sectionSize(1), header.height())
    image = header.grab(section).toImage().convertToFormat(QImage.Format.Format_RGB32)
    inked = [(x, y) for x in range(image.width()) for y in range(image.height())
             if sum(abs(a - b) for a, b in zip(QColor(image.pixel(x, y)).getRgb()[:3], arrow.getRgb()[:3],
                                               strict=True)) < 60]
    assert inked, "no sort arrow drawn"
    top_padding = 6  # QHeaderView::section { padding: 6px 8px } in both sheets
    assert max(y for _x, y in inked) < top_padding, "the arrow reaches into the title's line"


def test_a_case_pages_money_events_are_not_squeezed_by_its_timeline(
    qtbot: QtBot, open_window: OpenWindow, api_client_as: Callable[[str], ApiClient]
) -> None:
    """Issue 14 item 5: at 1280×800 a fixed split gave the timeline a third of the case page and
    squeezed the money events above it to a row or none. The details come first: the money
    events are whole on screen, the timeline takes what is left (at least two rows)."""
    from console.cases import CaseQuery, list_cases

    handler = api_client_as("handler1")
    with_money: int | None = None
    for case in list_cases(handler, CaseQuery(type="dispute", status="investigating"), limit=50).items:
        subject, etag = handler.get_json_etag(case.subject_url)
        if subject.get("money_events"):
            with_money = case.id
            break
        if "grant_provisional_credit" in subject["allowed_actions"]:
            handler.post_json(f"{case.subject_url}/actions/grant_provisional_credit", {}, if_match=etag)
            with_money = case.id
            break
    assert with_money is not None, "no dispute under investigation to credit"

    window = open_window("handler1")
    page = window.open_case(with_money)
    qtbot.waitUntil(lambda: "money_events" in page.detail_tables, timeout=WAIT_MS)
    settled(qtbot)
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() > 0, timeout=WAIT_MS)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    money = page.detail_tables["money_events"]
    shown = page.details_area.viewport()
    top_left = money.mapTo(shown, money.rect().topLeft())
    bottom_right = money.mapTo(shown, money.rect().bottomRight())
    assert shown.rect().contains(top_left) and shown.rect().contains(bottom_right), (
        f"the money events ({top_left.y()}–{bottom_right.y()} px) are cut by the details' "
        f"{shown.height()} px")
    rows = money.model().rowCount()
    assert money.viewport().height() >= rows * money.verticalHeader().defaultSectionSize()
    from tests.helpers.clipping import cut_cells

    # Beside the dispute, in half the width: the events' words and amounts still whole.
    titles = tuple(QApplication.translate("CasePage", t) for t in ("When", "Event", "Amount"))
    assert not cut_cells(money, titles=titles), cut_cells(money, titles=titles)
    timeline = page.timeline_view
    assert timeline.viewport().height() >= min(2, page.timeline_model.rowCount()) * (
        timeline.verticalHeader().defaultSectionSize())
    assert_fits(window)


def test_an_agents_my_cases_fits(qtbot: QtBot, open_window: OpenWindow) -> None:
    """The screenshots showed My cases at 1366×860 (the walk had widened the window); at 1280
    its filters, columns and buttons fit as the queues' do."""
    window = open_window("agent1")
    my_cases = window.show_view("my_cases")
    assert isinstance(my_cases, CaseListView) and window.views.currentWidget() is my_cases
    qtbot.waitUntil(lambda: bool(my_cases.shown_cases()), timeout=WAIT_MS)
    settled(qtbot)
    assert_fits(window)


def test_a_supervisors_workspace_shows_every_tab(qtbot: QtBot, open_window: OpenWindow) -> None:
    """With the supervisor's Audit tab the workspace's tab bar scrolled: "Overview" was cut to
    "view" behind scroll arrows. Every tab is whole on the bar at 1280."""
    window = open_window("super1")
    workspace = window.open_customer(1, "")
    qtbot.waitUntil(lambda: workspace.profile is not None, timeout=WAIT_MS)
    assert workspace.audit_tab is not None
    for tab in ("overview", "history"):
        workspace.show_tab(tab)
        settled(qtbot)
        for _ in range(3):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        bar = workspace.tabs.tabBar()
        shown = bar.rect()
        cut = [bar.tabText(i) for i in range(bar.count())
               if not shown.contains(bar.tabRect(i)) or bar.tabRect(i).width() < bar.tabSizeHint(i).width()]
        assert not cut, f"{tab}: tabs cut or behind the scroll arrows: {cut}"
        assert_fits(window, tab)


def test_installment_plans_show_account_kind_status_and_date_whole(qtbot: QtBot, open_window: OpenWindow) -> None:
    """The screenshots' Installments read "HB000000…", "Purchas…" and "2026-11-2…": nine columns
    did not fit at 1280. The plan's start is a date, and with one account of each product the
    kind tells the account (its number in the kind's tooltip): the Account column goes."""
    from tests.helpers.clipping import cut_cells

    window = open_window("agent1")
    workspace = window.open_customer(1, "")
    qtbot.waitUntil(lambda: workspace.profile is not None, timeout=WAIT_MS)
    workspace.show_tab("installments")
    settled(qtbot)
    tab = workspace.installments_tab
    qtbot.waitUntil(lambda: tab.plans_model.rowCount() > 0, timeout=WAIT_MS)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    titles = tuple(QApplication.translate("WorkspaceModels", t) for t in ("Account", "Kind", "Status", "Created"))
    problems = cut_cells(tab.plans_view, titles=titles)
    assert not problems, "\n".join(problems)
    assert tab.plans_view.isColumnHidden(0)
    plan = tab.plans_model.record(0)
    number = next(a.account_number for a in workspace.profile.accounts if a.id == plan.account_id)
    assert number in tab.plans_model.data(tab.plans_model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert_fits(window)


def test_an_arrangements_schedule_is_in_sight_on_its_case_page(
    qtbot: QtBot, open_window: OpenWindow, api_client_as: Callable[[str], ApiClient]
) -> None:
    """The screenshots' arrangement case page put the schedule under the terms, below the fold:
    one row in English, only its header in Chinese, beside an Approval box mostly empty. The
    schedule goes under the Approval box: rows of it in sight at 1280×800 without scrolling.
    (A hardship plan's case, decided or not: earlier tests may have decided the demo's.)"""
    from console.cases import CaseQuery, list_cases

    cases = list_cases(api_client_as("super1"), CaseQuery(type="arrangement")).items
    case = next(c for c in cases if (c.summary_params or {}).get("type") == "hardship_plan")
    window = open_window("super1")
    page = window.open_case(case.id)
    qtbot.waitUntil(lambda: "schedule" in page.detail_tables, timeout=WAIT_MS)
    settled(qtbot)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    schedule = page.detail_tables["schedule"]
    shown = page.details_area.viewport()
    top = schedule.mapTo(shown, schedule.rect().topLeft()).y()
    bottom = min(shown.height(), schedule.mapTo(shown, schedule.rect().bottomLeft()).y())
    rows_in_sight = (bottom - top - schedule.horizontalHeader().height()) // schedule.verticalHeader().defaultSectionSize()
    assert rows_in_sight >= 3, f"{rows_in_sight} rows of the schedule in sight"
    # The terms beside it keep their width: "18 monthly payments, no fee" on one line.
    terms = page.details["terms"]
    assert terms.height() < 2 * terms.fontMetrics().height(), terms.text()
    assert_fits(window)


def test_transaction_types_are_read_whole(qtbot: QtBot, open_window: OpenWindow) -> None:
    """The screenshots' Transactions read "Converted to installm…": the Type column was narrower
    than its longest word while Merchant (four or five characters of a shop's name) had room."""
    from tests.helpers.clipping import cut_cells

    window = open_window("agent1")
    workspace = window.open_customer(1, "")
    qtbot.waitUntil(lambda: workspace.profile is not None, timeout=WAIT_MS)
    workspace.show_tab("transactions")
    tab = workspace.transactions_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT_MS)
    settled(qtbot)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    assert any(tab.model.record(row).type == "installment_conversion" for row in range(tab.model.rowCount()))
    titles = tuple(QApplication.translate("WorkspaceModels", t) for t in ("Posted", "Type", "Merchant"))
    problems = cut_cells(tab.view, titles=titles, rows=tab.model.rowCount())
    assert not problems, "\n".join(problems)
    assert_fits(window)


def test_the_timelines_notes_have_room(qtbot: QtBot, open_window: OpenWindow) -> None:
    """The screenshots' timeline cut the customer's words to "客户称…" (the Note column had ten
    characters; the field changes fifty): the notes get at least twenty-four characters."""
    window = open_window("handler1")
    queues = window.show_view("queues")
    assert isinstance(queues, CaseListView)
    qtbot.waitUntil(lambda: bool(queues.shown_cases()), timeout=WAIT_MS)
    case = next(c for c in queues.shown_cases() if c.type == "dispute")
    page = window.open_case(case.id)
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() > 0, timeout=WAIT_MS)
    settled(qtbot)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    view = page.timeline_view
    note = view.horizontalHeader().sectionSize(4)
    assert note >= 24 * view.fontMetrics().horizontalAdvance("0"), f"the Note column is {note} px"
    assert_fits(window)


CASES_CUSTOMER = 33  # no other test files on this customer


def test_a_customers_cases_show_their_dates_and_deadlines_whole(
    qtbot: QtBot, open_window: OpenWindow, api_client_as: Callable[[str], ApiClient]
) -> None:
    """The screenshots' Cases tab read "2026-12-08 00…" and "2026-12-05 00:…": the times of Due
    and Opened were cut while SLA had room to spare."""
    from tests.helpers.clipping import cut_cells

    agent = api_client_as("agent1")
    ensure_an_open_dispute(agent, CASES_CUSTOMER)
    window = open_window("agent1")
    workspace = window.open_customer(CASES_CUSTOMER, "")
    qtbot.waitUntil(lambda: workspace.profile is not None, timeout=WAIT_MS)
    workspace.show_tab("cases")
    tab = workspace.cases_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT_MS)
    settled(qtbot)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    titles = tuple(QApplication.translate("WorkspaceModels", t) for t in ("Type", "Status", "SLA", "Due", "Opened"))
    problems = cut_cells(tab.view, titles=titles)
    assert not problems, "\n".join(problems)
    assert_fits(window)


def test_the_approval_title_has_the_details_width(qtbot: QtBot, open_window: OpenWindow) -> None:
    """Found in the screenshots: beside the SLA chip the item's title wrapped to three lines in
    the narrower details pane ("Hardship / plan · 18 / months"). It has the pane's width."""
    window = open_window("super1")
    approvals = window.show_view("approvals")
    assert isinstance(approvals, ApprovalsView)
    qtbot.waitUntil(lambda: bool(approvals.items()), timeout=WAIT_MS)
    settled(qtbot)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    title = approvals.detail_title
    lines = title.heightForWidth(title.width()) // title.fontMetrics().lineSpacing()
    assert lines <= 1, f"{title.text()!r} in {lines} lines of {title.width()} px"


def test_a_wide_window_gives_the_approval_details_room(qtbot: QtBot, open_window: OpenWindow) -> None:
    """The list keeps what its columns need at 1280 px; a wider window does not leave the
    details at their narrowest (the list would take it all)."""
    window = open_window("super1")
    approvals = window.show_view("approvals")
    assert isinstance(approvals, ApprovalsView)
    qtbot.waitUntil(lambda: bool(approvals.items()), timeout=WAIT_MS)
    from PySide6.QtWidgets import QSplitter

    splitter = approvals.findChild(QSplitter)
    assert splitter is not None
    narrow = splitter.sizes()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: splitter.sizes()[1] > narrow[1] + 200, timeout=WAIT_MS)
    list_px, details_px = splitter.sizes()
    assert list_px >= narrow[0] and details_px >= 0.4 * (list_px + details_px)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: splitter.sizes() == narrow, timeout=WAIT_MS)


def test_the_dashboard_fits_800_px_tall(qtbot: QtBot, open_window: OpenWindow) -> None:
    """The screenshot walk warned that in Chinese the dashboard grew the window to 804 px (its
    two rows of charts at their minimum height, the tiles and the header), so a 1280×800 screen
    cut its bottom; the window then stayed taller for the screens after it."""
    window = open_window("super1")
    dashboard = window.show_view("dashboard")
    assert window.views.currentWidget() is dashboard
    settled(qtbot)
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    assert window.height() <= 800, f"the window is {window.height()} px tall"
    assert window.minimumSizeHint().height() <= 800, window.minimumSizeHint()
    assert_fits(window)
