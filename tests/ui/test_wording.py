"""The server's sentences in the user's words (ui/wording.py, docs/api-wording.md): the
transactions list marks what disputes and fraud reports touch and says which plan an installment
due belongs to; case summaries, approval reasons and refusals are worded from their codes, in
English and in Chinese; an unknown code falls back to the server's own text.

The Chinese of the new sentences is compiled here from `resources/translations/zh_CN/wording.json`
(the integrator regenerates the real .qm with `make translations`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.arrangements import ApprovalReason
from console.cases import Case, CaseQuery, get_subject, list_cases
from console.disputes import Dispute
from console.errors import Conflict
from console.models import Transaction, TransactionClaim
from tests.helpers.translations import fill_module
from ui import i18n, wording
from ui.failures import failure_message
from ui.workspace.models import TransactionQuery, TransactionsModel
from ui.workspace.transactions import fetch_transactions

DESCRIPTION, CLAIM = 3, TransactionsModel.CLAIM_COLUMN


def wording_sources() -> list[str]:
    """The sources ui/wording.py marks for the "Wording" context (as lupdate collects them)."""
    text = (Path(__file__).resolve().parents[2] / "ui" / "wording.py").read_text(encoding="utf-8")
    return re.findall(r'QT_TRANSLATE_NOOP\(\s*"Wording",\s*"((?:[^"\\]|\\.)*)"', text)


@pytest.fixture
def chinese_wording(tmp_path: Path) -> Iterator[None]:
    """Chinese, with the Wording sentences compiled from the fill script's translations into a
    translator of their own (as `make translations` will put them in the real .qm)."""
    words: dict[str, str] = fill_module().glossary()
    sources = wording_sources()
    missing = [source for source in sources if source not in words]
    assert not missing, f"no Chinese for {missing}"

    def message(source: str, text: str, *, plural: bool = False) -> str:
        if plural:
            return (f'<message numerus="yes"><source>{escape(source)}</source>'
                    f"<translation><numerusform>{escape(text)}</numerusform></translation></message>")
        return f"<message><source>{escape(source)}</source><translation>{escape(text)}</translation></message>"

    body = "".join(message(source, words[source]) for source in dict.fromkeys(sources))
    counts = message("%n transaction(s)", words["%n transaction(s)"], plural=True)
    ts = tmp_path / "wording_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        f"<context><name>Wording</name>{body}</context>"
        f"<context><name>Counts</name>{counts}</context>"
        f"<context><name>WorkspaceModels</name>{message('Dispute / fraud', words['Dispute / fraud'])}</context>"
        "</TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "wording_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    i18n.install_language(i18n.CHINESE)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.install_language(i18n.ENGLISH)


def disputed_transaction(api_client_as: Callable[[str], ApiClient]) -> tuple[int, int, int]:
    """(account id, transaction id, dispute id) of a dispute the demo data has open."""
    handler = api_client_as("handler1")
    cases = list_cases(handler, CaseQuery(type="dispute", open=True), limit=1).items
    assert cases, "the demo data has an open dispute"
    dispute = get_subject(handler, cases[0])
    assert isinstance(dispute, Dispute)
    return dispute.account_id, dispute.transaction_id, dispute.id


def loaded_model(qtbot: QtBot, client: ApiClient, account_id: int) -> TransactionsModel:
    model = TransactionsModel(fetch_transactions(client), page_size=200)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.set_query(TransactionQuery(account_id))
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
    while model.has_more:
        with qtbot.waitSignal(model.page_loaded, timeout=10_000):
            model.fetchMore(QModelIndex())
    return model


def row_of(model: TransactionsModel, transaction_id: int) -> int:
    return next(row for row in range(model.rowCount()) if model.record(row).id == transaction_id)


def test_a_disputed_transaction_is_marked_in_the_list_with_its_claims_on_hover(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient]
) -> None:
    account_id, transaction_id, dispute_id = disputed_transaction(api_client_as)
    model = loaded_model(qtbot, api_client_as("agent1"), account_id)
    assert model.headerData(CLAIM, Qt.Orientation.Horizontal) == "Dispute / fraud"

    row = row_of(model, transaction_id)
    record: Transaction = model.record(row)
    held = {claim.kind for claim in record.claims if claim.source_id == dispute_id}
    assert held & {"disputed", "provisionally_credited"}
    mark = model.data(model.index(row, CLAIM))
    assert mark in ("Under dispute", "Provisionally credited")
    tooltip = model.data(model.index(row, CLAIM), Qt.ItemDataRole.ToolTipRole)
    assert f"dispute {dispute_id}" in tooltip
    assert model.data(model.index(row, CLAIM), Qt.ItemDataRole.ForegroundRole) is not None  # in the warning colour

    # A transaction nothing claims has no mark and no tooltip.
    untouched = next(r for r in range(model.rowCount()) if not model.record(r).claims)
    assert model.data(model.index(untouched, CLAIM)) == ""
    assert model.data(model.index(untouched, CLAIM), Qt.ItemDataRole.ToolTipRole) is None


def test_an_installment_due_says_which_plan_it_belongs_to(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient]
) -> None:
    client = api_client_as("agent1")
    for customer_id in range(1, 41):
        accounts = [a.id for a in client.get_customer(customer_id).accounts]
        for account_id in accounts:
            dues = client.list_transactions(account_id, types=("installment_principal",), limit=1).items
            if dues and dues[0].description_params.get("plan_kind") == "transaction_installment":
                break
        else:
            continue
        break
    else:
        pytest.fail("the demo data has a purchase installment due")
    due = dues[0]
    plans = {plan.id: plan for plan in client.list_installment_plans(account_id)}
    plan = plans[due.plan_id] if due.plan_id in plans else None
    params = due.description_params
    expected_plan = plan.description if plan is not None else params["plan"]

    model = loaded_model(qtbot, client, account_id)
    text = model.data(model.index(row_of(model, due.id), DESCRIPTION))
    assert text == (f"Purchase installment {params['period']}/{params['periods']} of plan {due.plan_id} "
                    f"({expected_plan})")


def test_in_chinese_the_list_says_the_claim_and_the_plan_in_chinese(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient], chinese_wording: None
) -> None:
    account_id, transaction_id, _dispute_id = disputed_transaction(api_client_as)
    model = loaded_model(qtbot, api_client_as("agent1"), account_id)
    assert model.headerData(CLAIM, Qt.Orientation.Horizontal) == "争议/欺诈"
    assert model.data(model.index(row_of(model, transaction_id), CLAIM)) in ("争议中", "已临时贷记")

    due = Transaction.from_json({
        "id": 1, "account_id": 1, "type": "installment_principal", "amount_fen": 55_600,
        "posted_at": "2026-10-31T16:00:00Z", "merchant": None, "plan_id": 12,
        "description": "transaction installment 1/9: 星巴克 9期", "description_code": "installment_due",
        "description_params": {"plan_id": 12, "plan_kind": "transaction_installment", "period": 1, "periods": 9,
                                "plan": "星巴克 9期"},
    })
    kind = QCoreApplication.translate("WorkspaceLabels", "Purchase installment")
    assert kind != "Purchase installment"
    assert wording.transaction_description(due) == f"{kind} 第 1/9 期 · 分期计划 12（星巴克 9期）"
    penalty = Transaction.from_json({
        "id": 2, "account_id": 1, "type": "penalty_interest", "amount_fen": 450, "posted_at": "2026-10-31T16:00:00Z",
        "merchant": None, "plan_id": None, "description": "Penalty interest", "description_code": "penalty_interest",
    })
    assert wording.transaction_description(penalty) == "罚息"


def case_from(summary: str, code: str | None, params: dict[str, Any]) -> Case:
    return Case.from_json({
        "id": 7, "type": "dispute", "subject_id": 3, "subject_url": "/v1/disputes/3", "account_id": 1,
        "customer_id": 1, "status": "new", "is_open": True, "queue": "disputes", "priority": "normal",
        "assignee_id": None, "assignee_name": None, "summary": summary, "amount_fen": 5_000, "opened_by": 1,
        "opened_at": "2026-11-20T02:00:00Z", "due_at": None, "paused_since": None, "closed_at": None,
        "sla_state": "on_track", "seconds_to_due": None, "version": 1, "summary_code": code,
        "summary_params": params,
    })


DISPUTE_PARAMS = {"category": "consumer_dispute", "reason": "not_received", "amount_fen": 5_000,
                  "transaction_id": 41, "merchant": "美团"}


def test_case_summaries_and_approval_reasons_in_both_languages(qtbot: QtBot, tmp_path: Path) -> None:
    english = "Dispute (consumer dispute: not received): ¥50.00 of transaction 41 (美团)"
    case = case_from(english, "dispute", DISPUTE_PARAMS)
    assert wording.case_summary(case) == "Dispute (Consumer dispute: Goods or service not received): ¥50.00 of transaction 41 (美团)"
    # An unknown code, or none (an older case), is the server's text as it came.
    assert wording.case_summary(case_from("Something new", "a_newer_code", {"x": 1})) == "Something new"
    assert wording.case_summary(case_from("Older case", None, {})) == "Older case"

    reason = ApprovalReason("hardship_months", "24 months is over the 12 months an agent may grant alone.",
                            {"months": 24, "agent_max_months": 12})
    assert wording.approval_reason(reason) == "24 months is over the 12 months an agent may grant alone."
    unknown = ApprovalReason("a_newer_limit", "Over a limit we do not know yet.", {"n": 1})
    assert wording.approval_reason(unknown) == "Over a limit we do not know yet."


def test_case_summaries_and_refusals_in_chinese(qtbot: QtBot, chinese_wording: None) -> None:
    case = case_from("Dispute (…)", "dispute", DISPUTE_PARAMS)
    category = QCoreApplication.translate("Casework", "Consumer dispute")
    reason = QCoreApplication.translate("Casework", "Goods or service not received")
    assert category != "Consumer dispute" and reason != "Goods or service not received"
    assert wording.case_summary(case) == f"争议（{category}：{reason}）：交易 41 中的 ¥50.00（美团）"

    arrangement = case_from("Hardship plan: 24 months, ¥40,220.00. Needs approval: …", "arrangement", {
        "type": "hardship_plan", "amount_fen": 4_022_000, "months": 24,
        "reasons": [{"code": "hardship_months", "params": {"months": 24, "agent_max_months": 12}}],
    })
    hardship = QCoreApplication.translate("Casework", "Hardship plan")
    months = QCoreApplication.translate("Arrangements", "%1 months is over the %2 months an agent may grant alone.")
    assert "%1" in months and months != "%1 months is over the %2 months an agent may grant alone."
    assert wording.case_summary(arrangement) == (
        f"{hardship}：24 个月，¥40,220.00。需要审批：{months.replace('%2', '12').replace('%1', '24')}"
    )

    refused = Conflict(409, code="claim_exceeds_transaction", detail="Transaction 41 (¥300.00) already has …",
                       body={"params": {"transaction_id": 41, "transaction_amount_fen": 30_000, "amount_fen": 20_001,
                                        "left_fen": 20_000, "subject": "new_case", "source_id": None,
                                        "claims": [{"kind": "refunded", "amount_fen": 10_000, "source_type": "dispute",
                                                    "source_id": 3}]}})
    assert failure_message(refused) == (
        "交易 41（¥300.00）已有：争议 3 已退款 ¥100.00；新的申请 ¥200.01 将使贷记超过交易金额（最多还剩 ¥200.00）。")


def test_claim_marks_name_what_matters_most() -> None:
    def with_claims(*kinds: str) -> Transaction:
        return Transaction(id=1, account_id=1, type="purchase", amount_fen=100, posted_at=None,  # type: ignore[arg-type]
                           business_date=None, merchant="M", description="", plan_id=None,  # type: ignore[arg-type]
                           claims=tuple(TransactionClaim(kind, 50, "dispute", 9) for kind in kinds))

    assert wording.claim_marker(with_claims()) == ""
    assert wording.claim_marker(with_claims("refunded", "disputed")) == "Under dispute"
    assert wording.claim_marker(with_claims("written_off")) == "Written off"
    assert wording.claim_tooltip(with_claims("refunded", "disputed")) == (
        "Refunded after a dispute: ¥0.50 — dispute 9\nUnder dispute: ¥0.50 — dispute 9")


def _refusal(code: str, params: dict[str, Any], status: int = 409) -> Conflict:
    return Conflict(status, code=code, detail="The server's English.", body={"params": params})


STATE_REFUSALS = [
    _refusal("invalid_transition", {"subject": "dispute", "status": "investigating", "action": "acknowledge",
                                    "allowed_actions": ["send_to_merchant", "withdraw"]}),
    _refusal("invalid_transition", {"subject": "fraud_report", "status": "closed", "action": "confirm",
                                    "allowed_actions": []}),
    _refusal("four_eyes", {"subject": "dispute_outcome"}, 403),
    _refusal("four_eyes", {"subject": "arrangement"}, 403),
    _refusal("forbidden", {"action": "approve_outcome", "required_role": "supervisor"}, 403),
    _refusal("already_disputed", {"transaction_id": 41, "dispute_id": 7}),
    _refusal("reported_as_fraud", {"transaction_id": 41, "fraud_report_id": 3}),
    _refusal("provisional_credit_outstanding", {"amount_fen": 12_345}),
    _refusal("no_provisional_credit", {}),
    _refusal("extension_limit", {"window_days": 45, "max_days": 60, "left_days": 15}, 422),
    _refusal("extension_needs_supervisor", {"reason": "extended_once"}, 403),
    _refusal("extension_needs_supervisor", {"reason": "over_handler_days", "max_days": 30}, 403),
    _refusal("transaction_already_reported", {"transaction_ids": [41, 42]}),
    _refusal("transaction_under_dispute", {"disputes": [{"transaction_id": 41, "dispute_id": 7}]}),
]


def test_dispute_and_fraud_state_refusals_are_worded_from_their_params() -> None:
    """Issue 14: the state refusals of disputes and fraud reports (backend/common/casework.py)
    came as English only; their code and params are worded here."""
    assert [failure_message(exc) for exc in STATE_REFUSALS] == [
        "This dispute is “Investigating”: “Acknowledge” is not possible now. "
        "Allowed now: “Send to merchant”, “Withdraw”.",
        "This fraud report is “Closed”: “Confirm fraud” is not possible.",
        "You proposed this outcome: another supervisor must approve or reject it (four eyes).",
        "You proposed this arrangement: another supervisor must decide it (four eyes).",
        "Only a supervisor may “Approve outcome”.",
        "Transaction 41 is already under open dispute 7.",
        "Transaction 41 is in fraud report 3; work it there (a confirmed report writes it off) instead of disputing it.",
        "A provisional credit of ¥123.45 is outstanding; reverse it first.",
        "There is no outstanding provisional credit to reverse.",
        "The decision window is 45 days; it may grow to at most 60 days from filing (15 more days).",
        "This dispute was already extended; only a supervisor may extend it again.",
        "A handler may extend to at most 30 days from filing; ask a supervisor for more.",
        "Already reported as fraud in another report: transaction 41, 42.",
        "Under open dispute: transaction 41 (dispute 7). Withdraw the dispute first, or leave the transaction out "
        "of this report.",
    ]
    # A forbidden refusal without these params is the server's sentence, as before.
    assert failure_message(_refusal("forbidden", {"action": "x"}, 403)).startswith("The server's English.")


def test_dispute_and_fraud_state_refusals_in_chinese(qtbot: QtBot, chinese_wording: None) -> None:
    said = [failure_message(exc) for exc in STATE_REFUSALS]
    words = {code: QCoreApplication.translate("Casework", text) for code, text in (
        ("investigating", "Investigating"), ("acknowledge", "Acknowledge"), ("send_to_merchant", "Send to merchant"),
        ("withdraw", "Withdraw"), ("closed", "Closed"), ("confirm", "Confirm fraud"),
        ("approve_outcome", "Approve outcome"))}
    assert all(re.search("[\u4e00-\u9fff]", w) for w in words.values()), words
    assert said == [
        f"该争议当前为“{words['investigating']}”，现在不能“{words['acknowledge']}”。"
        f"当前可执行：“{words['send_to_merchant']}”、“{words['withdraw']}”。",
        f"该欺诈举报当前为“{words['closed']}”，不能“{words['confirm']}”。",
        "该处理结果由您提议，须由另一位主管批准或驳回（双人复核）。",
        "该还款安排由您提议，须由另一位主管决定（双人复核）。",
        f"只有主管可以“{words['approve_outcome']}”。",
        "交易 41 已在未结争议 7 中。",
        "交易 41 已在欺诈举报 3 中；请在该举报中处理（举报确认后将核销），不要再发起争议。",
        "尚有 ¥123.45 的临时贷记未冲回；请先冲回。",
        "没有可冲回的临时贷记。",
        "处理期限为 45 天；自提交起最多可延至 60 天（还可延 15 天）。",
        "该争议已延期过一次；再次延期须由主管办理。",
        "争议处理专员最多可延期至提交后 30 天；更长须请主管办理。",
        "已在另一份欺诈举报中：交易 41、42。",
        "处于未结争议中：交易 41（争议 7）。请先撤回争议，或不将该交易列入本次举报。",
    ]


def test_fee_components_are_one_table_said_in_chinese_everywhere(qtbot: QtBot) -> None:
    """Issue 14: the fee-component words stood in three tables under three contexts; the wizard
    looked its table up in a fourth ("Casework"), where they have no Chinese, so its "Waive:"
    choices and its terms read "Penalty interest" on a Chinese console. One table, in ui/wording.py."""
    from ui.arrangements import texts
    from ui.arrangements.terms_forms import FeeWaiverForm
    from ui.arrangements.wizard_words import terms_text
    from ui.cases import case_words

    assert not hasattr(texts, "COMPONENT_TEXTS") and not hasattr(case_words, "FEE_COMPONENT_TEXTS")
    i18n.install_language(i18n.CHINESE)
    try:
        form = FeeWaiverForm()
        qtbot.addWidget(form)
        choices = [form.component_box.itemText(row) for row in range(form.component_box.count())]
        said = terms_text("fee_waiver", {"component": "penalty_interest", "amount_fen": 5_000})
        labels = [wording.component_text(code) for code in ("penalty_interest", "interest", "fees")]
        inside = wording.component_text("fees", in_sentence=True)
    finally:
        i18n.install_language(i18n.ENGLISH)
    assert labels == ["罚息", "利息", "费用"] and inside == "费用"
    assert set(choices) <= set(labels) and choices
    assert "罚息" in said and "Penalty" not in said


@pytest.mark.parametrize(("language", "expected"), [
    (i18n.ENGLISH, ["1 payment from %1 to %2, adding up to %3.", "18 payments from %1 to %2, adding up to %3.",
                    "3 transactions", "1 day", "… and 15 more"]),
    (i18n.CHINESE, ["共 1 期，自 %1 至 %2，合计 %3。", "共 18 期，自 %1 至 %2，合计 %3。", "3 笔交易", "1 天", "……另有 15 期"]),
])
def test_counted_sentences_are_plurals_in_both_languages(qtbot: QtBot, language: str, expected: list[str]) -> None:
    """The approvals schedule read "18 payment(s) from …" in English and stayed English in
    Chinese: lupdate marks a plural only for a tr() with a count, and skipped
    QCoreApplication.translate(…, len(schedule)) altogether."""
    i18n.install_language(language)
    try:
        counts = wording.Counts()
        said = [counts.payments(1), counts.payments(18), counts.transactions(3), counts.days(1), counts.more(15)]
    finally:
        i18n.install_language(i18n.ENGLISH)
    assert said == expected
