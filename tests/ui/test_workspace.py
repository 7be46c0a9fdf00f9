"""The customer workspace against the real in-process backend (tests/helpers/live.py).

Each test drives the real widgets and compares what they show with what the API returns for
the same request, formatted as the console formats it. Waits are on signals, never sleeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, func, select, text

from console.api import ApiClient
from console.errors import Offline
from console.formatting import format_date, format_datetime, format_fen
from console.models import AccountOverview, BillSummary, CustomerProfile
from tests.helpers.live import LiveBackend
from ui.widgets.chips import bill_status_text
from ui.widgets.table_model import RECORD_ROLE, SORT_ROLE
from ui.workspace import CustomerWorkspace
from ui.workspace.header import primary_account

CUSTOMER = 1  # M1 overdue, with installment plans and a cash loan (tests/helpers/live.py)

OpenWorkspace = Callable[..., CustomerWorkspace]


@pytest.fixture
def open_workspace(qtbot: QtBot) -> Iterator[OpenWorkspace]:
    """Open a workspace on screen and wait until its header and Overview are filled."""
    opened: list[CustomerWorkspace] = []

    def open_(client: ApiClient, customer_id: int = CUSTOMER, *, role: str = "agent",
              wait: bool = True) -> CustomerWorkspace:
        workspace = CustomerWorkspace(client, customer_id, role=role)
        qtbot.addWidget(workspace)
        workspace.resize(1280, 800)
        if wait:
            with qtbot.waitSignal(workspace.loaded, timeout=10_000):
                workspace.show()
        else:
            workspace.show()
        opened.append(workspace)
        return workspace

    yield open_
    for workspace in opened:
        workspace.close_workspace()


def column_texts(model: object, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]  # type: ignore[attr-defined]


def credit_line(profile: CustomerProfile) -> AccountOverview:
    account = primary_account(profile)
    assert account is not None and account.product == "credit_line"
    return account


# -- opening ---------------------------------------------------------------------------------


def test_open_fills_header_and_overview_with_the_apis_figures(
    open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    profile = api_client.get_customer(CUSTOMER)
    account = credit_line(profile)
    header = workspace.header

    assert workspace.title == profile.name
    assert header.name_label.text() == profile.name
    assert header.phone.text() == profile.phone_masked
    assert header.national_id.text() == profile.national_id_masked
    assert "M1" in header.bucket_chip.text() and header.bucket_chip.tone == "warning"
    assert header.limit_label.text() == format_fen(account.credit_limit_fen)
    assert header.used_label.text() == format_fen(account.used_fen)
    assert header.available_label.text() == format_fen(account.available_fen)
    assert header.due_label.text() == format_fen(account.next_due_fen)
    assert header.due_date_figure.text() == format_date(account.next_due_date)
    assert header.past_due_figure.text() == str(account.days_past_due) and account.days_past_due > 0
    assert header.cases_figure.text() == str(profile.open_case_count)

    # Overview: one card per account, the credit line first, then the cash loan.
    cards = workspace.overview_tab.cards
    assert [card.account_id for card in cards] == [a.id for a in sorted(
        profile.account_overviews or (), key=lambda a: (a.product != "credit_line", a.id))]
    assert {a.product for a in profile.account_overviews or ()} == {"credit_line", "cash_loan"}
    for overview in profile.account_overviews or ():
        card = workspace.overview_tab.card_for(overview.id)
        assert card is not None
        figures = {name: label.text() for name, label in card.figures.items()}
        assert figures["credit_limit"] == format_fen(overview.credit_limit_fen)
        assert figures["used"] == format_fen(overview.used_fen)
        assert figures["available"] == format_fen(overview.available_fen)
        assert figures["days_past_due"] == str(overview.days_past_due)
        assert figures["next_due"] == format_fen(overview.next_due_fen)
        bill = overview.current_bill
        assert bill is not None
        assert figures["bill_statement_date"] == format_date(bill.statement_date)
        assert figures["bill_due_date"] == format_date(bill.due_date)
        assert figures["bill_total"] == format_fen(bill.total_fen)
        assert figures["bill_minimum"] == format_fen(bill.minimum_payment_fen)
        assert figures["bill_paid"] == format_fen(bill.paid_fen)
        assert figures["bill_outstanding"] == format_fen(bill.outstanding_fen)
        assert figures["bill_status"] == bill_status_text(bill.status)
    assert workspace.built_tabs() == []  # the other tabs wait until they are shown


def test_open_is_one_round_trip(open_workspace: OpenWorkspace, api_client: ApiClient) -> None:
    requests_sent: list[str] = []
    api_client.session.hooks["response"].append(lambda r, *a, **k: requests_sent.append(r.request.path_url))
    open_workspace(api_client)
    assert len(requests_sent) == 1
    assert requests_sent[0].startswith(f"/v1/customers/{CUSTOMER}?include=")


def test_a_backend_that_is_down_shows_the_banner_and_retry_opens(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient, live_backend: LiveBackend
) -> None:
    with live_backend.stopped():
        workspace = CustomerWorkspace(api_client, CUSTOMER, role="agent")
        qtbot.addWidget(workspace)
        with qtbot.waitSignal(workspace.load_failed, timeout=15_000) as failed:
            workspace.show()
        assert isinstance(failed.args[0], Offline)
        assert workspace.banner.text() == failed.args[0].user_message
        assert workspace.banner.retry_button.isVisible()
        assert not workspace.tabs.isVisible()
    with qtbot.waitSignal(workspace.loaded, timeout=10_000):
        qtbot.mouseClick(workspace.banner.retry_button, Qt.MouseButton.LeftButton)
    assert not workspace.banner.isVisible()
    assert workspace.header.name_label.text() == api_client.get_customer(CUSTOMER).name
    workspace.close_workspace()


def test_a_customer_that_does_not_exist_says_so(open_workspace: OpenWorkspace, api_client: ApiClient,
                                                 qtbot: QtBot) -> None:
    workspace = open_workspace(api_client, 99_999_999, wait=False)
    qtbot.waitUntil(lambda: workspace.banner.isVisible(), timeout=10_000)
    assert "refresh" in workspace.banner.text().lower() or "not" in workspace.banner.text().lower()


# -- bills -----------------------------------------------------------------------------------


def test_bills_tab_lists_the_bills_and_the_lines_sum_to_the_total(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    account = credit_line(api_client.get_customer(CUSTOMER))
    tab = workspace.bills_tab
    with qtbot.waitSignals([tab.bills_loaded, tab.lines_loaded], timeout=10_000):
        workspace.show_tab("bills")
    assert tab.account_picker.account_id() == account.id  # the credit line first

    bills = api_client.list_bills(account.id, limit=60).items
    assert column_texts(tab.bills_model, 0) == [format_date(b.statement_date) for b in bills]
    assert column_texts(tab.bills_model, 2) == [format_fen(b.total_fen) for b in bills]
    assert column_texts(tab.bills_model, 3) == [format_fen(b.minimum_payment_fen) for b in bills]
    assert column_texts(tab.bills_model, 5) == [format_fen(b.outstanding_fen) for b in bills]
    assert tab.bills_model.data(tab.bills_model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # The newest bill is selected and its lines shown; they add up to its total.
    detail = api_client.get_bill(account.id, bills[0].id)
    assert column_texts(tab.lines_model, 3) == [format_fen(line.amount_fen) for line in detail.lines]
    assert tab.lines_model.total_fen() == detail.total_fen
    assert format_fen(detail.total_fen) in tab.lines_sum_label.text() and "=" in tab.lines_sum_label.text()

    # Another bill: its own lines.
    with qtbot.waitSignal(tab.lines_loaded, timeout=10_000):
        tab.select_bill_row(1)
    second = api_client.get_bill(account.id, bills[1].id)
    assert tab.shown_bill is not None and tab.shown_bill.id == second.id
    assert [line.line_no for line in tab.lines_model.records()] == [line.line_no for line in second.lines]
    assert tab.lines_model.total_fen() == second.total_fen


def test_bills_of_the_cash_loan_are_a_pick_away(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    profile = api_client.get_customer(CUSTOMER)
    loan = next(a for a in profile.account_overviews or () if a.product == "cash_loan")
    tab = workspace.bills_tab
    with qtbot.waitSignal(tab.bills_loaded, timeout=10_000):
        workspace.show_tab("bills")
    qtbot.waitUntil(lambda: tab.shown_bill is not None, timeout=10_000)
    with qtbot.waitSignal(tab.bills_loaded, timeout=10_000):
        tab.account_picker.select_account(loan.id)
    bills = api_client.list_bills(loan.id, limit=60).items
    assert [b.id for b in tab.bills_model.records()] == [b.id for b in bills]
    qtbot.waitUntil(lambda: tab.shown_bill is not None and tab.shown_bill.account_id == loan.id, timeout=10_000)


# -- installments ----------------------------------------------------------------------------


def test_installments_tab_shows_plans_and_the_selected_schedule(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    profile = api_client.get_customer(CUSTOMER)
    tab = workspace.show_tab("installments")
    plans = {plan.id: plan for plan in profile.plans or ()}
    shown = tab.plans_model.records()
    assert sorted(p.id for p in shown) == sorted(plans)
    assert any(p.kind == "cash_loan" for p in shown) and any(p.kind != "cash_loan" for p in shown)
    assert shown[0].status == "active"  # what the customer is still paying comes first
    for row, plan in enumerate(shown):
        assert tab.plans_model.data(tab.plans_model.index(row, 3)) == format_fen(plans[plan.id].principal_fen)
        assert tab.plans_model.data(tab.plans_model.index(row, 4)) == format_fen(plans[plan.id].fee_fen)
        assert tab.plans_model.data(tab.plans_model.index(row, 5)) == str(plans[plan.id].terms)

    for row in range(len(shown)):
        with qtbot.waitSignal(tab.schedule_shown, timeout=5_000):
            tab.select_plan_row(row)
        plan = api_client.get_installment_plan(shown[row].id)
        assert column_texts(tab.schedule_model, 1) == [format_date(p.due_date) for p in plan.schedule]
        assert column_texts(tab.schedule_model, 4) == [format_fen(p.total_fen) for p in plan.schedule]
        assert sum(p.principal_fen for p in tab.schedule_model.records()) == plan.principal_fen
        assert sum(p.fee_fen for p in tab.schedule_model.records()) == plan.fee_fen


# -- transactions ----------------------------------------------------------------------------


def walk_transactions(client: ApiClient, account_id: int, **filters: object) -> list[int]:
    ids: list[int] = []
    cursor: str | None = None
    while True:
        page = client.list_transactions(account_id, limit=200, cursor=cursor, **filters)  # type: ignore[arg-type]
        ids.extend(t.id for t in page.items)
        if page.next_cursor is None:
            return ids
        cursor = page.next_cursor


def test_transactions_page_in_as_the_agent_scrolls(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    account = credit_line(api_client.get_customer(CUSTOMER))
    tab = workspace.transactions_tab
    tab.model.page_size = 20  # the demo account has ~100 transactions: several pages of 20
    with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
        workspace.show_tab("transactions")
    model = tab.model
    assert model.rowCount() == 20 and model.has_more
    # The view fills its viewport by itself (fetchMore), a page at a time; let it settle.
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
    assert model.canFetchMore(QModelIndex()) == model.has_more
    assert "scroll" in tab.status_label.text()

    pages_seen: list[int] = []
    model.page_loaded.connect(pages_seen.append)
    # Scrolling to the bottom asks for the next page, one at a time, until the last.
    while model.has_more:
        rows = model.rowCount()
        tab.view.scrollToBottom()
        qtbot.waitUntil(lambda rows=rows: model.rowCount() > rows and not model.is_loading, timeout=10_000)
    assert pages_seen and all(rows == 20 for rows in pages_seen[:-1])
    expected = walk_transactions(api_client, account.id)
    assert [t.id for t in model.records()] == expected
    assert not model.canFetchMore(QModelIndex())
    assert "All" in tab.status_label.text()

    # Amounts are formatted, right-aligned; credits marked.
    amount = 4
    for row in range(model.rowCount()):
        record = model.data(model.index(row, 0), RECORD_ROLE)
        assert model.data(model.index(row, amount)) == format_fen(record.amount_fen)
        assert model.data(model.index(row, 0)) == format_datetime(record.posted_at)
        assert model.data(model.index(row, amount), SORT_ROLE) == record.amount_fen
        if record.amount_fen < 0:
            assert model.data(model.index(row, amount)).startswith("-")
            assert model.data(model.index(row, amount), Qt.ItemDataRole.ForegroundRole) is not None
            assert model.data(model.index(row, amount), Qt.ItemDataRole.ToolTipRole)


def test_transactions_filter_by_type_and_dates_asks_the_server(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    account = credit_line(api_client.get_customer(CUSTOMER))
    tab = workspace.transactions_tab
    with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
        workspace.show_tab("transactions")

    with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
        tab.type_filter.setCurrentIndex(tab.type_filter.findData("repayment"))
    repayments = walk_transactions(api_client, account.id, types=("repayment",))
    assert repayments, "the demo customer has repaid at some point"
    assert [t.id for t in tab.model.records()] == repayments
    assert {t.type for t in tab.model.records()} == {"repayment"}

    newest = tab.model.records()[0].business_date
    date_from, date_to = newest - timedelta(days=120), newest
    with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
        tab.set_filter(types=("purchase",), date_from=date_from, date_to=date_to, dates=True)
    expected = walk_transactions(api_client, account.id, types=("purchase",), date_from=date_from, date_to=date_to)
    assert [t.id for t in tab.model.records()] == expected
    assert all(date_from <= t.business_date <= date_to and t.type == "purchase" for t in tab.model.records())

    with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
        tab.set_filter(types=(), dates=False)
    assert [t.id for t in tab.model.records()] == walk_transactions(api_client, account.id)[: tab.model.rowCount()]


def test_transactions_sort_by_amount_through_the_sort_role(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    tab = workspace.transactions_tab
    with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
        workspace.show_tab("transactions")
    tab.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    proxy = tab.view.model()
    amounts = [proxy.data(proxy.index(row, 4), SORT_ROLE) for row in range(proxy.rowCount())]
    assert amounts == sorted(amounts) and amounts[0] < 0 < amounts[-1]


# -- reveal ----------------------------------------------------------------------------------


def reveal_count(live_backend: LiveBackend, customer_id: int) -> int:
    from backend.customers.service import REVEAL_ACTION

    engine = create_engine(f"sqlite:///{live_backend.database_path}")
    try:
        with engine.connect() as connection:
            return int(connection.execute(
                select(func.count()).select_from(text("audit_records"))
                .where(text("action = :action AND entity_type = 'customer' AND entity_id = :id"))
                .params(action=REVEAL_ACTION, id=str(customer_id))
            ).scalar_one())
    finally:
        engine.dispose()


def test_reveal_the_phone_with_a_reason(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient, live_backend: LiveBackend
) -> None:
    workspace = open_workspace(api_client)
    masked = workspace.header.phone.text()
    before = reveal_count(live_backend, CUSTOMER)
    qtbot.mouseClick(workspace.header.phone.button, Qt.MouseButton.LeftButton)
    dialog = workspace.reveal_dialog
    assert dialog is not None and dialog.isVisible() and dialog.field == "phone"

    dialog.set_reason("abc")
    assert not dialog.reveal_button.isEnabled()  # the API wants at least 5 characters
    dialog.set_reason("Caller asked to confirm the number on file")
    assert dialog.reveal_button.isEnabled()
    with qtbot.waitSignal(workspace.revealed, timeout=10_000) as revealed:
        qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    qtbot.waitUntil(lambda: not dialog.task.is_running)  # type: ignore[union-attr]
    phone = revealed.args[1]
    assert revealed.args[0] == "phone" and "*" not in phone
    assert workspace.header.phone.text() == phone
    assert phone[:3] == masked[:3] and phone[-4:] == masked[-4:]
    assert not dialog.isVisible()
    assert reveal_count(live_backend, CUSTOMER) == before + 1  # audited on the server

    qtbot.mouseClick(workspace.header.phone.button, Qt.MouseButton.LeftButton)  # Hide
    assert workspace.header.phone.text() == masked


def test_the_hourly_reveal_limit_reads_as_a_sentence(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client_as: Callable[[str], ApiClient]
) -> None:
    # super2 is used by no other test for reveals: its hour's allowance is spent here.
    client = api_client_as("super2")
    workspace = open_workspace(client, role="supervisor")
    from console.errors import RateLimited

    with pytest.raises(RateLimited):
        for _ in range(100):
            client.reveal(CUSTOMER, "national_id", "Spending the hourly allowance in a test")
    dialog = workspace.request_reveal("national_id")
    dialog.set_reason("Identity check for the caller")
    dialog.submit()
    assert dialog.task is not None
    qtbot.waitUntil(lambda: not dialog.task.is_running, timeout=10_000)  # type: ignore[union-attr]
    assert dialog.isVisible()  # the refusal is shown where the agent asked
    assert dialog.error_label.isVisible()
    message = dialog.error_label.text()
    assert "Wait" in message and "hour" in message
    assert workspace.header.national_id.text().count("*") > 0
    dialog.reject()


# -- notes -----------------------------------------------------------------------------------


def test_add_a_note_and_see_it_at_the_top(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    account = credit_line(api_client.get_customer(CUSTOMER))
    tab = workspace.notes_tab
    with qtbot.waitSignal(tab.notes_loaded, timeout=10_000):
        workspace.show_tab("notes")
    # The limit is said while typing: the counter, and why Add waits, before anything is sent.
    assert tab.length_label.text() == "0 / 4000 characters"
    assert not tab.add_button.isEnabled() and "Write the note first" in tab.add_button.toolTip()
    tab.editor.setPlainText("x" * 4001)
    assert not tab.add_button.isEnabled()
    assert tab.length_label.text() == "Too long: 4001 characters, at most 4000. Shorten it by 1 to go on."
    assert tab.add_button.toolTip() == tab.length_label.text()
    tab.editor.setPlainText("x" * 4000)
    assert tab.add_button.isEnabled() and tab.length_label.text() == "4000 / 4000 characters"
    body = "Caller asked why the bill is overdue; explained the minimum payment. 客户将于周五还款。"
    tab.editor.setPlainText(body)
    assert tab.add_button.isEnabled()
    with qtbot.waitSignal(tab.note_added, timeout=10_000) as added:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.write_task is not None and not tab.write_task.is_running)
    note = added.args[0]
    assert note.body == body and note.account_id == account.id
    assert tab.model.record(0).id == note.id
    assert tab.model.data(tab.model.index(0, 4)) == body
    assert tab.model.data(tab.model.index(0, 1)) == note.author_name
    assert tab.editor.toPlainText() == ""
    assert [n.id for n in api_client.list_notes(account.id).items].count(note.id) == 1

    # The list reloaded from the server has it too, newest first.
    with qtbot.waitSignal(tab.notes_loaded, timeout=10_000):
        tab.load()
    assert tab.model.record(0).id == note.id
    created = [n.created_at for n in tab.model.records()]
    assert created == sorted(created, reverse=True)


def test_a_note_that_cannot_be_sent_is_kept_and_lands_once_on_retry(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient, live_backend: LiveBackend
) -> None:
    workspace = open_workspace(api_client)
    account = credit_line(api_client.get_customer(CUSTOMER))
    tab = workspace.notes_tab
    with qtbot.waitSignal(tab.notes_loaded, timeout=10_000):
        workspace.show_tab("notes")
    body = "Promised to call back tomorrow about the refund (written while the server was down)."
    tab.editor.setPlainText(body)
    with live_backend.stopped():
        with qtbot.waitSignal(tab.note_failed, timeout=15_000) as failed:
            tab.submit()
        qtbot.waitUntil(lambda: tab.write_task is not None and not tab.write_task.is_running)
        assert isinstance(failed.args[0], Offline)
        assert tab.editor.toPlainText() == body  # never lost
        assert tab.banner.text() == failed.args[0].user_message
        key = tab._draft.idempotency_key if tab._draft else None
    with qtbot.waitSignal(tab.note_added, timeout=10_000) as added:
        qtbot.mouseClick(tab.banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.write_task is not None and not tab.write_task.is_running)
    assert key is not None and tab._draft is None
    assert added.args[0].body == body
    assert [n.body for n in api_client.list_notes(account.id, limit=200).items].count(body) == 1
    assert tab.editor.toPlainText() == ""


def test_a_refused_note_keeps_its_text(qtbot: QtBot, open_workspace: OpenWorkspace,
                                       api_client: ApiClient) -> None:
    workspace = open_workspace(api_client)
    tab = workspace.notes_tab
    with qtbot.waitSignal(tab.notes_loaded, timeout=10_000):
        workspace.show_tab("notes")
    api_client.logout()  # the session ends under the agent's feet: 401 goes to the banner
    tab.editor.setPlainText("A note written after the session ended")
    with qtbot.waitSignal(tab.note_failed, timeout=10_000):
        tab.submit()
    qtbot.waitUntil(lambda: tab.write_task is not None and not tab.write_task.is_running)
    assert tab.editor.toPlainText() == "A note written after the session ended"
    assert tab.banner.isVisible()


def test_a_tab_clicked_for_the_first_time_is_built_after_the_switch_is_painted(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client)
    index = next(i for i in range(workspace.tabs.count()) if workspace.tabs.tabText(i) == "Notes")
    workspace.tabs.setCurrentIndex(index)  # as a click does
    # The click's own turn only switches: the tab is built and asks for its rows in later turns.
    from ui.workspace.notes import NotesTab

    assert not any(isinstance(built, NotesTab) for built in workspace.built_tabs())
    assert workspace.is_opening_tab
    qtbot.waitUntil(lambda: not workspace.is_opening_tab, timeout=10_000)
    tab = workspace.notes_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
    assert workspace.tabs.currentWidget() is tab.parentWidget()


def _loan(account_id: int, *, balance_fen: int, bill: BillSummary) -> AccountOverview:
    return AccountOverview(
        id=account_id, customer_id=99, account_number=f"JB{account_id:010d}", product="cash_loan", status="active",
        opened_on=date(2026, 4, 2), credit_limit_fen=3_000_000, used_fen=balance_fen, available_fen=3_000_000 - balance_fen,
        balance_fen=balance_fen, past_due_fen=0, days_past_due=0, delinquency_bucket="current",
        next_due_date=None if balance_fen == 0 else date(2026, 12, 10), next_due_fen=0 if balance_fen == 0 else 52_000,
        current_bill=bill, daily_rate_ppm=300, due_day=10,
    )


def test_a_paid_off_cash_loan_shows_its_last_bill_not_a_current_one(qtbot: QtBot) -> None:
    """Issue 14 item 16: a paid-off cash loan showed a "current bill" from October. A loan that
    owes nothing and has no plan left to bill shows it as its last bill and says it is paid off;
    a loan still being repaid keeps its current bill."""
    from ui.workspace.overview import AccountCard

    october = BillSummary(id=7, account_id=2, statement_date=date(2026, 10, 1), due_date=date(2026, 10, 10),
                          total_fen=52_000, minimum_payment_fen=52_000, paid_fen=52_000, outstanding_fen=0,
                          status="paid", previous_balance_fen=0)
    paid_off = _loan(2, balance_fen=0, bill=october)
    repaying = _loan(3, balance_fen=104_000, bill=replace(october, id=8, account_id=3))
    profile = CustomerProfile(id=99, name="测试", phone_masked="138****0000", national_id_masked="1101**********0000",
                              accounts=(paid_off.brief, repaying.brief), open_case_count=0, flags=(),
                              account_overviews=(paid_off, repaying), plans=())
    done = AccountCard(paid_off, profile)
    qtbot.addWidget(done)
    assert done.bill_heading == "Last bill"
    assert done.figures["paid_off"].text() == "The loan is paid off: nothing more is billed."
    assert done.figures["bill_statement_date"].text() == "2026-10-01"
    still = AccountCard(repaying, profile)
    qtbot.addWidget(still)
    assert still.bill_heading == "Current bill" and "paid_off" not in still.figures
