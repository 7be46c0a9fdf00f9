"""A credit on a billed purchase, as the agent sees it (issue 11, "Console"): the Bills tab
shows the credit as a line of its own (its type in words, a negative amount marked as a credit)
and the bill's lowered figures, and the header's amount due agrees with the Bills tab.

Against the live backend (tests/helpers/live.py): the test wins a dispute on a purchase of a
customer's newest bill, so the refund goes on that bill at once (docs/rules.md, "Credits count
at once"), then opens the workspace and compares what it shows with hand-computed figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.errors import Conflict
from console.formatting import format_fen
from console.models import AccountOverview, BillDetail
from tests.helpers.live import LIVE_CUSTOMERS
from ui.widgets.table_model import RECORD_ROLE, credit_colour
from ui.workspace import CustomerWorkspace
from ui.workspace.header import primary_account

FOUR_EYES_OVER_FEN = 200_000  # the default limit: a refund up to it needs no second person


def _billed_purchases(client: ApiClient) -> Iterator[tuple[int, AccountOverview, BillDetail, Any]]:
    """Customers (from the last: the first ones are other tests' fixtures) with no open case whose
    credit line's newest bill holds a purchase small enough to refund without approval."""
    for customer_id in range(LIVE_CUSTOMERS, 11, -1):
        profile = client.get_customer(customer_id)
        account = primary_account(profile)
        if profile.open_case_count or account is None or account.product != "credit_line" or account.status != "active":
            continue
        bills = client.list_bills(account.id, limit=1).items
        if not bills:
            continue
        detail = client.get_bill(account.id, bills[0].id)
        if any(line.type == "installment_conversion" for line in detail.lines):
            continue  # a converted purchase's refund also shrinks its plan: not this test's figures
        for line in detail.lines:
            if line.type == "purchase" and 1_000 <= line.amount_fen <= FOUR_EYES_OVER_FEN:
                yield customer_id, account, detail, line
                break


def _file(client: ApiClient, transaction_id: int, amount_fen: int) -> str | None:
    """The new dispute's URL; None when the purchase already has a claim (another test's)."""
    try:
        filed = client.post_json("/v1/disputes", json={
            "transaction_id": transaction_id, "category": "consumer_dispute", "reason": "not_received",
            "disputed_amount_fen": amount_fen, "description": "The parcel never came.", "channel": "phone"})
    except Conflict:
        return None
    return f"/v1/disputes/{int(filed['id'])}"


def _win(handler: ApiClient, url: str, amount_fen: int) -> None:
    for action, body in (("acknowledge", {}),
                         ("propose_outcome", {"outcome": "won", "amount_fen": amount_fen, "note": "Refunded."})):
        _state, etag = handler.get_json_etag(url)
        handler.post_json(f"{url}/actions/{action}", json=body, if_match=etag)
    assert handler.get_json(url)["status"] == "resolved"


def test_a_refund_shows_as_a_credit_line_and_the_header_agrees_with_the_bills_tab(
    qtbot: QtBot, api_client: ApiClient, api_client_as: Callable[[str], ApiClient]
) -> None:
    found = next(((candidate, url) for candidate in _billed_purchases(api_client)
                  if (url := _file(api_client, candidate[3].transaction_id, candidate[3].amount_fen))), None)
    assert found is not None, "the live demo set has no billed purchase left to refund"
    (customer_id, account, before, purchase), url = found
    refund = purchase.amount_fen
    _win(api_client_as("handler1"), url, refund)

    workspace = CustomerWorkspace(api_client, customer_id, role="agent")
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    with qtbot.waitSignal(workspace.loaded, timeout=10_000):
        workspace.show()
    try:
        tab = workspace.bills_tab
        with qtbot.waitSignals([tab.bills_loaded, tab.lines_loaded], timeout=10_000):
            workspace.show_tab("bills")
        assert tab.shown_bill is not None and tab.shown_bill.id == before.id

        # The credit is a line of the bill: "Dispute refund", −amount, marked as a credit.
        lines = tab.lines_model
        rows = [row for row in range(lines.rowCount())
                if lines.data(lines.index(row, 0), RECORD_ROLE).type == "dispute_refund"]
        assert len(rows) == 1
        row = rows[0]
        assert lines.data(lines.index(row, 1)) == "Dispute refund"
        assert lines.data(lines.index(row, 3)) == format_fen(-refund)
        foreground = lines.data(lines.index(row, 3), Qt.ItemDataRole.ForegroundRole)
        assert isinstance(foreground, QBrush) and foreground.color() == credit_colour()
        assert lines.data(lines.index(row, 3), Qt.ItemDataRole.ToolTipRole) == (
            "Credit: reduces what the customer owes")

        # By hand: the total drops by the refund, the lines still sum to it; what is outstanding
        # drops by the refund too (the rest, if any, is kept as the account's credit).
        bill = tab.bills_model.data(tab.bills_model.index(0, 0), RECORD_ROLE)
        assert bill.total_fen == before.total_fen - refund
        assert lines.total_fen() == bill.total_fen
        assert bill.outstanding_fen == max(0, before.outstanding_fen - refund)
        assert tab.bills_model.data(tab.bills_model.index(0, 2)) == format_fen(before.total_fen - refund)
        assert tab.bills_model.data(tab.bills_model.index(0, 5)) == format_fen(bill.outstanding_fen)

        # The header says the same: before the due date the amount due is what is left of this
        # bill's minimum; after it, the amount past due (never more than the bill's outstanding).
        now = api_client.get_account(account.id)
        header = workspace.header
        assert header.used_label.text() == format_fen(now.used_fen)
        assert now.used_fen == account.used_fen - min(refund, max(0, account.used_fen))
        if now.next_due_date == bill.due_date:
            assert header.due_label.text() == format_fen(max(0, bill.minimum_payment_fen - bill.paid_fen))
        else:
            assert header.due_label.text() == format_fen(now.past_due_fen)
            assert now.past_due_fen <= bill.outstanding_fen
    finally:
        workspace.close_workspace()
