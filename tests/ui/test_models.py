"""Every table model of the workspace passes Qt's model tester (pytest-qt `qtmodeltester`),
filled with real data from the in-process backend; the paging model also after fetchMore."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.formatting import format_fen
from ui.widgets.table_model import SORT_ROLE
from ui.workspace.models import (
    BillLinesModel,
    BillsModel,
    NotesModel,
    PlansModel,
    ScheduleModel,
    TransactionQuery,
    TransactionsModel,
)
from ui.workspace.transactions import fetch_transactions

CUSTOMER = 1


def test_bill_models(qtmodeltester: ModelTester, api_client: ApiClient) -> None:
    account_id = api_client.get_customer(CUSTOMER).accounts[0].id
    bills = api_client.list_bills(account_id).items
    model = BillsModel()
    qtmodeltester.check(model)  # empty, then filled (the tester stays attached)
    model.set_records(bills)
    qtmodeltester.check(model)
    assert model.rowCount() == len(bills) > 0
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Total"

    lines = BillLinesModel()
    lines.set_records(api_client.get_bill(account_id, bills[0].id).lines)
    qtmodeltester.check(lines)
    assert lines.total_fen() == bills[0].total_fen


def test_plan_and_schedule_models(qtmodeltester: ModelTester, api_client: ApiClient) -> None:
    profile = api_client.get_customer(CUSTOMER)
    plans = PlansModel({a.id: a.account_number for a in profile.accounts})
    plans.set_records(profile.plans or ())
    qtmodeltester.check(plans)
    assert plans.rowCount() == len(profile.plans or ()) > 0
    assert plans.data(plans.index(0, 0)) in {a.account_number for a in profile.accounts}

    schedule = ScheduleModel()
    schedule.set_records((profile.plans or ())[0].schedule)
    qtmodeltester.check(schedule)
    assert schedule.data(schedule.index(0, 2), SORT_ROLE) == (profile.plans or ())[0].schedule[0].principal_fen


def test_notes_model(qtmodeltester: ModelTester, api_client: ApiClient) -> None:
    account_id = api_client.get_customer(CUSTOMER).accounts[0].id
    note = api_client.add_note(account_id, "Model tester note")
    model = NotesModel({account_id: "HB"})
    model.set_records(api_client.list_notes(account_id).items)
    qtmodeltester.check(model)
    assert model.record(0).id == note.id
    model.add_note(note)  # already shown: not twice
    assert [n.id for n in model.records()].count(note.id) == 1


def test_a_notes_tooltip_shows_the_typed_text_not_html(api_client: ApiClient) -> None:
    from PySide6.QtGui import QTextDocument

    account_id = api_client.get_customer(CUSTOMER).accounts[0].id
    body = "Customer said <b>not</b> to call & <i>wrote</i>\nsecond line"
    note = api_client.add_note(account_id, body)
    model = NotesModel({account_id: "HB"})
    model.set_records([note])
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Note")
    tooltip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    document = QTextDocument()
    document.setHtml(tooltip)  # Qt shows a tooltip that looks like HTML as rich text
    assert document.toPlainText() == body


def test_transactions_model_pages_and_passes_the_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, api_client: ApiClient
) -> None:
    account_id = api_client.get_customer(CUSTOMER).accounts[0].id
    model = TransactionsModel(fetch_transactions(api_client), page_size=25)
    assert not model.canFetchMore(QModelIndex())  # no query yet

    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.set_query(TransactionQuery(account_id))
    assert model.rowCount() == 25 and model.canFetchMore(QModelIndex())

    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())
        assert model.is_loading and not model.canFetchMore(QModelIndex())  # one page in flight at a time
    assert model.rowCount() == 50

    # The tester stays attached: it fetches more itself on every insert, so it walks every page.
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: not model.is_loading and not model.has_more, timeout=20_000)
    total = len(api_client.list_transactions(account_id, limit=200).items)
    assert model.rowCount() == total > 50

    first = model.record(0)
    assert model.data(model.index(0, 4)) == format_fen(first.amount_fen)
    assert model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 99)) is None and model.data(QModelIndex()) is None

    # A new query drops the old rows, and an answer for the old query never lands in the new one.
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.set_query(TransactionQuery(account_id, types=("repayment",)))
    # The attached tester keeps fetching on every insert: wait until it has read the last page.
    qtbot.waitUntil(lambda: not model.is_loading and not model.has_more, timeout=20_000)
    assert {t.type for t in model.records()} == {"repayment"}


def test_a_new_query_fetches_one_first_page_even_when_a_listener_fetches_during_the_reset(
    qtbot: QtBot, api_client: ApiClient
) -> None:
    """The attached model tester (and a view) call fetchMore from modelReset; set_query used to
    start its own first page on top, leaving an untracked request running after the test's wait."""
    from ui import tasks

    account_id = api_client.get_customer(CUSTOMER).accounts[0].id
    model = TransactionsModel(fetch_transactions(api_client), page_size=25)
    model.modelReset.connect(lambda: model.fetchMore(QModelIndex()))

    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.set_query(TransactionQuery(account_id))
        assert [t.label for t in tasks.active_tasks()] == ["transactions page"]
    qtbot.waitUntil(lambda: not tasks.active_tasks(), timeout=10_000)
    assert model.rowCount() == 25


def test_every_transaction_type_the_api_defines_has_a_label_and_a_filter() -> None:
    from backend.billing.engine import TRANSACTION_TYPES
    from ui.workspace import labels
    from ui.workspace.transactions import TYPE_GROUPS

    assert set(TRANSACTION_TYPES) <= set(labels.TRANSACTION_TYPES)
    assert set(TRANSACTION_TYPES) <= set(labels.TRANSACTION_FILTER_ORDER)
    filtered = {t for _, types in TYPE_GROUPS for t in types}
    assert set(TRANSACTION_TYPES) <= filtered, set(TRANSACTION_TYPES) - filtered


def test_every_enumeration_value_the_api_sends_has_words_on_screen() -> None:
    from typing import get_args

    from backend.accounts.schemas import AccountStatus, DelinquencyBucket, Product
    from backend.billing.schemas import BillStatus
    from backend.installments.schemas import PeriodStatus, PlanKind, PlanStatus
    from backend.notes.schemas import Channel
    from ui.widgets import chips
    from ui.workspace import labels

    expected = {
        "bucket": (get_args(DelinquencyBucket), chips.BUCKET_TEXTS),
        "account_status": (get_args(AccountStatus), chips.ACCOUNT_STATUS_TEXTS),
        "product": (get_args(Product), chips.PRODUCT_TEXTS),
        "bill_status": (get_args(BillStatus), chips.BILL_STATUS_TEXTS),
        "plan_kind": (get_args(PlanKind), labels.PLAN_KINDS),
        "plan_status": (get_args(PlanStatus), labels.PLAN_STATUSES),
        "period_status": (get_args(PeriodStatus), labels.PERIOD_STATUSES),
        "channel": (get_args(Channel), labels.CHANNELS),
    }
    for kind, (values, table) in expected.items():
        # Every value the API sends has words (a stale extra entry is harmless).
        assert set(values) <= set(table), kind
