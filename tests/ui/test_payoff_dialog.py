"""*Pay off early…* against the real in-process backend (engineer pay's customers: the
first of them with an active plan that has periods not yet billed). The dialog quotes first, off
the GUI thread, shows the figures the API gives, sets the `plan_payoff` arrangement up once, and
a second payoff of the same plan is refused with the server's sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.formatting import format_date, format_fen
from console.models import InstallmentPlan
from tests.helpers.shots import review_shot
from ui.arrangements.payoff import PayoffDialog

OUR_CUSTOMERS = (31, 32, 33, 34, 30, 29, 28, 27, 25, 24, 37, 21, 18)


def plan_to_pay_off(client: ApiClient) -> tuple[str, InstallmentPlan]:
    """The first active plan of ours with periods not yet billed and no payoff set up yet."""
    for customer_id in OUR_CUSTOMERS:
        profile = client.get_customer(customer_id, include=("accounts", "plans"))
        for plan in profile.plans or ():
            if plan.status == "active" and any(p.status == "scheduled" for p in plan.schedule) and (
                client.get_json(f"/v1/installment-plans/{plan.id}").get("payoff_on") is None
            ):
                return profile.name, plan
    pytest.fail(f"none of customers {OUR_CUSTOMERS} has an active plan with periods not yet billed")


def quoted_dialog(qtbot: QtBot, client: ApiClient, name: str, plan: InstallmentPlan, *, ok: bool) -> PayoffDialog:
    dialog = PayoffDialog(client, plan, customer_name=name)  # the quote is asked for at once
    qtbot.addWidget(dialog)
    assert dialog.is_busy() and not dialog.set_up_button.isEnabled()  # nothing to set up before the quote
    with qtbot.waitSignal(dialog.quote_shown if ok else dialog.quote_failed, timeout=20_000):
        dialog.show()
    return dialog


def test_the_quote_comes_first_then_the_payoff_is_set_up_once(
    qtbot: QtBot, api_client: ApiClient, api_client_as: Callable[[str], ApiClient]
) -> None:
    name, plan = plan_to_pay_off(api_client)
    # The figures by the rules, from the schedule itself: the periods not yet billed give their
    # principal (due at once) and their fees (waived); billed periods owe what is unpaid of them.
    unbilled = [p for p in plan.schedule if p.status == "scheduled"]
    principal = sum(p.principal_fen for p in unbilled)
    waived = sum(p.fee_fen for p in unbilled)
    billed_unpaid = sum(p.principal_fen + p.fee_fen - p.paid_fen for p in plan.schedule
                        if p.status in ("billed", "partially_paid"))

    dialog = quoted_dialog(qtbot, api_client, name, plan, ok=True)
    review_shot(dialog, "payoff_quote")

    assert dialog.principal_label.text() == format_fen(principal)
    assert dialog.waived_label.text() == format_fen(waived)
    assert dialog.billed_label.text() == format_fen(billed_unpaid)
    assert dialog.payoff_label.text() == format_fen(principal + billed_unpaid)
    assert dialog.quote is not None and dialog.due_label.text().startswith(format_date(dialog.quote.due_date))
    assert dialog.message_label.text().startswith("Goes live at once")
    assert dialog.set_up_button.isEnabled()

    with qtbot.waitSignal(dialog.payoff_set_up, timeout=20_000) as blocker:
        dialog.set_up_button.click()
    outcome = blocker.args[0]
    review_shot(dialog, "payoff_set_up")

    assert isinstance(outcome, dict) and (outcome["type"], outcome["status"]) == ("plan_payoff", "active")
    assert dialog.message_label.text() == (
        f"Set up: {format_fen(principal + billed_unpaid)} is due by {format_date(dialog.quote.due_date)}; the plan "
        "ends paid off when it is paid.")
    dialog.submit()  # a second click after it landed sends nothing
    assert not dialog.is_busy()
    after = api_client.get_json(f"/v1/installment-plans/{plan.id}")
    assert after["payoff_on"] is not None
    assert all(p["status"] != "scheduled" for p in after["schedule"])
    assert after["fee_fen"] == plan.fee_fen - waived
    arrangements = api_client.get_json(f"/v1/accounts/{plan.account_id}/arrangements")["items"]
    assert [a["id"] for a in arrangements if a["type"] == "plan_payoff"] == [outcome["id"]]

    again = quoted_dialog(qtbot, api_client_as("super1"), name, plan, ok=False)
    review_shot(again, "payoff_refused")

    # The server's 409 as a sentence, no Retry (it would answer the same), nothing to set up.
    assert again.message_label.text().startswith(f"Plan {plan.id}'s payoff was set up on ")
    assert again.message_label.text().endswith(" of it is still to pay.")
    assert not again.retry_button.isVisible() and not again.set_up_button.isEnabled()


def test_the_wizard_quotes_a_payoff_of_the_accounts_plan(qtbot: QtBot, api_client: ApiClient) -> None:
    """The arrangement wizard offers the payoff too: its terms list the account's active plans,
    and the quote page shows the principal due at once and the fees waived."""
    from ui.arrangements.wizard import QUOTE_PAGE, TERMS_PAGE, ArrangementWizard

    _name, plan = plan_to_pay_off(api_client)
    customer_id = api_client.get_json(f"/v1/accounts/{plan.account_id}")["customer_id"]
    profile = api_client.get_customer(customer_id, include=("accounts", "current_bills", "plans"))
    wizard = ArrangementWizard(api_client, profile, account_id=plan.account_id)
    qtbot.addWidget(wizard)
    with qtbot.waitSignal(wizard.arrangements_loaded, timeout=20_000):
        wizard.show()
    wizard.type_page.select("plan_payoff")
    review_shot(wizard, "payoff_wizard_type")
    wizard.next()
    assert wizard.currentId() == TERMS_PAGE
    form = wizard.terms_page.forms["plan_payoff"]
    form.plan_box.setCurrentIndex(form.plan_box.findData(plan.id))
    with qtbot.waitSignal(wizard.quote_page.quote_ready, timeout=20_000):
        wizard.next()
    assert wizard.currentId() == QUOTE_PAGE
    review_shot(wizard, "payoff_wizard_quote")

    unbilled = [p for p in plan.schedule if p.status == "scheduled"]
    quote = wizard.quote
    assert quote is not None and quote.type == "plan_payoff" and not quote.needs_approval
    assert (quote.cost.principal_fen, quote.cost.waived_fen) == (
        sum(p.principal_fen for p in unbilled), sum(p.fee_fen for p in unbilled))
    assert wizard.quote_page.decision.text().startswith("Goes live at once")


def test_pay_off_early_on_a_plan_of_the_installments_tab(qtbot: QtBot, api_client: ApiClient) -> None:
    """The Installments tab offers *Pay off early…* on an active plan only; it opens the dialog,
    which asks for the quote at once."""
    from ui.workspace.workspace import CustomerWorkspace

    _name, plan = plan_to_pay_off(api_client)
    customer_id = api_client.get_json(f"/v1/accounts/{plan.account_id}")["customer_id"]
    workspace = CustomerWorkspace(api_client, customer_id, role="agent")
    qtbot.addWidget(workspace)
    with qtbot.waitSignal(workspace.loaded, timeout=10_000):
        workspace.show()
    tab = workspace.show_tab("installments")
    rows = {record.id: row for row, record in enumerate(tab.plans_model.records())}
    for record in tab.plans_model.records():
        tab.select_plan_row(rows[record.id])
        assert tab.payoff_button.isEnabled() == (record.status == "active"), record.status
    tab.select_plan_row(rows[plan.id])
    assert tab.payoff_button.isVisible() and tab.payoff_button.isEnabled()

    tab.payoff_button.click()

    dialog = workspace.dialog
    assert isinstance(dialog, PayoffDialog) and dialog.plan.id == plan.id
    with qtbot.waitSignal(dialog.quote_shown, timeout=20_000):
        pass
    dialog.reject()
    workspace.close_workspace()
