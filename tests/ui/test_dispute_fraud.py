"""Disputes, fraud reports, the action bar and the Cases tab of the workspace, against the real
in-process backend (tests/helpers/live.py). Customers 12–17 are this file's to change.

Each test files through the widgets as an agent would and then asks the API what landed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.cases import CaseQuery, list_cases
from console.disputes import Dispute
from console.fraud import FraudReport
from console.models import Transaction
from tests.helpers.live import LiveBackend, ensure_an_open_dispute
from ui.casework.dispute_dialog import DisputeDialog, yuan_text
from ui.casework.fraud_dialog import FraudDialog
from ui.wording import transaction_description
from ui.workspace import CustomerWorkspace
from ui.workspace.transactions import is_disputable, is_reportable

DISPUTE_CUSTOMER = 13
AWARDED_CUSTOMERS = (15, 16, 17)  # the demo caseload resolved (won) a dispute on each
FRAUD_CUSTOMER = 16
FREEZE_CUSTOMER = 17
ROLE_CUSTOMER = 12

OpenWorkspace = Callable[..., CustomerWorkspace]


@pytest.fixture
def open_workspace(qtbot: QtBot) -> Iterator[OpenWorkspace]:
    opened: list[CustomerWorkspace] = []

    def open_(client: ApiClient, customer_id: int, *, role: str = "agent") -> CustomerWorkspace:
        workspace = CustomerWorkspace(client, customer_id, role=role)
        qtbot.addWidget(workspace)
        workspace.resize(1280, 800)
        with qtbot.waitSignal(workspace.loaded, timeout=10_000):
            workspace.show()
        opened.append(workspace)
        return workspace

    yield open_
    for workspace in opened:
        workspace.close_workspace()


def shot(widget: Any, name: str) -> None:
    """Save what the widget looks like when CREDITDESK_SHOTS names a directory (for review)."""
    directory = os.environ.get("CREDITDESK_SHOTS")
    if directory:
        os.makedirs(directory, exist_ok=True)
        widget.grab().save(os.path.join(directory, f"{name}.png"))


def show_transactions(qtbot: QtBot, workspace: CustomerWorkspace) -> Any:
    tab = workspace.transactions_tab
    with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
        workspace.show_tab("transactions")
    return tab


def busy_transaction_ids(client: ApiClient, account_id: int) -> set[int]:
    """Transactions an open dispute or a fraud report already holds (filing again is a 409)."""
    held: set[int] = set()
    disputes = client.get_json(f"/v1/accounts/{account_id}/disputes", params={"limit": 200})
    held.update(int(d["transaction_id"]) for d in disputes["items"])  # any dispute: keep clear of them
    reports = client.get_json(f"/v1/accounts/{account_id}/fraud-reports", params={"limit": 200})
    for report in reports["items"]:
        detail = client.get_json(f"/v1/fraud-reports/{report['id']}")
        held.update(int(t["transaction_id"]) for t in detail["transactions"])
    return held


def rows_where(tab: Any, wanted: Callable[[Transaction], bool], count: int = 1) -> list[int]:
    rows = [row for row in range(tab.model.rowCount()) if wanted(tab.model.record(row))]
    assert len(rows) >= count, "the demo data has fewer such transactions than the test needs"
    return rows[:count]


def menu_action(tab: Any, rows: list[int], name: str) -> QAction:
    menu = tab.transaction_menu(rows)
    action = menu.findChild(QAction, name)
    assert action is not None
    return action


def wait_loaded(qtbot: QtBot, dialog: DisputeDialog | FraudDialog) -> None:
    task = dialog.load_task
    if task is not None and task.is_running:
        with qtbot.waitSignal(task.finished, timeout=10_000):
            pass


# -- the action bar --------------------------------------------------------------------------


@pytest.mark.parametrize(("username", "role"), [
    ("agent1", "agent"), ("handler1", "dispute_handler"), ("super1", "supervisor"),
])
def test_the_action_bar_offers_casework_to_every_role_that_files(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client_as: Callable[[str], ApiClient], username: str, role: str
) -> None:
    workspace = open_workspace(api_client_as(username), ROLE_CUSTOMER, role=role)
    buttons = [workspace.dispute_button, workspace.fraud_button, workspace.arrangement_button,
               workspace.note_button]
    assert [b.text() for b in buttons] == ["Dispute…", "Report fraud…", "Arrangement…", "Add note"]
    assert all(b.isVisible() and b.isEnabled() for b in buttons)
    shot(workspace, f"workspace-actions-{role}")

    with qtbot.waitSignal(workspace.notes_tab.notes_loaded, timeout=10_000):
        workspace.add_note()
    assert workspace.tabs.currentWidget() is workspace._pages["notes"]
    assert workspace.notes_tab.editor.hasFocus() or not workspace.isActiveWindow()


def test_a_role_that_may_not_file_sees_the_actions_disabled_with_the_reason(
    open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client, ROLE_CUSTOMER, role="admin")
    assert not workspace.dispute_button.isEnabled()
    assert "role" in workspace.dispute_button.toolTip()


# -- disputes --------------------------------------------------------------------------------


def test_file_a_dispute_from_the_transaction_menu_and_see_the_case(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client, DISPUTE_CUSTOMER)
    tab = show_transactions(qtbot, workspace)
    account_id = tab.account_picker.account_id()
    held = busy_transaction_ids(api_client, account_id)

    # A repayment cannot be disputed: the entry is there, disabled, and says why.
    credit_row = rows_where(tab, lambda t: t.type == "repayment")[0]
    credit_action = menu_action(tab, [credit_row], "disputeTransactionAction")
    assert not credit_action.isEnabled() and "Only a charge" in credit_action.toolTip()

    row = rows_where(tab, lambda t: t.type == "purchase" and t.id not in held)[0]
    transaction: Transaction = tab.model.record(row)
    tab.select_rows([row])
    action = menu_action(tab, [row], "disputeTransactionAction")
    assert action.isEnabled()
    action.trigger()
    dialog = workspace.dialog
    assert isinstance(dialog, DisputeDialog) and dialog.isVisible()
    # The amount defaults to the whole transaction, shown as yuan.
    assert dialog.amount_edit.text() == yuan_text(transaction.amount_fen)
    assert dialog.amount_fen() == transaction.amount_fen
    assert transaction.merchant is None or transaction.merchant in dialog.transaction_label.text()
    # The transaction in the user's words, as the list says it ("Purchase at 小满咖啡"): not the
    # server's Chinese description on an English screen, nor the merchant twice.
    shown = dialog.transaction_label.text()
    assert transaction_description(transaction) in shown
    assert transaction.description is None or transaction.description not in shown
    assert transaction.merchant is None or shown.count(transaction.merchant) == 1
    dialog.set_category("consumer_dispute", "not_as_described")
    assert [dialog.reason_box.itemData(i) for i in range(dialog.reason_box.count())] == [
        "not_received", "not_as_described", "cancelled_recurring"]
    dialog.description_edit.setPlainText("客户说收到的商品与描述不符。")
    shot(dialog, "dispute-dialog")

    with qtbot.waitSignal(workspace.filed, timeout=10_000) as filed, \
            qtbot.waitSignal(workspace.loaded, timeout=10_000):
        dialog.submit()
    dispute = filed.args[0]
    assert isinstance(dispute, Dispute)
    assert dispute.transaction_id == transaction.id
    assert dispute.disputed_amount_fen == transaction.amount_fen
    assert dispute.reason == "not_as_described"
    case_id = dispute.case_id
    assert f"case {case_id}" in workspace.notice.text() and "Disputes" in workspace.notice.text()

    # The API has the case for this customer, and the header counts it.
    cases = list_cases(api_client, CaseQuery(customer_id=DISPUTE_CUSTOMER)).items
    assert case_id in [c.id for c in cases]
    profile = api_client.get_customer(DISPUTE_CUSTOMER)
    assert workspace.header.cases_figure.text() == str(profile.open_case_count)

    # The Cases tab shows it, in words, open first.
    cases_tab = workspace.cases_tab
    with qtbot.waitSignal(cases_tab.cases_loaded, timeout=10_000):
        workspace.show_tab("cases")
    assert case_id in cases_tab.case_ids()
    row = cases_tab.case_ids().index(case_id)
    model = cases_tab.model
    assert model.data(model.index(row, 0)) == "Dispute"
    assert model.data(model.index(row, 3)) == "New"
    assert model.data(model.index(row, 4)).startswith("On track")
    shot(workspace, "workspace-cases-tab")

    # Enter on the row asks to open the case.
    cases_tab.view.setFocus()
    cases_tab.view.setCurrentIndex(cases_tab.view.model().index(row, 0))
    with qtbot.waitSignal(workspace.case_requested, timeout=2_000) as requested:
        qtbot.keyClick(cases_tab.view, Qt.Key.Key_Return)
    assert requested.args == [case_id]


def test_a_dispute_the_server_refuses_keeps_the_dialog_open_with_its_input(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    # A transaction whose dispute was won: nothing is left to dispute, so the server refuses the
    # second claim with 409 and a sentence naming the first (docs/rules.md, "Claims on a transaction").
    found: tuple[int, Transaction] | None = None
    for customer_id in AWARDED_CUSTOMERS:
        profile = api_client.get_customer(customer_id)
        for account in profile.accounts:
            disputes = api_client.get_json(f"/v1/accounts/{account.id}/disputes", params={"limit": 200})["items"]
            won = [d for d in disputes if d["status"] == "resolved" and (d["awarded_fen"] or 0) > 0]
            for dispute in won:
                page = api_client.list_transactions(account.id, types=("purchase",), limit=200)
                match = [t for t in page.items if t.id == dispute["transaction_id"]]
                if match and dispute["awarded_fen"] >= match[0].amount_fen:
                    found = (customer_id, match[0])
                    break
            if found:
                break
        if found:
            break
    assert found is not None, "the demo caseload resolves a won dispute on customers 15–17"
    customer_id, transaction = found

    workspace = open_workspace(api_client, customer_id)
    dialog = workspace.open_dispute(transaction)
    assert isinstance(dialog, DisputeDialog)
    dialog.set_category("processing_error", "duplicate")
    dialog.description_edit.setPlainText("Charged again for the same order.")
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused:
        dialog.submit()
    assert getattr(refused.args[0], "status", None) == 409
    assert getattr(refused.args[0], "code", None) == "claim_exceeds_transaction"
    assert dialog.isVisible()
    assert dialog.error_label.isVisible() and "refunded by dispute" in dialog.error_label.text()
    # Nothing typed is lost.
    assert dialog.description_edit.toPlainText() == "Charged again for the same order."
    assert dialog.amount_fen() == transaction.amount_fen
    assert dialog.reason_box.currentData() == "duplicate"
    assert dialog.fields.isEnabled()


def test_an_amount_over_the_transaction_is_refused_in_the_dialog(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client, DISPUTE_CUSTOMER)
    dialog = workspace.open_dispute()  # from the action bar: pick among the account's charges
    assert isinstance(dialog, DisputeDialog)
    wait_loaded(qtbot, dialog)
    assert dialog.transaction is None  # the agent picks; nothing is chosen for them
    dialog.transaction_box.setCurrentIndex(0)
    transaction = dialog.transaction
    assert transaction is not None and is_disputable(transaction)
    assert dialog.amount_fen() == transaction.amount_fen
    dialog.amount_edit.setText(yuan_text(transaction.amount_fen + 1))
    # The description's limit is said as it is typed, before submit (2,000: backend/disputes/schemas.py).
    dialog.description_edit.setPlainText("y" * 2001)
    assert dialog.description_counter.text() == "Too long: 2001 characters, at most 2000. Shorten it by 1 to go on."
    dialog.description_edit.setPlainText("More than was charged.")
    assert dialog.description_counter.text() == "22 / 2000 characters"
    dialog.submit()
    assert dialog.task is None  # nothing was sent
    assert dialog.amount_error.isVisible() and "At most" in dialog.amount_error.text()
    dialog.reject()


# -- fraud -----------------------------------------------------------------------------------


def test_report_fraud_from_the_menu_freezes_the_account_at_once(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client, FRAUD_CUSTOMER)
    assert not workspace.header.status_chip.isVisible()
    tab = show_transactions(qtbot, workspace)
    account_id = tab.account_picker.account_id()
    held = busy_transaction_ids(api_client, account_id)
    rows = rows_where(tab, lambda t: is_reportable(t) and t.id not in held, count=2)
    chosen = [tab.model.record(row).id for row in rows]
    tab.select_rows(rows)
    assert tab.selected_rows() == rows

    menu_action(tab, rows, "reportFraudAction").trigger()
    dialog = workspace.dialog
    assert isinstance(dialog, FraudDialog)
    wait_loaded(qtbot, dialog)
    assert sorted(dialog.checked_transaction_ids()) == sorted(chosen)
    assert dialog.freeze_box.isChecked() and not dialog.no_freeze_edit.isVisible()
    dialog.set_category("unknown_transactions")
    dialog.police_edit.setText("JH-2024-0612")
    dialog.description_edit.setPlainText("客户称这两笔消费不是本人所为，手机一直在身边。")
    shot(dialog, "fraud-dialog")

    with qtbot.waitSignal(workspace.filed, timeout=10_000) as filed, \
            qtbot.waitSignal(workspace.loaded, timeout=10_000):
        dialog.submit()
    report = filed.args[0]
    assert isinstance(report, FraudReport)
    assert sorted(t.transaction_id for t in report.transactions) == sorted(chosen)
    assert "frozen" in workspace.notice.text()

    # The header says Frozen at once, and the API agrees.
    assert workspace.header.status_chip.isVisible()
    assert workspace.header.status_chip.text() == "Frozen"
    account = api_client.get_json(f"/v1/accounts/{account_id}")
    assert account["status"] == "frozen"
    assert report.case_id in [c.id for c in list_cases(api_client, CaseQuery(customer_id=FRAUD_CUSTOMER)).items]
    with qtbot.waitSignal(workspace.cases_tab.cases_loaded, timeout=10_000):
        workspace.show_tab("cases")
    assert report.case_id in workspace.cases_tab.case_ids()


def test_unticking_the_freeze_without_a_reason_is_refused_in_the_dialog(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient
) -> None:
    workspace = open_workspace(api_client, FREEZE_CUSTOMER)
    dialog = workspace.open_fraud()
    assert isinstance(dialog, FraudDialog)
    wait_loaded(qtbot, dialog)
    assert dialog.transactions_list.count() > 0
    dialog.set_checked(dialog.listed_transaction_ids()[:1])
    dialog.description_edit.setPlainText("Customer does not know this purchase.")
    dialog.freeze_box.setChecked(False)
    assert dialog.no_freeze_edit.isVisible()
    dialog.submit()
    assert dialog.task is None and dialog.isVisible()
    assert dialog.no_freeze_error.isVisible() and "why" in dialog.no_freeze_error.text().lower()

    # Without transactions, an unknown-transactions report is refused in the dialog too.
    dialog.freeze_box.setChecked(True)
    dialog.set_checked([])
    dialog.submit()
    assert dialog.task is None
    assert dialog.transactions_error.isVisible()
    dialog.reject()
    account = api_client.get_customer(FREEZE_CUSTOMER).accounts[0]
    assert account.status == "active"  # nothing was filed


# -- the Cases tab ---------------------------------------------------------------------------


def test_the_cases_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, open_workspace: OpenWorkspace,
    api_client_as: Callable[[str], ApiClient], live_backend: LiveBackend,
) -> None:
    client = api_client_as("super1")
    workspace = open_workspace(client, 14, role="supervisor")  # the demo caseload has a case on 14
    tab = workspace.cases_tab
    with qtbot.waitSignal(tab.cases_loaded, timeout=10_000):
        workspace.show_tab("cases")
    expected = list_cases(client, CaseQuery(customer_id=14)).items
    assert sorted(tab.case_ids()) == sorted(c.id for c in expected) and expected
    qtmodeltester.check(tab.model)



OTHERS_CASE_CUSTOMER = 31  # no other test files on this customer


def test_an_agent_whose_cases_tab_is_empty_is_told_others_are_open(
    qtbot: QtBot, open_workspace: OpenWorkspace, api_client: ApiClient,
    api_client_as: Callable[[str], ApiClient],
) -> None:
    """The screenshots' Cases tab said "No cases for this customer." under a header counting one
    open case and an alert strip naming a fraud report: an agent sees only the cases they opened
    or hold, and the empty tab now says the customer's open cases are elsewhere."""

    ensure_an_open_dispute(api_client, OTHERS_CASE_CUSTOMER)
    from ui import i18n

    i18n.install_language(i18n.ENGLISH)  # as the console runs: its English plurals ("1 open case")
    other = api_client_as("agent2")
    assert not list_cases(other, CaseQuery(customer_id=OTHERS_CASE_CUSTOMER)).items
    workspace = open_workspace(other, OTHERS_CASE_CUSTOMER)
    assert workspace.profile is not None and workspace.profile.open_case_count >= 1
    tab = workspace.cases_tab
    with qtbot.waitSignal(tab.cases_loaded, timeout=10_000):
        workspace.show_tab("cases")
    assert tab.case_ids() == []
    text = tab.count_label.text()
    assert text != "No cases for this customer."
    count = workspace.profile.open_case_count
    assert text == ("None of your cases; the customer has 1 open case you do not see here." if count == 1 else
                    f"None of your cases; the customer has {count} open cases you do not see here.")
