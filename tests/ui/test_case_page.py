"""The case page against the real in-process backend (tests/helpers/live.py).

The cases are made here through the API, on customers 29–33 (engineer C2's): a dispute filed by
agent1 on a purchase nobody disputes yet, a fraud report that does not freeze the account. Each
test drives the page as a user would and checks what it shows against what the API says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from console.api import ApiClient, new_idempotency_key
from console.errors import Conflict
from console.models import User
from ui.cases.case_page import CasePage

WAIT_MS = 15_000
LARGE_FEN = 200_001  # over the ¥2,000 four-eyes limit

OpenPage = Callable[[ApiClient, int], CasePage]


def me(client: ApiClient) -> User:
    return User.from_json(client.get_json("/v1/me"))


def purchases(client: ApiClient, customer_id: int, *, min_fen: int = 1) -> list[Any]:
    profile = client.get_customer(customer_id)
    found: list[Any] = []
    for account in profile.accounts:
        if account.product != "credit_line":
            continue
        page = client.list_transactions(account.id, limit=100)
        found += [t for t in page.items if t.type == "purchase" and t.amount_fen >= min_fen]
    return sorted(found, key=lambda t: -t.amount_fen)


def file_dispute(agent: ApiClient, customer_id: int, *, min_fen: int = 1) -> dict[str, Any]:
    """A new dispute of a purchase of `customer_id` not yet disputed (the whole amount)."""
    for transaction in purchases(agent, customer_id, min_fen=min_fen):
        try:
            body = {
                "transaction_id": transaction.id,
                "category": "consumer_dispute",
                "reason": "not_received",
                "disputed_amount_fen": transaction.amount_fen,
                "description": "The parcel never arrived.",
                "channel": "phone",
            }
            data: dict[str, Any] = agent.post_json("/v1/disputes", body, idempotency_key=new_idempotency_key())
            return data
        except Conflict:
            continue  # disputed already (an earlier test of this run)
    raise AssertionError(f"customer {customer_id} has no purchase left to dispute")


def act(client: ApiClient, dispute_id: int, action: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    _data, etag = client.get_json_etag(f"/v1/disputes/{dispute_id}")
    result: dict[str, Any] = client.post_json(
        f"/v1/disputes/{dispute_id}/actions/{action}", body or {}, if_match=etag,
        idempotency_key=new_idempotency_key(),
    )
    return result


def case_actions(client: ApiClient, case_id: int, subject_url: str) -> set[str]:
    subject = client.get_json(subject_url)
    case = client.get_json(f"/v1/cases/{case_id}")
    return set(subject["allowed_actions"]) | set(case["allowed_actions"])


@pytest.fixture
def open_page(qtbot: QtBot) -> Iterator[OpenPage]:
    """Open a case page on screen and wait until the case and its subject are shown."""
    pages: list[CasePage] = []

    def open_(client: ApiClient, case_id: int) -> CasePage:
        user = me(client)
        page = CasePage(client, case_id, user=user)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
            page.show()
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close_page()
        assert not page.tick.isActive()


def click_and_wait(qtbot: QtBot, page: CasePage, action: str) -> None:
    """Click a one-click action and wait for the page to show the case as it is after it."""
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS), qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.action_buttons[action].click()


def test_buttons_are_the_allowed_actions_and_acknowledge_moves_the_case(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], open_page: OpenPage
) -> None:
    agent, handler = api_client_as("agent1"), api_client_as("handler1")
    dispute = file_dispute(agent, 29)
    case_id = dispute["case_id"]
    page = open_page(handler, case_id)
    assert page.subject is not None
    subject_url = page.subject.url

    assert set(page.action_buttons) == case_actions(handler, case_id, subject_url)
    assert "acknowledge" in page.action_buttons and "approve_outcome" not in page.action_buttons
    assert page.status_chip.text() == "New"
    assert page.sla_chip.isVisible() and page.sla_chip.text().startswith(("On track", "At risk", "Breached"))
    assert page.details["disputed"].text() == f"¥{dispute['disputed_amount_fen'] // 100:,}.{dispute['disputed_amount_fen'] % 100:02d}"
    assert "Goods or service not received" in page.details["category"].text()
    rows_before = len(page.timeline_texts())
    assert page.timeline_texts()[-1][2] == "Opened"

    click_and_wait(qtbot, page, "acknowledge")

    assert page.status_chip.text() == "Investigating"
    rows = page.timeline_texts()
    assert len(rows) == rows_before + 1
    assert rows[0][2] == "Acknowledged"
    assert "status: New → Investigating" in rows[0][3]
    assert rows[0][1] == "Handler One · Dispute handler"
    assert handler.get_json(subject_url)["status"] == "investigating"
    assert set(page.action_buttons) == case_actions(handler, case_id, subject_url)

    # Take the case: the header names the handler, and so does the API.
    click_and_wait(qtbot, page, "take")
    assert page.figures["assignee"].text() == "Handler One"
    assert handler.get_json(f"/v1/cases/{case_id}")["assignee_id"] == me(handler).id
    assert "release" in page.action_buttons and "take" not in page.action_buttons

    # The agent who filed it sees the case, and none of the dispute's actions.
    agent_page = open_page(agent, case_id)
    assert agent_page.subject is not None and agent_page.subject.allowed_actions == ()
    assert not set(agent_page.action_buttons) & {"acknowledge", "request_customer_info", "propose_outcome", "extend"}
    assert set(agent_page.action_buttons) == case_actions(agent, case_id, subject_url)
    assert agent_page.status_chip.text() == "Investigating"

    with qtbot.waitSignal(page.customer_requested, timeout=1_000) as opened:
        page.customer_button.click()
    assert opened.args == [29]


def test_an_outcome_over_the_limit_waits_for_another_supervisor(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], open_page: OpenPage
) -> None:
    agent, super1, super2 = api_client_as("agent1"), api_client_as("super1"), api_client_as("super2")
    handler = api_client_as("handler1")
    dispute = file_dispute(agent, 30, min_fen=LARGE_FEN)
    act(handler, dispute["id"], "acknowledge")
    page = open_page(super1, dispute["case_id"])

    page.action_buttons["propose_outcome"].click()
    dialog = page.action_dialog
    assert dialog is not None and dialog.isVisible()
    assert "waits for a supervisor's approval" in dialog.hint.text()  # won = the whole disputed amount
    note = dialog.fields["note"]
    assert isinstance(note, QPlainTextEdit)
    dialog.submit()  # no reasons: refused here, nothing sent
    assert dialog.field_error_text("note") == "Required."
    assert dialog.task is None and dialog.isVisible()
    note.setPlainText("Merchant confirmed the parcel was lost.")
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS), qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        dialog.submit()

    assert page.status_chip.text() == "Waiting for approval"
    assert "approve_outcome" not in page.action_buttons
    assert page.action_note.isVisible() and "four eyes" in page.action_note.text()
    assert "Won (full refund)" in page.details["proposal"].text()
    assert f"by {me(super1).display_name} on " in page.details["proposal"].text()
    data = super1.get_json(f"/v1/disputes/{dispute['id']}")
    assert data["status"] == "pending_approval" and data["proposal"]["outcome"] == "won"
    assert "approve_outcome" not in data["allowed_actions"]

    handler_page = open_page(handler, dispute["case_id"])
    assert "approve_outcome" not in handler_page.action_buttons
    assert handler_page.action_note.text() == "Waiting for a supervisor's approval."

    other = open_page(super2, dispute["case_id"])
    assert {"approve_outcome", "reject_outcome"} <= set(other.action_buttons)
    assert not other.action_note.isVisible()
    other.action_buttons["approve_outcome"].click()
    approve = other.action_dialog
    assert approve is not None and "Won (full refund)" in approve.explanation.text()
    with qtbot.waitSignal(other.changed, timeout=WAIT_MS), qtbot.waitSignal(other.loaded, timeout=WAIT_MS):
        approve.submit()
    assert other.status_chip.text() == "Resolved"
    assert other.action_buttons.keys() <= {"take", "release", "assign"}
    data = super2.get_json(f"/v1/disputes/{dispute['id']}")
    assert data["status"] == "resolved" and data["outcome"] == "won"
    assert data["awarded_fen"] == dispute["disputed_amount_fen"]


def test_a_change_made_meanwhile_is_explained_and_not_applied_twice(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], open_page: OpenPage
) -> None:
    agent, handler, super1 = api_client_as("agent1"), api_client_as("handler1"), api_client_as("super1")
    dispute = file_dispute(agent, 31)
    page = open_page(handler, dispute["case_id"])
    assert page.status_chip.text() == "New" and "acknowledge" in page.action_buttons

    act(super1, dispute["id"], "acknowledge", {"note": "Acknowledged on the phone"})

    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.action_buttons["acknowledge"].click()

    text = page.notice.text()
    assert text.startswith("This case changed while you had it open: status New → Investigating")
    assert f"({me(super1).display_name}, " in text
    assert text.endswith("Your action was not applied. Check and try again.")
    assert page.status_chip.text() == "Investigating"
    assert "acknowledge" not in page.action_buttons and "request_customer_info" in page.action_buttons
    assert page.timeline_texts()[0][1] == f"{me(super1).display_name} · Supervisor"
    case = handler.get_json(f"/v1/cases/{dispute['case_id']}")
    assert [event["action"] for event in case["timeline"]].count("acknowledge") == 1


def test_asking_the_customer_says_what_was_asked_before_the_clock_pauses(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], open_page: OpenPage
) -> None:
    agent, handler = api_client_as("agent1"), api_client_as("handler1")
    dispute = file_dispute(agent, 31)
    act(handler, dispute["id"], "acknowledge")
    page = open_page(handler, dispute["case_id"])

    page.action_buttons["request_customer_info"].click()  # a dialog, not one click
    dialog = page.action_dialog
    assert dialog is not None and "SLA clock pauses" in dialog.explanation.text()
    asked = dialog.fields["note"]
    assert isinstance(asked, QPlainTextEdit)
    dialog.submit()  # nothing written: nothing sent
    assert dialog.task is None and dialog.field_error_text("note") == "Required."
    assert handler.get_json(f"/v1/disputes/{dispute['id']}")["status"] == "investigating"

    asked.setPlainText("The courier's delivery receipt")
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        dialog.submit()
    assert page.status_chip.text() == "Waiting for customer"
    assert page.timeline_texts()[0][4] == "The courier's delivery receipt"
    case = handler.get_json(f"/v1/cases/{dispute['case_id']}")
    assert case["sla_state"] == "paused"
    assert case["timeline"][-1]["note"] == "The courier's delivery receipt"


def test_a_refused_extension_keeps_the_form_and_says_why(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], open_page: OpenPage
) -> None:
    agent, handler = api_client_as("agent1"), api_client_as("handler1")
    dispute = file_dispute(agent, 32)
    act(handler, dispute["id"], "acknowledge")
    page = open_page(handler, dispute["case_id"])

    page.action_buttons["extend"].click()
    dialog = page.action_dialog
    assert dialog is not None
    days, reason = dialog.fields["days"], dialog.fields["reason"]
    assert isinstance(days, QSpinBox) and isinstance(reason, QPlainTextEdit)
    # Typed digits stay as typed: 999 is 999 (a 1–60 box used to keep only the first 9).
    days.lineEdit().selectAll()
    qtbot.keyClicks(days.lineEdit(), "999")
    assert days.value() == 999
    days.setValue(16)  # 15 + 16 = 31 days from filing: one more than a handler may give
    reason.setPlainText("Waiting for the courier's report")
    dialog.submit()
    assert dialog.task is None  # said in the dialog, in one sentence, before anything is sent
    assert dialog.field_error_text("days") == (
        "At most 15 more days: a handler may extend to 30 days from filing; ask a supervisor for more.")
    assert not dialog.error_label.isVisible()
    assert reason.toPlainText() == "Waiting for the courier's report" and days.value() == 16
    assert handler.get_json(f"/v1/disputes/{dispute['id']}")["sla"]["extended_days"] == 0

    days.setValue(10)
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        dialog.submit()
    assert page.action_dialog is None
    assert "Yes: 10 days" in page.details["extended"].text()
    assert handler.get_json(f"/v1/disputes/{dispute['id']}")["sla"]["extended_days"] == 10
    assert page.timeline_texts()[0][2] == "Deadline extended"
    assert page.timeline_texts()[0][4] == "Waiting for the courier's report"


def test_a_supervisor_extension_beyond_sixty_days_names_the_field(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], open_page: OpenPage
) -> None:
    agent, super1 = api_client_as("agent1"), api_client_as("super1")
    dispute = file_dispute(agent, 32)
    page = open_page(super1, dispute["case_id"])
    page.action_buttons["extend"].click()
    dialog = page.action_dialog
    assert dialog is not None
    days, reason = dialog.fields["days"], dialog.fields["reason"]
    assert isinstance(days, QSpinBox) and isinstance(reason, QPlainTextEdit)
    days.setValue(46)  # 61 days from filing: beyond anyone's limit
    reason.setPlainText("Merchant abroad")
    dialog.submit()
    assert dialog.task is None
    assert dialog.field_error_text("days") == "At most 45 more days: the decision window may grow to 60 days from filing."
    assert not dialog.error_label.isVisible()
    days.setValue(45)  # at the edge: sent, and taken
    with qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        dialog.submit()
    assert super1.get_json(f"/v1/disputes/{dispute['id']}")["sla"]["extended_days"] == 45
    assert page.action_dialog is None


def test_a_fraud_report_is_shown_and_its_review_started_from_the_page(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], open_page: OpenPage
) -> None:
    agent, handler = api_client_as("agent1"), api_client_as("handler1")
    reported = purchases(agent, 33)[-1]
    report = agent.post_json(
        "/v1/fraud-reports",
        {
            "account_id": reported.account_id,
            "category": "unknown_transactions",
            "transaction_ids": [reported.id],
            "description": "The customer does not know this purchase.",
            "freeze_account": False,
            "no_freeze_reason": "Customer is travelling and needs the card",
            "police_report_number": "PR-2024-0033",
        },
        idempotency_key=new_idempotency_key(),
    )
    page = open_page(handler, report["case_id"])
    assert page.details["freeze"].text() == "Not frozen: Customer is travelling and needs the card"
    assert page.details["police_report"].text() == "PR-2024-0033"
    assert page.details["category"].text() == "Transactions the customer does not know"
    table = page.detail_tables["transactions"]
    model = table.model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 2)) == f"¥{reported.amount_fen // 100:,}.{reported.amount_fen % 100:02d}"
    assert set(page.action_buttons) == case_actions(handler, report["case_id"], f"/v1/fraud-reports/{report['id']}")

    click_and_wait(qtbot, page, "start_review")

    assert page.status_chip.text() == "Investigating"
    assert page.timeline_texts()[0][2] == "Review started"
    assert handler.get_json(f"/v1/fraud-reports/{report['id']}")["status"] == "investigating"
    assert {"confirm", "not_fraud"} <= set(page.action_buttons)


def test_the_timeline_is_newest_first_by_when_it_happened(
    open_page: OpenPage, api_client_as: Callable[[str], ApiClient]
) -> None:
    """The screenshots' case 6 listed "Assigned 02:51" above "Acknowledged 21:51" under "newest
    first": the page reversed the order of recording, and the demo's assignment was recorded
    after the acknowledgement. The page orders by when each step happened."""
    from console.cases import CaseQuery, get_case, list_cases

    handler = api_client_as("handler1")
    late = None
    for case in list_cases(handler, CaseQuery(type="dispute"), limit=100).items:
        events = get_case(handler, case.id)[0].timeline
        if any(later.at < earlier.at for earlier, later in zip(events, events[1:], strict=False)):
            late = case
            break
    assert late is not None, "no case with a step recorded after a later one (the demo has some)"
    page = open_page(handler, late.id)
    shown = [row[0] for row in page.timeline_texts()]
    assert shown == sorted(shown, reverse=True), shown
