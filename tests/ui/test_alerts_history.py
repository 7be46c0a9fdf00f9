"""Everything on the account in sight (docs/contact-history.md), against the real backend: the
alert strip under the workspace header, the Arrangements tab with Cancel, the contact History
tab with its filter, the wizard's conflict warning, and the approvals inbox's "also on this
account". This file's customers in the shared live backend: 5 (M3 overdue) and 6 (M4+)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.arrangements import (
    act,
    fee_waiver_terms,
    get_arrangement,
    hardship_plan_terms,
    list_account_arrangements,
    promise_to_pay_terms,
    proposal_body,
    propose,
)
from console.formatting import format_fen
from console.models import CustomerProfile
from console.outbox import Delivered
from ui.supervisor.approvals import ApprovalsView
from ui.workspace import CustomerWorkspace
from ui.workspace.alerts import AlertItem, AlertStrip

PLAN_CUSTOMER = 5
WAIVER_CUSTOMER = 6


def credit_line(profile: CustomerProfile) -> int:
    return next(a.id for a in profile.accounts if a.product == "credit_line")


def clean(supervisor: ApiClient, account_id: int) -> None:
    """Cancel what an earlier run left live or waiting on the account."""
    for item in list_account_arrangements(supervisor, account_id).items:
        arrangement, etag = get_arrangement(supervisor, item.id)
        if "cancel" in arrangement.allowed_actions:
            act(supervisor, arrangement.id, "cancel", etag=etag)


def proposed(client: ApiClient, account_id: int, terms: dict[str, Any]) -> dict[str, Any]:
    result = propose(None, client, proposal_body(account_id, terms, note="test"), label="test")
    assert isinstance(result, Delivered)
    body: dict[str, Any] = result.body
    return body


@pytest.fixture
def open_workspace(qtbot: QtBot) -> Iterator[Callable[[ApiClient, int], CustomerWorkspace]]:
    opened: list[CustomerWorkspace] = []

    def open_(client: ApiClient, customer_id: int) -> CustomerWorkspace:
        workspace = CustomerWorkspace(client, customer_id, role="agent")
        qtbot.addWidget(workspace)
        workspace.resize(1280, 800)
        with qtbot.waitSignal(workspace.loaded, timeout=20_000):
            workspace.show()
        opened.append(workspace)
        return workspace

    yield open_
    for workspace in opened:
        workspace.close_workspace()


def test_a_waiting_hardship_plan_is_in_sight_warned_of_and_cancelled(
    qtbot: QtBot, api_client: ApiClient, api_client_as: Callable[[str], ApiClient],
    open_workspace: Callable[[ApiClient, int], CustomerWorkspace],
) -> None:
    account_id = credit_line(api_client.get_customer(PLAN_CUSTOMER, include=()))
    clean(api_client_as("super1"), account_id)
    plan = proposed(api_client, account_id, hardship_plan_terms(24))
    assert plan["status"] == "pending_approval"
    api_client.add_note(account_id, "Customer asked about the plan", channel="chat")

    workspace = open_workspace(api_client, PLAN_CUSTOMER)
    texts = [item.text for item in workspace.alert_strip.items]
    assert f"Hardship plan {format_fen(plan['cost']['principal_fen'])}, 24 months · Waiting for approval" in texts
    assert texts[-1].startswith("Last contact ") and texts[-1].endswith(" · By chat")
    assert workspace.alert_strip.items[-1].detail == "The newest contact note, by Agent One."

    # The wizard warns before anything is sent: no promise beside the waiting plan.
    wizard: Any = workspace.open_arrangement()
    with qtbot.waitSignal(wizard.arrangements_loaded, timeout=20_000):
        pass
    page = wizard.type_page
    assert not page.buttons["promise_to_pay"].isEnabled()
    assert page.reason("promise_to_pay") == (
        f"Not available: the account has a hardship plan of {format_fen(plan['cost']['principal_fen'])} waiting for approval "
        f"(arrangement {plan['id']}); cancel it first.")
    assert page.buttons["fee_waiver"].isEnabled() or page.reason("fee_waiver") != ""
    assert "hardship plan" in page.live_label.text()
    wizard.reject()

    # The Arrangements tab lists it with its status; its proposer may cancel it.
    tab = workspace.arrangements_tab
    with qtbot.waitSignal(tab.arrangements_loaded, timeout=20_000):
        workspace.show_tab("arrangements")
    assert tab.model.data(tab.model.index(0, 0)) == "Hardship plan"
    assert tab.model.data(tab.model.index(0, 1)) == "Waiting for approval"
    assert tab.records()[0].id == plan["id"]
    tab.select_row(0)
    qtbot.waitUntil(lambda: tab.selected is not None and tab.selected.id == plan["id"], timeout=20_000)
    assert tab.cancel_button.isEnabled()
    box = tab.ask_cancel()
    assert box is not None and str(plan["id"]) in box.text()
    with qtbot.waitSignals([workspace.loaded, tab.arrangements_loaded], timeout=20_000):
        with qtbot.waitSignal(tab.cancelled, timeout=20_000):
            tab.confirm_cancel()
        box.close()
    assert not any(item.text.startswith("Hardship plan") for item in workspace.alert_strip.items)
    assert tab.records()[0].status == "cancelled"
    assert tab.model.data(tab.model.index(0, 1)) == "Cancelled"


def test_the_history_tab_is_newest_first_and_filters(
    qtbot: QtBot, api_client: ApiClient, open_workspace: Callable[[ApiClient, int], CustomerWorkspace],
) -> None:
    account_id = credit_line(api_client.get_customer(PLAN_CUSTOMER, include=()))
    api_client.add_note(account_id, "Promised to call back tomorrow", channel="phone")
    assert api_client.reveal(PLAN_CUSTOMER, "phone", "call the customer back") is not None
    workspace = open_workspace(api_client, PLAN_CUSTOMER)
    tab = workspace.history_tab
    with qtbot.waitSignal(tab.history_loaded, timeout=20_000):
        workspace.show_tab("history")
    what = [tab.model.data(tab.model.index(row, 2)) for row in range(2)]
    details = [tab.model.data(tab.model.index(row, 3)) for row in range(2)]
    assert what == ["Revealed the phone number", "By phone"]
    assert details == ["call the customer back", "Promised to call back tomorrow"]
    moments = [entry.at for entry in tab.records()]
    assert moments == sorted(moments, reverse=True)

    with qtbot.waitSignal(tab.history_loaded, timeout=20_000):
        tab.select_filter(("note",))
    assert tab.records() and {entry.kind for entry in tab.records()} == {"note"}
    assert tab.model.data(tab.model.index(0, 3)) == "Promised to call back tomorrow"


def test_the_approvals_inbox_shows_what_else_is_live_on_the_account(
    qtbot: QtBot, api_client: ApiClient, api_client_as: Callable[[str], ApiClient],
) -> None:
    supervisor = api_client_as("super1")
    account_id = credit_line(api_client.get_customer(WAIVER_CUSTOMER, include=()))
    clean(supervisor, account_id)
    promised_on = date.today() + timedelta(days=5)
    promise = proposed(api_client, account_id, promise_to_pay_terms(10_000, promised_on))
    assert promise["status"] == "active"
    waiver = proposed(api_client, account_id, fee_waiver_terms(6_000, "penalty_interest", "goodwill"))
    assert waiver["status"] == "pending_approval"

    view = ApprovalsView(supervisor, user=supervisor.me())
    qtbot.addWidget(view)
    view.resize(1280, 800)
    with qtbot.waitSignal(view.inbox_loaded, timeout=30_000):
        view.show()
    try:
        assert view.select_case(waiver["case_id"])
        item = view.shown_item
        assert item is not None and item.case.id == waiver["case_id"]
        also = view.also_live(item)
        assert f"Promise to pay ¥100.00 by {promised_on.isoformat()} · Live" in also
        assert not any(text.startswith("Fee waiver") for text in also)  # not the item itself
        assert "Also on this account:" in view.detail_text.text()
    finally:
        view.close()
        clean(supervisor, account_id)


def test_the_strip_folds_what_does_not_fit_into_more(qtbot: QtBot) -> None:
    strip = AlertStrip()
    qtbot.addWidget(strip)
    items = [AlertItem(f"Promise to pay ¥{n},000.00 by 2026-12-0{n} · Live", "good", f"Arrangement {n}")
             for n in range(1, 5)]
    strip.setFixedWidth(2000)  # a top-level window on the offscreen platform takes a fixed width only
    strip.show_items(items)
    strip.show()
    assert strip.texts() == [item.text for item in items]
    strip.setFixedWidth(620)  # room for the caption, one chip and "+3 more"
    qtbot.waitUntil(lambda: strip.texts()[-1] == "+3 more")
    assert strip.texts() == [items[0].text, "+3 more"]
    assert strip.more_chip.toolTip().splitlines() == [item.text for item in items[1:]]
    visible = [chip for chip in strip.chips if not chip.isHidden()]
    assert sum(c.sizeHint().width() for c in [strip.caption, *visible, strip.more_chip]) <= 620
    strip.show_items([])
    assert strip.texts() == ["Nothing live or open; no contact on file"]


def test_the_conflict_warning_leaves_every_choice_readable(
    qtbot: QtBot, api_client: ApiClient, api_client_as: Callable[[str], ApiClient],
    open_workspace: Callable[[ApiClient, int], CustomerWorkspace],
) -> None:
    """The screenshots' "arrangement-conflict": with the warning strip and two "Not available"
    lines the type page is taller than the wizard, and its labels were squeezed into each other
    (text over text, half lines). The choices scroll instead, each label at its full height, and
    the warning has the banner's look (its own object name had taken the theme's away)."""
    from PySide6.QtGui import QFont, QPalette
    from PySide6.QtWidgets import QApplication, QLabel

    from ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, palette = QFont(app.font()), QPalette(app.palette())
    theme.apply_theme(app, "light")  # as the console runs: the theme's font and padding
    supervisor = api_client_as("super1")
    account_id = credit_line(api_client.get_customer(PLAN_CUSTOMER, include=()))
    clean(supervisor, account_id)
    proposed(api_client, account_id, promise_to_pay_terms(30_000, date.today() + timedelta(days=5)))
    workspace = open_workspace(api_client, PLAN_CUSTOMER)
    try:
        wizard: Any = workspace.open_arrangement()
        with qtbot.waitSignal(wizard.arrangements_loaded, timeout=20_000):
            pass
        wizard.resize(820, 660)
        for _ in range(3):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        page = wizard.type_page
        assert page.reason("promise_to_pay") and page.reason("hardship_plan")
        assert page.live_label.isVisible() and page.live_label.objectName() == "ErrorBanner"
        squeezed = [
            f"{label.text()[:40]!r}: {label.height()} px of {label.heightForWidth(label.width())}"
            for label in page.findChildren(QLabel)
            if label.isVisibleTo(page) and label.wordWrap() and label.text()
            and label.height() < label.heightForWidth(label.width())
        ]
        assert not squeezed, "\n".join(squeezed)
        wizard.reject()
    finally:
        app.setStyleSheet("")
        app.setFont(font)
        app.setPalette(palette)
        clean(supervisor, account_id)


def test_a_case_step_in_history_names_the_case_once() -> None:
    """The screenshots' History read "Fraud report case 16 · Case o…": the step said "case" again
    and the words ran past the column. The case is named once: "Fraud report case 16 · Opened"."""
    from datetime import UTC, datetime

    from console.history import HistoryEntry
    from ui.workspace.history import what_text

    entry = HistoryEntry(kind="case", id=1, at=datetime(2026, 12, 4, 14, 21, tzinfo=UTC), account_id=1,
                         actor_name="Agent Two", action="opened", text=None, status="new", amount_fen=7_770,
                         case_id=16, case_type="fraud_report", arrangement_id=None)
    assert what_text(entry) == "Fraud report case 16 · Opened"
