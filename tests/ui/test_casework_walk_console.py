"""The walk of issue 5, through the console's own windows against a backend of its own:

agent1 files a dispute from a transaction's context menu and proposes a 24-month hardship plan
in the wizard (beyond an agent's 12 months: it waits); handler1 takes the dispute from the
Queues view, acknowledges it and asks the customer for information on the case page; super1 approves the plan in the
approvals inbox. After each step the API is asked what really happened.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.arrangements import Arrangement
from console.cases import CaseQuery, list_cases
from console.disputes import Dispute
from tests.helpers.live import LiveBackend
from ui.arrangements.wizard import ArrangementWizard
from ui.cases.queue import CaseListView
from ui.main_window import MainWindow
from ui.supervisor.approvals import ApprovalsView
from ui.workspace.transactions import is_disputable

WAIT_MS = 20_000
CUSTOMER = 1  # M1 overdue (tests/helpers/live.py): a hardship plan applies


@pytest.fixture(scope="module")
def walk_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveBackend]:
    """A backend of this walk's own: it changes customer 1, which other tests only read."""
    backend = LiveBackend(tmp_path_factory.mktemp("walk") / "walk.sqlite3", customers=12)
    try:
        yield backend
    finally:
        backend.stop()


def window_for(qtbot: QtBot, backend: LiveBackend, username: str, tmp_path: Path) -> MainWindow:
    client = backend.client(username)
    assert client.user is not None
    settings = QSettings(str(tmp_path / f"{username}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(client, client.user, settings=settings, server_label=backend.base_url)
    qtbot.addWidget(window)
    window.resize(1366, 860)
    window.show()
    return window


def test_agent_files_and_proposes_handler_works_supervisor_approves(
    qtbot: QtBot, walk_backend: LiveBackend, tmp_path: Path
) -> None:
    # -- agent1: a dispute from the transactions' context menu ---------------------------------
    agent = window_for(qtbot, walk_backend, "agent1", tmp_path)
    workspace = agent.open_customer(CUSTOMER)
    qtbot.waitUntil(lambda: workspace.profile is not None, timeout=WAIT_MS)
    transactions = workspace.show_tab("transactions")
    tab = workspace.transactions_tab
    assert transactions is not None
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT_MS)
    api: ApiClient = agent.client
    disputed = {c.subject_id for c in list_cases(api, CaseQuery(customer_id=CUSTOMER)).items}
    row = next(r for r in range(tab.model.rowCount()) if is_disputable(tab.model.record(r)))
    transaction = tab.model.record(row)
    tab.select_rows([row])
    menu = tab.transaction_menu([row])
    action = next(a for a in menu.actions() if a.objectName() == "disputeTransactionAction")
    assert action.isEnabled()
    action.trigger()
    dialog = workspace.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.description_edit.setPlainText("The customer says the parcel never arrived.")  # type: ignore[attr-defined]
    with qtbot.waitSignal(workspace.filed, timeout=WAIT_MS) as filed:
        dialog.submit()  # type: ignore[attr-defined]
    dispute = filed.args[0]
    assert isinstance(dispute, Dispute)
    assert dispute.transaction_id == transaction.id and dispute.id not in disputed
    dispute_case = dispute.case_id
    assert api.get_json(f"/v1/disputes/{dispute.id}")["status"] == "new"

    # -- agent1: a 24-month hardship plan in the wizard: it says it waits, and why --------------
    wizard = workspace.open_arrangement()
    assert isinstance(wizard, ArrangementWizard)
    wizard.type_page.select("hardship_plan")
    wizard.next()
    wizard.terms_page.forms["hardship_plan"].months_box.setValue(24)  # type: ignore[attr-defined]
    with qtbot.waitSignal(wizard.quote_page.quote_ready, timeout=WAIT_MS):
        wizard.next()
    assert "12 months an agent may grant alone" in wizard.quote_page.decision.text()
    wizard.next()
    assert wizard.finish_button_text() == "Send for approval"
    with qtbot.waitSignal(wizard.arrangement_submitted, timeout=WAIT_MS) as submitted:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    plan = submitted.args[0]
    assert isinstance(plan, Arrangement)
    assert plan.status == "pending_approval" and plan.typed_terms.months == 24
    assert plan.case_id is not None
    plan_case = plan.case_id
    wizard.close()
    agent.close()

    # -- handler1: the dispute from the queue; acknowledge it, then ask the customer -----------
    handler = window_for(qtbot, walk_backend, "handler1", tmp_path)
    queues = handler.show_view("queues")
    assert isinstance(queues, CaseListView)
    qtbot.waitUntil(lambda: dispute_case in {c.id for c in queues.shown_cases()}, timeout=WAIT_MS)
    page = handler.open_case(dispute_case)
    qtbot.waitUntil(lambda: page.subject is not None and "acknowledge" in page.action_buttons, timeout=WAIT_MS)
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS), qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.action_buttons["acknowledge"].click()
    assert page.status_chip.text() == "Investigating"
    # The customer is asked for the delivery details: the dispute waits, its SLA clock paused. (A
    # decision now would change what the account owes, and the plan proposed on the account as
    # it was would then be refused on approval: 409, the account changed since the proposal.)
    page.action_buttons["request_customer_info"].click()
    assert page.action_dialog is not None  # what was asked goes with it
    page.action_dialog.fields["note"].setPlainText("Delivery details from the courier")
    with qtbot.waitSignal(page.changed, timeout=WAIT_MS), qtbot.waitSignal(page.loaded, timeout=WAIT_MS):
        page.action_dialog.submit()
    assert page.status_chip.text() == "Waiting for customer"
    worked = api.get_json(f"/v1/disputes/{dispute.id}")
    assert worked["status"] == "pending_customer"
    assert api.get_json(f"/v1/cases/{dispute_case}")["sla_state"] == "paused"
    handler.close()

    # -- super1: the plan in the approvals inbox, approved with a comment -----------------------
    supervisor = window_for(qtbot, walk_backend, "super1", tmp_path)
    inbox = supervisor.show_view("approvals")
    assert isinstance(inbox, ApprovalsView)
    qtbot.waitUntil(lambda: plan_case in {item.case.id for item in inbox.items()}, timeout=WAIT_MS)
    assert inbox.select_case(plan_case)
    qtbot.waitUntil(lambda: inbox.approve_button.isVisibleTo(inbox), timeout=WAIT_MS)
    inbox.comment_edit.setPlainText("Hardship confirmed: lost job in October.")
    with qtbot.waitSignal(inbox.decided, timeout=WAIT_MS) as decided:
        inbox.approve_button.click()
    assert decided.args == [plan_case, "approve"]
    assert api.get_json(f"/v1/arrangements/{plan.id}")["status"] == "active"
    assert plan_case not in {item.case.id for item in inbox.items()}
    supervisor.close()
