"""The arrangement wizard against the real in-process backend (engineer W's customers 19, 20, 22 and 23).

Customer 23 (its credit line M1 overdue) is the only overdue one of ours: the supervisor's
proposal (c) is cancelled after the four-eyes refusal, so the agent's 24-month plan (b) can be
proposed and approved after it on the same account.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.arrangements import Arrangement, act, get_arrangement
from console.errors import Forbidden
from console.formatting import format_fen
from console.models import CustomerProfile
from console.outbox import Outbox, Queued
from tests.helpers.live import LiveBackend
from tests.helpers.shots import review_shot
from ui.arrangements.wizard import CONFIRM_PAGE, QUOTE_PAGE, TERMS_PAGE, ArrangementWizard

OVERDUE_CUSTOMER = 23
OPEN_BILL_CUSTOMER = 19
OUTBOX_CUSTOMER = 22
REFUSAL_CUSTOMER = 20
INCLUDES = ("accounts", "current_bills", "plans")


def credit_line(profile: CustomerProfile) -> int:
    return next(a.id for a in profile.account_overviews or () if a.product == "credit_line")


def cancel_open(supervisor: ApiClient, account_id: int, kinds: tuple[str, ...], statuses: tuple[str, ...]) -> None:
    """Cancel what an earlier (failed) run left on the account, so the test starts clean."""
    page = supervisor.get_json(f"/v1/accounts/{account_id}/arrangements")
    for item in page["items"]:
        if item["type"] in kinds and item["status"] in statuses:
            arrangement, etag = get_arrangement(supervisor, item["id"])
            act(supervisor, arrangement.id, "cancel", etag=etag)


def open_wizard(qtbot: QtBot, client: ApiClient, customer_id: int, outbox: Outbox | None = None) -> ArrangementWizard:
    profile = client.get_customer(customer_id, include=INCLUDES)
    wizard = ArrangementWizard(client, profile, outbox=outbox)
    qtbot.addWidget(wizard)
    wizard.resize(820, 660)
    with qtbot.waitSignal(wizard.arrangements_loaded, timeout=20_000):  # the conflict check's list
        wizard.show()
    return wizard


def to_quote(qtbot: QtBot, wizard: ArrangementWizard, *, expect_failure: bool = False) -> None:
    assert wizard.currentId() == TERMS_PAGE
    signal = wizard.quote_page.quote_failed if expect_failure else wizard.quote_page.quote_ready
    with qtbot.waitSignal(signal, timeout=20_000):
        wizard.next()
    assert wizard.currentId() == QUOTE_PAGE


def finish(qtbot: QtBot, wizard: ArrangementWizard) -> Any:
    with qtbot.waitSignal(wizard.arrangement_submitted, timeout=20_000) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    return blocker.args[0]


def shot(wizard: ArrangementWizard, name: str) -> None:
    review_shot(wizard, name)


def test_within_authority_goes_live(qtbot: QtBot, api_client: ApiClient,
                                    api_client_as: Callable[[str], ApiClient]) -> None:
    """(a) A promise to pay as agent1: the quote says it goes live, Finish says "Set up now", and
    the API then shows it active."""
    wizard = open_wizard(qtbot, api_client, OPEN_BILL_CUSTOMER)
    account_id = credit_line(wizard.profile)
    cancel_open(api_client_as("super1"), account_id, ("promise_to_pay",), ("active", "pending_approval"))
    wizard.type_page.select("promise_to_pay")
    wizard.next()
    form = wizard.terms_page.forms["promise_to_pay"]
    form.amount_edit.setText("100.00")
    # The date picker cannot go past 14 days from today.
    assert form.date_edit.minimumDate().daysTo(form.date_edit.maximumDate()) == 14
    to_quote(qtbot, wizard)
    assert wizard.quote_page.decision.text().startswith("Goes live at once")
    wizard.next()
    assert wizard.currentId() == CONFIRM_PAGE
    assert wizard.finish_button_text() == "Set up now"
    # A note over the 1,000 characters the server keeps is not cut: it holds Finish and says why.
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)
    wizard.confirm_page.note_edit.setPlainText("n" * 1001)
    assert wizard.confirm_page.note_edit.toPlainText() == "n" * 1001
    assert not finish_button.isEnabled()
    assert wizard.confirm_page.note_counter.text().startswith("Too long: 1001 characters, at most 1000.")
    wizard.confirm_page.note_edit.setPlainText("n" * 1000)
    assert finish_button.isEnabled()
    wizard.confirm_page.note_edit.setPlainText("Customer will pay on payday")
    outcome = finish(qtbot, wizard)
    shot(wizard, "arrangement_live")

    assert isinstance(outcome, Arrangement) and outcome.status == "active"
    assert wizard.confirm_page.result.text().startswith("Live: Promise to pay (¥100.00 by")
    assert wizard.finish_button_text() == "Close"
    arrangement, _etag = get_arrangement(api_client, outcome.id)
    assert arrangement.status == "active"
    assert arrangement.cost.principal_fen == 100_00
    assert arrangement.note == "Customer will pay on payday"
    assert arrangement.case_id is None
    # Close is the Finish button itself: a click closes the wizard (it did nothing before).
    close = wizard.button(QWizard.WizardButton.FinishButton)
    assert close.isVisible() and close.isEnabled()
    close.click()
    assert not wizard.isVisible()


def test_supervisor_beyond_authority_waits_and_cannot_approve_own(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient]
) -> None:
    """(c) super1's 24-month plan waits for another supervisor; super1's own approve is refused
    (403 four_eyes). Cancelled afterwards, so the account stays overdue for (b)."""
    super1 = api_client_as("super1")
    wizard = open_wizard(qtbot, super1, OVERDUE_CUSTOMER)
    account_id = credit_line(wizard.profile)
    cancel_open(super1, account_id, ("hardship_plan",), ("pending_approval",))
    wizard.type_page.select("hardship_plan")
    wizard.next()
    wizard.terms_page.forms["hardship_plan"].months_box.setValue(24)
    to_quote(qtbot, wizard)
    decision = wizard.quote_page.decision.text()
    assert decision.startswith("Needs another supervisor's approval (not yours)")
    assert "24 months is over the 12 months an agent may grant alone." in decision
    wizard.next()
    assert wizard.finish_button_text() == "Send for approval"
    outcome = finish(qtbot, wizard)
    assert outcome.status == "pending_approval"

    arrangement, etag = get_arrangement(super1, outcome.id)
    assert arrangement.status == "pending_approval"
    assert "approve" not in arrangement.allowed_actions
    with pytest.raises(Forbidden) as refused:
        act(super1, arrangement.id, "approve", etag=etag)
    assert refused.value.code == "four_eyes"
    super2 = api_client_as("super2")
    seen_by_super2, _ = get_arrangement(super2, arrangement.id)
    assert "approve" in seen_by_super2.allowed_actions
    cancelled = act(super1, arrangement.id, "cancel", etag=etag)
    assert cancelled.status == "cancelled"


def test_agent_hardship_plan_needs_approval_then_super1_approves(
    qtbot: QtBot, api_client: ApiClient, api_client_as: Callable[[str], ApiClient]
) -> None:
    """(b) agent1's 24-month hardship plan: the quote says it needs approval and names the
    12-month limit; Send for approval → pending with a case in the approvals queue; super1's
    approve lands and it is active."""
    super1 = api_client_as("super1")
    wizard = open_wizard(qtbot, api_client, OVERDUE_CUSTOMER)
    account_id = credit_line(wizard.profile)
    cancel_open(super1, account_id, ("hardship_plan",), ("pending_approval",))
    # An overdue account: no bill installment, with the reason.
    assert not wizard.type_page.buttons["bill_installment"].isEnabled()
    assert "overdue" in wizard.type_page.reason("bill_installment")
    shot(wizard, "arrangement_type")
    wizard.type_page.select("hardship_plan")
    wizard.next()
    # What the plan restructures is in sight before the quote: the latest bill's whole unpaid
    # balance (the screenshots said "the overdue balance", ¥728.25, then quoted ¥2,570.46).
    account = wizard.account(account_id)
    assert account is not None and account.current_bill is not None
    owed = format_fen(account.current_bill.outstanding_fen)
    assert f"the latest bill still owes {owed}" in wizard.terms_page.forms["hardship_plan"].overdue_label.text()
    wizard.terms_page.forms["hardship_plan"].months_box.setValue(24)
    to_quote(qtbot, wizard)
    shot(wizard, "arrangement_quote")
    decision = wizard.quote_page.decision.text()
    assert decision == "Needs a supervisor's approval: 24 months is over the 12 months an agent may grant alone."
    quote = wizard.quote_page.quote
    assert quote is not None and len(quote.schedule) == 24
    assert wizard.quote_page.schedule_model.rowCount() == 24
    assert sum(p.total_fen for p in quote.schedule) == quote.cost.total_fen
    wizard.next()
    assert wizard.finish_button_text() == "Send for approval"
    shot(wizard, "arrangement_confirm")
    outcome = finish(qtbot, wizard)
    shot(wizard, "arrangement_waiting")

    case_id = outcome.case_id
    assert outcome.status == "pending_approval" and case_id is not None
    assert wizard.confirm_page.result.text().startswith(f"Waiting for approval: case {case_id} is in the approvals queue.")
    waiting = super1.get_json("/v1/cases", params={"status": "pending_approval", "queue": "approvals", "limit": 200})
    assert case_id in [item["id"] for item in waiting["items"]]

    arrangement, etag = get_arrangement(super1, outcome.id)
    approved = act(super1, arrangement.id, "approve", etag=etag, comment="Hardship confirmed by phone")
    assert approved.status == "active"
    assert get_arrangement(api_client, arrangement.id)[0].status == "active"


def test_quote_refusal_keeps_the_wizard_usable(qtbot: QtBot, api_client: ApiClient) -> None:
    """(d) A refused quote (422: the bill owes no fees) is a sentence in a banner, the field
    error waits next to the amount, Back works, and another arrangement quotes fine."""
    wizard = open_wizard(qtbot, api_client, REFUSAL_CUSTOMER)
    wizard.type_page.select("fee_waiver")
    wizard.next()
    form = wizard.terms_page.forms["fee_waiver"]
    # Checked on the page first: no amount, no reason.
    wizard.next()
    assert wizard.currentId() == TERMS_PAGE
    assert form.error_text("amount_fen") == "Enter an amount in yuan, for example 1,000.00."
    form.amount_edit.setText("10.5.5")
    form.reason_edit.setText("First late payment")
    wizard.next()
    assert "is not an amount in yuan" in form.error_text("amount_fen")
    form.component_box.setCurrentIndex(form.component_box.findData("fees"))
    form.amount_edit.setText("10.00")
    to_quote(qtbot, wizard, expect_failure=True)
    banner = wizard.quote_page.banner.text()
    assert banner.startswith("The bill owes ¥0.00 of fees; a waiver cannot exceed it.")
    assert not wizard.quote_page.banner.retry_button.isVisible()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    shot(wizard, "arrangement_refused")

    wizard.back()
    assert wizard.currentId() == TERMS_PAGE
    assert form.error_text("amount_fen").startswith("The bill owes ¥0.00 of fees")
    assert form.amount_edit.text() == "10.00"  # the input is kept
    wizard.back()
    wizard.type_page.select("promise_to_pay")
    wizard.next()
    wizard.terms_page.forms["promise_to_pay"].amount_edit.setText("1.00")
    to_quote(qtbot, wizard)
    assert wizard.quote_page.banner.text() == ""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()


def test_unreachable_server_keeps_the_proposal_in_the_outbox(
    qtbot: QtBot, live_backend: LiveBackend, api_client: ApiClient, tmp_path: Path
) -> None:
    """Quoted while the server is up, confirmed while it is down: kept in the outbox, said plainly."""
    outbox = Outbox(tmp_path / "outbox.sqlite3", server_url=api_client.base_url, username="agent1")
    try:
        wizard = open_wizard(qtbot, api_client, OUTBOX_CUSTOMER, outbox=outbox)
        wizard.type_page.select("promise_to_pay")
        wizard.next()
        wizard.terms_page.forms["promise_to_pay"].amount_edit.setText("20.00")
        to_quote(qtbot, wizard)
        wizard.next()
        with live_backend.stopped():
            outcome = finish(qtbot, wizard)
        assert isinstance(outcome, Queued)
        assert "Promise to pay" in outcome.label
        assert wizard.confirm_page.result.text().startswith("Kept in the outbox")
        assert outbox.pending_count() == 1
        assert wizard.finish_button_text() == "Close"
        # Enter closes it too (the Close button is the default one and enabled).
        qtbot.keyClick(wizard.confirm_page.note_edit, Qt.Key.Key_Return)
        assert not wizard.isVisible()
    finally:
        outbox.close()


def test_an_amount_beyond_what_the_server_takes_names_the_field_and_the_limit(qtbot: QtBot) -> None:
    """¥99,999,999,999 used to come back as "Some fields are missing or not valid"; the most any
    term takes is ¥1,000,000,000.00 (100,000,000,000 fen, backend/arrangements/schemas.py)."""
    from ui.arrangements.terms_forms import PromiseForm, _Invalid

    form = PromiseForm()
    qtbot.addWidget(form)
    form.amount_edit.setText("99,999,999,999")
    with pytest.raises(_Invalid) as refused:
        form.terms()
    assert refused.value.field == "amount_fen"
    assert refused.value.message == "Promised amount can be at most ¥1,000,000,000.00."
    form.amount_edit.setText("1,000,000,000.01")  # one fen over
    with pytest.raises(_Invalid):
        form.terms()
    form.amount_edit.setText("1,000,000,000.00")  # at the edge
    assert form.terms()["amount_fen"] == 100_000_000_000
