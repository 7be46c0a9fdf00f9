"""Disputes over HTTP: filing with each validation error, the full flow to every outcome, four
eyes, the money events against the ledger, the minimum payment at the statement cut, the SLA
across pause, resume and extension, idempotent replays, and If-Match (412, 428).

The book (tests/helpers/disputes.py) is written once per module in a transaction that is rolled
back at the end; each test runs in a SAVEPOINT of its own, with the clock back at TODAY 10:00.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, func, select

from backend.accounts.models import Account, Transaction
from backend.audit.models import AuditRecord
from backend.billing.eod import run_end_of_day
from backend.billing.ledger import balance_from_transactions
from backend.billing.models import Bill, BillLine
from backend.cases.models import Case, CaseEvent
from backend.db import transaction
from backend.disputes.models import Dispute, DisputeMoneyEvent
from tests.helpers.api import FixedClock, idempotency_headers, problem
from tests.helpers.db import joined_sessionmaker, rolled_back_connection
from tests.helpers.disputes import (
    FEE_FEN,
    PURCHASE_FEN,
    SMALL_PURCHASE_FEN,
    World,
    build_world,
    opening_time,
)

LIMIT = 200_000  # policy.dispute_outcome_approval_over_fen


@pytest.fixture(scope="module", name="module_world")
def module_world_fixture(db_engine: Engine) -> Iterator[tuple[Connection, World]]:
    with rolled_back_connection(db_engine) as connection:
        factory = joined_sessionmaker(connection)
        world = build_world(factory, FixedClock(opening_time()))
        yield connection, world


@pytest.fixture(name="world")
def world_fixture(module_world: tuple[Connection, World]) -> Iterator[World]:
    connection, world = module_world
    world.clock.set(opening_time())
    headers = world.headers
    savepoint = connection.begin_nested()
    try:
        yield world
    finally:
        world.headers = headers  # tokens made by `travel` are rolled back with the test
        if savepoint.is_active:
            savepoint.rollback()


def parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00"))


def money_sum(world: World, dispute_id: int) -> int:
    """Σ amount_fen of the transactions the dispute's money events posted."""
    with world.session() as session:
        total = session.scalar(
            select(func.coalesce(func.sum(Transaction.amount_fen), 0))
            .join(DisputeMoneyEvent, DisputeMoneyEvent.transaction_id == Transaction.id)
            .where(DisputeMoneyEvent.dispute_id == dispute_id)
        )
    return int(total or 0)


def assert_ledger_holds(world: World) -> None:
    with world.session() as session:
        account = session.get(Account, world.account_id)
        assert account is not None
        assert account.balance_fen == balance_from_transactions(session, world.account_id)


def audit_actions(world: World, dispute_id: int) -> list[str]:
    with world.session() as session:
        return list(
            session.scalars(
                select(AuditRecord.action)
                .where(AuditRecord.entity_type == "dispute", AuditRecord.entity_id == str(dispute_id))
                .order_by(AuditRecord.id)
            )
        )


# --- Filing ----------------------------------------------------------------------------------

def test_an_agent_files_a_dispute_and_its_case_opens(world: World) -> None:
    balance_before = world.account().balance_fen
    response = world.file(world.purchase_id, 100_000)

    assert response.status_code == 201, response.text
    dispute = response.json()
    assert response.headers["ETag"] == f'"dispute-{dispute["id"]}-v1"'
    assert response.headers["Location"] == f"/v1/disputes/{dispute['id']}"
    assert dispute["status"] == "new"
    assert dispute["version"] == 1
    assert (dispute["account_id"], dispute["transaction_id"]) == (world.account_id, world.purchase_id)
    assert dispute["transaction"]["amount_fen"] == PURCHASE_FEN
    assert dispute["disputed_amount_fen"] == 100_000
    assert dispute["outcome"] is None and dispute["money_events"] == []
    assert dispute["allowed_actions"] == []  # the agent files; handlers act
    account = world.account()
    assert account.disputed_fen == 100_000
    assert account.balance_fen == balance_before  # filing moves no money

    case = world.case(dispute["case_id"])
    assert (case.type, case.subject_id, case.queue, case.status) == ("dispute", dispute["id"], "disputes", "new")
    assert case.priority == "normal"
    assert case.due_at == parse(dispute["sla"]["acknowledge_due_at"])
    assert case.amount_fen == 100_000 and case.is_open
    assert audit_actions(world, dispute["id"]) == ["dispute.create"]


@pytest.mark.parametrize(("amount", "priority"), [(LIMIT, "normal"), (LIMIT + 1, "high")])
def test_a_dispute_over_the_four_eyes_limit_is_high_priority(world: World, amount: int, priority: str) -> None:
    dispute = world.filed(amount_fen=amount)

    assert world.case(dispute["case_id"]).priority == priority


def test_the_whole_transaction_may_be_disputed_but_no_more(world: World) -> None:
    too_much = world.file(world.small_purchase_id, SMALL_PURCHASE_FEN + 1)
    assert too_much.status_code == 422
    assert "body.disputed_amount_fen" in problem(too_much)["errors"]

    assert world.file(world.small_purchase_id, SMALL_PURCHASE_FEN).status_code == 201


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"transaction_id": 10**12}, "body.transaction_id"),  # no such transaction
        ({"category": "processing_error", "reason": "not_received"}, "body.reason"),
        ({"category": "fraud", "reason": "duplicate"}, "body.reason"),
        ({"category": "authorization", "reason": "not_as_described"}, "body.reason"),
        ({"category": "theft"}, "body.category"),
        ({"reason": "stolen"}, "body.reason"),
        ({"disputed_amount_fen": 0}, "body.disputed_amount_fen"),
        ({"disputed_amount_fen": -5}, "body.disputed_amount_fen"),
        ({"description": "   "}, "body.description"),
        ({"description": "x" * 2001}, "body.description"),
        ({"description": "nul \x00"}, "body.description"),
        ({"channel": "fax"}, "body.channel"),
        ({"transaction_id": 0}, "body.transaction_id"),
        ({"colour": "red"}, "body.colour"),
    ],
)
def test_a_bad_filing_is_422_naming_the_field(world: World, change: dict[str, Any], field: str) -> None:
    fields = {"transaction_id": world.purchase_id, "amount_fen": 1000, **change}
    if "disputed_amount_fen" in fields:
        fields["amount_fen"] = fields.pop("disputed_amount_fen")
    response = world.file(**fields)

    assert response.status_code == 422, response.text
    body = problem(response)
    assert body["code"] == "validation_failed"
    assert field in body["errors"], body["errors"]
    with world.session() as session:
        assert session.scalar(select(func.count()).select_from(Dispute)) == 0
    assert world.account().disputed_fen == 0


@pytest.mark.parametrize("name", ["repayment_id"])
def test_a_credit_cannot_be_disputed(world: World, name: str) -> None:
    response = world.file(getattr(world, name), 1000)

    assert response.status_code == 422
    assert "body.transaction_id" in problem(response)["errors"]


def test_a_fee_can_be_disputed_under_processing_error(world: World) -> None:
    response = world.file(world.fee_id, FEE_FEN, category="processing_error", reason="amount_differs")

    assert response.status_code == 201, response.text


def test_a_transaction_under_an_open_dispute_cannot_be_disputed_again(world: World) -> None:
    first = world.filed(amount_fen=1000)

    response = world.file(world.purchase_id, 2000)

    assert response.status_code == 409
    body = problem(response)
    assert body["code"] == "already_disputed"
    assert body["dispute_id"] == first["id"]
    assert body["params"] == {"transaction_id": world.purchase_id, "dispute_id": first["id"]}
    assert world.account().disputed_fen == 1000


def test_after_a_partial_win_only_the_rest_can_be_disputed_again(world: World) -> None:
    dispute = world.filed(world.small_purchase_id, SMALL_PURCHASE_FEN)
    world.done(dispute, "acknowledge")
    world.done(dispute, "propose_outcome", {"outcome": "partially_won", "amount_fen": 10_000, "note": "half"})

    rest = SMALL_PURCHASE_FEN - 10_000
    over = world.file(world.small_purchase_id, rest + 1)
    assert over.status_code == 409  # a second claim beyond the transaction names the first
    assert problem(over)["code"] == "claim_exceeds_transaction"
    assert f"¥100.00 refunded by dispute {dispute['id']}" in problem(over)["detail"]
    assert world.file(world.small_purchase_id, rest).status_code == 201


def test_filing_needs_an_idempotency_key(world: World) -> None:
    body = {"transaction_id": world.purchase_id, "category": "fraud", "reason": "unauthorized",
            "disputed_amount_fen": 1, "description": "Not me"}
    response = world.client.post("/v1/disputes", json=body, headers=world.headers["agent1"])

    assert response.status_code == 400
    assert problem(response)["code"] == "idempotency_key_missing"


def test_admins_neither_file_nor_read_disputes(world: World) -> None:
    dispute = world.filed()

    assert world.file(world.purchase_id, 1, user="admin1").status_code == 403
    assert world.get(dispute["id"], user="admin1").status_code == 403
    listed = world.client.get(f"/v1/accounts/{world.account_id}/disputes", headers=world.headers["admin1"])
    assert listed.status_code == 403
    assert world.act(dispute, "acknowledge", user="admin1", etag='"dispute-1-v1"').status_code == 403


def test_a_replayed_filing_files_once(world: World) -> None:
    key = str(uuid.uuid4())
    first = world.file(world.purchase_id, 1000, key=key)
    again = world.file(world.purchase_id, 1000, key=key)

    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again.headers["ETag"] == first.headers["ETag"]
    assert world.account().disputed_fen == 1000


# --- Reading ---------------------------------------------------------------------------------

def test_reading_a_dispute_lists_the_actions_for_the_state_and_the_role(world: World) -> None:
    dispute = world.filed()

    as_handler = world.get(dispute["id"], "handler1")
    as_agent = world.get(dispute["id"], "agent1")  # the filer; another agent gets 404 (tests/test_bad_input.py)
    as_supervisor = world.get(dispute["id"], "super1")

    assert as_handler.status_code == as_agent.status_code == as_supervisor.status_code == 200
    assert as_handler.headers["ETag"] == f'"dispute-{dispute["id"]}-v1"'
    assert as_handler.json()["allowed_actions"] == ["acknowledge", "extend", "withdraw"]
    assert as_supervisor.json()["allowed_actions"] == ["acknowledge", "extend", "withdraw"]
    assert as_agent.json()["allowed_actions"] == []
    assert as_handler.json()["case_id"] == dispute["case_id"]


def test_an_unknown_dispute_is_404(world: World) -> None:
    assert world.get(10**12).status_code == 404
    assert world.get(0).status_code == 422


def test_an_accounts_disputes_newest_first(world: World) -> None:
    first = world.filed(world.purchase_id)
    world.clock.advance(timedelta(minutes=5))
    second = world.filed(world.small_purchase_id, 1000)

    page = world.client.get(
        f"/v1/accounts/{world.account_id}/disputes", params={"limit": 1}, headers=world.headers["agent1"]
    ).json()
    rest = world.client.get(
        f"/v1/accounts/{world.account_id}/disputes",
        params={"limit": 1, "cursor": page["next_cursor"]},
        headers=world.headers["agent1"],
    ).json()

    assert [d["id"] for d in page["items"]] == [second["id"]]
    assert [d["id"] for d in rest["items"]] == [first["id"]]
    assert rest["next_cursor"] is None
    assert page["items"][0]["case_id"] == second["case_id"]
    twin = world.client.get(f"/v1/accounts/{world.twin_account_id}/disputes", headers=world.headers["agent1"])
    assert twin.json() == {"items": [], "next_cursor": None}
    missing = world.client.get("/v1/accounts/999999999/disputes", headers=world.headers["agent1"])
    assert missing.status_code == 404


# --- The flow to each outcome, with its money ------------------------------------------------

def test_won_after_a_provisional_credit_credits_exactly_the_disputed_amount(world: World) -> None:
    balance_before = world.account().balance_fen
    dispute = world.filed(amount_fen=150_000)
    case_id = dispute["case_id"]

    state = world.done(dispute, "acknowledge", {"note": "Called the customer back"})
    assert state["status"] == "investigating"
    assert world.case(case_id).due_at == parse(state["sla"]["decide_due_at"])
    state = world.done(dispute, "grant_provisional_credit")
    assert state["provisional_credit_fen"] == 150_000
    assert "grant_provisional_credit" not in state["allowed_actions"]
    assert "reverse_provisional_credit" in state["allowed_actions"]
    assert world.account().disputed_fen == 0  # the credit already takes it off the balance
    state = world.done(dispute, "send_to_merchant")
    assert state["status"] == "pending_merchant"
    state = world.done(dispute, "merchant_responded", {"note": "Merchant has no proof of delivery"})
    assert state["status"] == "investigating"
    state = world.done(dispute, "propose_outcome", {"outcome": "won", "note": "No proof of delivery"})

    assert state["status"] == "resolved"
    assert (state["outcome"], state["awarded_fen"]) == ("won", 150_000)
    assert state["allowed_actions"] == []
    assert [(e["kind"], e["amount_fen"]) for e in state["money_events"]] == [
        ("provisional_credit_granted", -150_000),
        ("provisional_credit_reversed", 150_000),
        ("refund_credited", -150_000),
    ]
    assert money_sum(world, dispute["id"]) == -150_000
    account = world.account()
    assert account.balance_fen == balance_before - 150_000
    assert account.disputed_fen == 0
    assert_ledger_holds(world)
    with world.session() as session:
        types = [
            session.get(Transaction, e["transaction_id"]).type  # type: ignore[union-attr]
            for e in state["money_events"]
        ]
    assert types == ["dispute_provisional_credit", "dispute_provisional_credit_reversal", "dispute_refund"]
    case = world.case(case_id)
    assert (case.status, case.is_open, case.closed_at is not None) == ("resolved", False, True)
    assert audit_actions(world, dispute["id"]) == [
        "dispute.create",
        "dispute.acknowledge",
        "dispute.grant_provisional_credit",
        "dispute.send_to_merchant",
        "dispute.merchant_responded",
        "dispute.propose_outcome",
    ]
    with world.session() as session:
        timeline = list(
            session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id))
        )
        money_audits = session.scalar(
            select(func.count()).where(AuditRecord.entity_type == "dispute_money_event")
        )
    assert timeline == [
        "opened",
        "acknowledge",
        "grant_provisional_credit",
        "send_to_merchant",
        "merchant_responded",
        "propose_outcome",
    ]
    assert money_audits == 3


def test_partially_won_credits_only_the_award(world: World) -> None:
    dispute = world.filed(amount_fen=100_000)
    world.done(dispute, "acknowledge")
    world.done(dispute, "grant_provisional_credit", {"amount_fen": 80_000})

    state = world.done(dispute, "propose_outcome", {"outcome": "partially_won", "amount_fen": 30_000, "note": "n"})

    assert (state["status"], state["outcome"], state["awarded_fen"]) == ("resolved", "partially_won", 30_000)
    assert money_sum(world, dispute["id"]) == -30_000
    assert world.account().disputed_fen == 0
    assert_ledger_holds(world)


def test_lost_takes_the_provisional_credit_back(world: World) -> None:
    balance_before = world.account().balance_fen
    dispute = world.filed(amount_fen=100_000)
    world.done(dispute, "acknowledge")
    world.done(dispute, "grant_provisional_credit", {"amount_fen": 60_000})

    state = world.done(dispute, "propose_outcome", {"outcome": "lost", "note": "Signed for by the customer"})

    assert (state["status"], state["outcome"], state["awarded_fen"]) == ("resolved", "lost", 0)
    assert [e["kind"] for e in state["money_events"]] == ["provisional_credit_granted", "provisional_credit_reversed"]
    assert money_sum(world, dispute["id"]) == 0
    account = world.account()
    assert (account.balance_fen, account.disputed_fen) == (balance_before, 0)
    assert_ledger_holds(world)


def test_the_customer_withdraws_at_any_open_state(world: World) -> None:
    dispute = world.filed(amount_fen=100_000)
    world.done(dispute, "acknowledge")
    world.done(dispute, "grant_provisional_credit")
    world.done(dispute, "request_customer_info")

    state = world.done(dispute, "withdraw", {"note": "Parcel arrived late"})

    assert (state["status"], state["outcome"], state["awarded_fen"]) == ("resolved", "withdrawn", 0)
    assert state["sla"]["paused"] is False
    assert money_sum(world, dispute["id"]) == 0
    assert world.account().disputed_fen == 0
    case = world.case(dispute["case_id"])
    assert (case.is_open, case.paused_since) == (False, None)


def test_a_new_dispute_withdrawn_moves_no_money(world: World) -> None:
    dispute = world.filed(amount_fen=100_000)

    state = world.done(dispute, "withdraw")

    assert (state["outcome"], state["money_events"]) == ("withdrawn", [])
    assert world.account().disputed_fen == 0


def test_a_won_fraud_dispute_is_written_off(world: World) -> None:
    dispute = world.filed(amount_fen=50_000, category="fraud", reason="unauthorized")
    world.done(dispute, "acknowledge")

    state = world.done(dispute, "propose_outcome", {"outcome": "won", "note": "Not the customer"})

    assert [(e["kind"], e["amount_fen"]) for e in state["money_events"]] == [("written_off", -50_000)]
    with world.session() as session:
        posted = session.get(Transaction, state["money_events"][0]["transaction_id"])
        assert posted is not None and posted.type == "write_off"
    assert_ledger_holds(world)


def test_the_customer_is_asked_and_answers(world: World) -> None:
    dispute = world.filed()
    world.done(dispute, "acknowledge")

    asked = world.done(dispute, "request_customer_info", {"note": "Send the chat log"})
    answered = world.done(dispute, "customer_responded")

    assert asked["status"] == "pending_customer"
    assert answered["status"] == "investigating"


# --- Invalid transitions and refusals --------------------------------------------------------

def test_an_invalid_transition_is_409_naming_the_state_and_what_is_allowed(world: World) -> None:
    dispute = world.filed()
    world.done(dispute, "acknowledge")

    response = world.act(dispute, "acknowledge")

    assert response.status_code == 409
    body = problem(response)
    assert body["code"] == "invalid_transition"
    assert body["status"] == 409
    assert body["action"] == "acknowledge"
    assert "investigating" in body["detail"]
    assert body["allowed_actions"] == [
        "request_customer_info", "send_to_merchant", "grant_provisional_credit", "extend", "propose_outcome",
        "withdraw",
    ]
    # The same for a client to word (docs/api-wording.md "Refusals"): Chinese mode showed English.
    assert body["params"] == {"subject": "dispute", "status": "investigating", "action": "acknowledge",
                              "allowed_actions": body["allowed_actions"]}
    assert world.get(dispute["id"]).json()["version"] == 2  # unchanged by the refusal


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("grant_provisional_credit", {}),
        ("propose_outcome", {"outcome": "won", "note": "n"}),
        ("customer_responded", {}),
        ("merchant_responded", {}),
        ("approve_outcome", {}),
    ],
)
def test_a_new_dispute_must_be_acknowledged_first(world: World, action: str, body: dict[str, Any]) -> None:
    dispute = world.filed()

    response = world.act(dispute, action, body, user="super1")

    assert response.status_code == 409, response.text
    assert problem(response)["code"] == "invalid_transition"


def test_nothing_moves_a_resolved_dispute(world: World) -> None:
    dispute = world.filed()
    world.done(dispute, "withdraw")

    for action in ("acknowledge", "withdraw", "extend"):
        body = {"days": 1, "reason": "r"} if action == "extend" else {}
        response = world.act(dispute, action, body)
        assert response.status_code == 409, action
        assert problem(response)["allowed_actions"] == []


def test_one_provisional_credit_at_a_time(world: World) -> None:
    dispute = world.filed(amount_fen=100_000)
    world.done(dispute, "acknowledge")

    no_credit = world.act(dispute, "reverse_provisional_credit")
    assert no_credit.status_code == 409
    assert problem(no_credit)["code"] == "no_provisional_credit"
    assert problem(no_credit)["params"] == {}
    world.done(dispute, "grant_provisional_credit", {"amount_fen": 1})
    twice = world.act(dispute, "grant_provisional_credit")
    assert twice.status_code == 409
    assert problem(twice)["code"] == "provisional_credit_outstanding"
    assert problem(twice)["params"] == {"amount_fen": 1}

    reversed_ = world.done(dispute, "reverse_provisional_credit")
    assert reversed_["provisional_credit_fen"] == 0
    again = world.done(dispute, "grant_provisional_credit")  # a new grant after the reversal
    assert again["provisional_credit_fen"] == 100_000
    assert world.account().disputed_fen == 0
    assert money_sum(world, dispute["id"]) == -100_000
    assert_ledger_holds(world)


@pytest.mark.parametrize(("amount", "status"), [(0, 422), (100_001, 422), (100_000, 200), (1, 200)])
def test_a_provisional_credit_is_1_to_the_disputed_amount(world: World, amount: int, status: int) -> None:
    dispute = world.filed(amount_fen=100_000)
    world.done(dispute, "acknowledge")

    response = world.act(dispute, "grant_provisional_credit", {"amount_fen": amount})

    assert response.status_code == status, response.text
    if status == 422:
        assert "body.amount_fen" in problem(response)["errors"]
        assert money_sum(world, dispute["id"]) == 0
    else:
        assert world.account().disputed_fen == 100_000 - amount


@pytest.mark.parametrize(
    "body",
    [
        {"outcome": "partially_won", "amount_fen": 100_000, "note": "n"},
        {"outcome": "partially_won", "amount_fen": 0, "note": "n"},
        {"outcome": "partially_won", "note": "n"},
        {"outcome": "won", "amount_fen": 99_999, "note": "n"},
        {"outcome": "lost", "amount_fen": 5, "note": "n"},
        {"outcome": "won"},
        {"outcome": "won", "note": " "},
        {"outcome": "draw", "note": "n"},
    ],
)
def test_an_outcome_must_fit_its_amount(world: World, body: dict[str, Any]) -> None:
    dispute = world.filed(amount_fen=100_000)
    world.done(dispute, "acknowledge")

    response = world.act(dispute, "propose_outcome", body)

    assert response.status_code == 422, response.text
    assert world.get(dispute["id"]).json()["status"] == "investigating"


@pytest.mark.parametrize("user", ["agent1", "admin1"])
def test_agents_and_admins_may_not_act(world: World, user: str) -> None:
    dispute = world.filed()

    response = world.act(dispute, "acknowledge", user=user)

    assert response.status_code == 403
    assert world.get(dispute["id"]).json()["status"] == "new"


def test_an_unknown_action_is_404(world: World) -> None:
    dispute = world.filed()

    assert world.act(dispute, "escalate").status_code == 404


# --- Four eyes -------------------------------------------------------------------------------

@pytest.mark.parametrize(("awarded", "status"), [(LIMIT, "resolved"), (LIMIT + 1, "pending_approval")])
def test_an_outcome_over_2000_yuan_waits_for_approval(world: World, awarded: int, status: str) -> None:
    dispute = world.filed(amount_fen=LIMIT + 1)
    world.done(dispute, "acknowledge")
    outcome = "won" if awarded == LIMIT + 1 else "partially_won"

    state = world.done(dispute, "propose_outcome", {"outcome": outcome, "amount_fen": awarded, "note": "n"})

    assert state["status"] == status
    assert world.case(dispute["case_id"]).status == status


def test_a_handlers_large_outcome_is_approved_by_a_supervisor(world: World) -> None:
    dispute = world.filed(amount_fen=300_000)
    world.done(dispute, "acknowledge")
    world.done(dispute, "grant_provisional_credit")
    balance = world.account().balance_fen

    pending = world.done(dispute, "propose_outcome", {"outcome": "won", "note": "Merchant refunded nothing"})
    assert pending["status"] == "pending_approval"
    assert pending["proposal"]["outcome"] == "won"
    assert pending["proposal"]["amount_fen"] == 300_000
    assert pending["money_events"][-1]["kind"] == "provisional_credit_granted"  # nothing moves yet
    assert world.account().balance_fen == balance
    assert "approve_outcome" not in pending["allowed_actions"]  # a handler does not approve
    refused = world.act(dispute, "approve_outcome", user="handler1")
    assert refused.status_code == 403
    assert problem(refused)["code"] == "forbidden"
    assert world.get(dispute["id"], "super1").json()["allowed_actions"] == [
        "extend", "approve_outcome", "reject_outcome", "withdraw",
    ]

    approved = world.done(dispute, "approve_outcome", user="super1")

    assert (approved["status"], approved["outcome"], approved["awarded_fen"]) == ("resolved", "won", 300_000)
    assert approved["resolved_by"] != pending["proposal"]["proposed_by"]
    assert approved["proposal"] is None
    assert money_sum(world, dispute["id"]) == -300_000
    assert world.account().disputed_fen == 0
    assert world.case(dispute["case_id"]).is_open is False
    assert_ledger_holds(world)


def test_a_supervisor_never_approves_their_own_proposal(world: World) -> None:
    dispute = world.filed(amount_fen=300_000)
    world.done(dispute, "acknowledge", user="super1")
    pending = world.done(dispute, "propose_outcome", {"outcome": "won", "note": "n"}, user="super1")
    assert "approve_outcome" not in pending["allowed_actions"]

    own = world.act(dispute, "approve_outcome", user="super1")
    own_reject = world.act(dispute, "reject_outcome", {"comment": "no"}, user="super1")

    assert own.status_code == own_reject.status_code == 403
    assert problem(own)["code"] == problem(own_reject)["code"] == "four_eyes"
    assert problem(own)["params"] == problem(own_reject)["params"] == {"subject": "dispute_outcome"}
    # A handler may not decide at all: "forbidden", with what it takes.
    handler = world.act(dispute, "approve_outcome", user="handler1")
    assert handler.status_code == 403
    assert problem(handler)["params"] == {"action": "approve_outcome", "required_role": "supervisor"}
    assert world.done(dispute, "approve_outcome", user="super2")["status"] == "resolved"


def test_a_rejected_outcome_goes_back_to_investigating_with_a_comment(world: World) -> None:
    dispute = world.filed(amount_fen=300_000)
    world.done(dispute, "acknowledge")
    world.done(dispute, "propose_outcome", {"outcome": "won", "note": "n"})

    no_comment = world.act(dispute, "reject_outcome", {}, user="super1")
    assert no_comment.status_code == 422
    assert "body.comment" in problem(no_comment)["errors"]
    rejected = world.done(dispute, "reject_outcome", {"comment": "Get the courier's record first"}, user="super1")

    assert rejected["status"] == "investigating"
    assert rejected["proposal"] is None
    assert rejected["money_events"] == []
    assert world.account().disputed_fen == 300_000
    with world.session() as session:
        event = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == dispute["case_id"]).order_by(CaseEvent.id.desc())
        ).first()
    assert event is not None and (event.action, event.note) == ("reject_outcome", "Get the courier's record first")
    assert (event.before, event.after) == ({"status": "pending_approval"}, {"status": "investigating"})


# --- SLA -------------------------------------------------------------------------------------

def test_the_sla_clock_pauses_waiting_on_the_customer_and_extends(world: World) -> None:
    opened = opening_time()
    dispute = world.filed()
    sla = dispute["sla"]
    assert parse(sla["acknowledge_due_at"]) == opened + timedelta(days=1)  # Wednesday → Thursday
    assert parse(sla["decide_due_at"]) == opened + timedelta(days=15)
    assert (sla["decide_days"], sla["extended_days"], sla["paused"], sla["state"]) == (15, 0, False, "on_track")

    world.travel(timedelta(hours=20))
    assert world.get(dispute["id"]).json()["sla"]["state"] == "at_risk"  # 20 of 24 hours: 83%
    world.travel(timedelta(hours=5))
    assert world.get(dispute["id"]).json()["sla"]["state"] == "breached"  # acknowledged late
    state = world.done(dispute, "acknowledge")
    assert state["sla"]["acknowledged_at"] is not None
    assert state["sla"]["state"] == "on_track"

    world.travel(timedelta(days=1))
    asked = world.done(dispute, "request_customer_info")
    assert asked["sla"]["paused"] is True
    assert asked["sla"]["state"] == "paused"
    assert world.case(dispute["case_id"]).paused_since is not None
    world.travel(timedelta(days=3, hours=4))
    answered = world.done(dispute, "customer_responded")

    decide_due = opened + timedelta(days=18, hours=4)
    assert parse(answered["sla"]["decide_due_at"]) == decide_due
    assert answered["sla"]["paused"] is False
    assert answered["sla"]["paused_seconds"] == (3 * 24 + 4) * 3600
    case = world.case(dispute["case_id"])
    assert (case.due_at, case.paused_since) == (decide_due, None)

    extended = world.done(dispute, "extend", {"days": 15, "reason": "Waiting for the courier"})
    assert parse(extended["sla"]["decide_due_at"]) == decide_due + timedelta(days=15)
    assert (extended["sla"]["decide_days"], extended["sla"]["extension_count"]) == (30, 1)
    assert world.case(dispute["case_id"]).due_at == decide_due + timedelta(days=15)
    assert "extend" not in extended["allowed_actions"]
    again = world.act(dispute, "extend", {"days": 1, "reason": "More"})
    assert again.status_code == 403
    assert problem(again)["code"] == "extension_needs_supervisor"
    assert problem(again)["params"] == {"reason": "extended_once"}

    by_supervisor = world.done(dispute, "extend", {"days": 30, "reason": "Card scheme arbitration"}, user="super1")
    assert parse(by_supervisor["sla"]["decide_due_at"]) == decide_due + timedelta(days=45)
    assert by_supervisor["sla"]["decide_days"] == 60
    beyond = world.act(dispute, "extend", {"days": 1, "reason": "More"}, user="super1")
    assert beyond.status_code == 422
    assert problem(beyond)["code"] == "extension_limit"
    assert "body.days" in problem(beyond)["errors"]
    assert problem(beyond)["params"] == {"window_days": 60, "max_days": 60, "left_days": 0}


@pytest.mark.parametrize(
    ("user", "days", "status", "code"),
    [
        ("handler1", 15, 200, None),
        ("handler1", 16, 403, "extension_needs_supervisor"),
        ("super1", 45, 200, None),
        ("super1", 46, 422, "extension_limit"),
    ],
)
def test_extension_limits_at_their_edges(world: World, user: str, days: int, status: int, code: str | None) -> None:
    dispute = world.filed()

    response = world.act(dispute, "extend", {"days": days, "reason": "Needs time"}, user=user)

    assert response.status_code == status, response.text
    if code is not None:
        assert problem(response)["code"] == code
    else:
        assert response.json()["sla"]["decide_days"] == 15 + days
        # Still new: the case waits for the acknowledgement, not the decision.
        assert world.case(dispute["case_id"]).due_at == parse(dispute["sla"]["acknowledge_due_at"])


@pytest.mark.parametrize("body", [{"days": 5}, {"days": 5, "reason": ""}, {"days": 0, "reason": "r"},
                                  {"days": 61, "reason": "r"}])
def test_an_extension_needs_days_and_a_reason(world: World, body: dict[str, Any]) -> None:
    dispute = world.filed()

    assert world.act(dispute, "extend", body).status_code == 422


def test_a_decision_from_pending_customer_stops_the_pause(world: World) -> None:
    dispute = world.filed(amount_fen=300_000)
    world.done(dispute, "acknowledge")
    world.done(dispute, "request_customer_info")
    world.travel(timedelta(days=2))

    state = world.done(dispute, "propose_outcome", {"outcome": "won", "note": "n"})

    assert state["status"] == "pending_approval"
    assert state["sla"]["paused"] is False
    due = opening_time() + timedelta(days=17)
    assert parse(state["sla"]["decide_due_at"]) == due
    case = world.case(dispute["case_id"])
    assert (case.due_at, case.paused_since, case.status) == (due, None, "pending_approval")


# --- Idempotency and If-Match ----------------------------------------------------------------

def test_a_replayed_action_acts_once(world: World) -> None:
    dispute = world.filed(amount_fen=100_000)
    world.done(dispute, "acknowledge")
    etag = world.get(dispute["id"]).headers["ETag"]
    key = str(uuid.uuid4())

    first = world.act(dispute, "grant_provisional_credit", {"amount_fen": 5000}, etag=etag, key=key)
    again = world.act(dispute, "grant_provisional_credit", {"amount_fen": 5000}, etag=etag, key=key)

    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert again.headers["ETag"] == first.headers["ETag"] == f'"dispute-{dispute["id"]}-v3"'
    assert len(world.get(dispute["id"]).json()["money_events"]) == 1
    assert money_sum(world, dispute["id"]) == -5000


def test_a_stale_if_match_is_412_with_the_current_etag(world: World) -> None:
    dispute = world.filed()
    stale = world.get(dispute["id"]).headers["ETag"]
    world.done(dispute, "acknowledge")

    response = world.act(dispute, "extend", {"days": 1, "reason": "r"}, etag=stale)

    assert response.status_code == 412
    current = f'"dispute-{dispute["id"]}-v2"'
    assert response.headers["ETag"] == current
    assert problem(response)["current_etag"] == current
    assert world.get(dispute["id"]).json()["sla"]["extended_days"] == 0


@pytest.mark.parametrize("etag", ['"case-1-v1"', "garbage", '"dispute-999-v1"'])
def test_a_foreign_or_malformed_if_match_is_412(world: World, etag: str) -> None:
    dispute = world.filed()

    assert world.act(dispute, "acknowledge", etag=etag).status_code == 412


def test_a_missing_if_match_is_428(world: World) -> None:
    dispute = world.filed()
    headers = idempotency_headers(world.headers["handler1"])

    response = world.client.post(f"/v1/disputes/{dispute['id']}/actions/acknowledge", json={}, headers=headers)

    assert response.status_code == 428
    assert problem(response)["code"] == "precondition_required"


def test_an_action_on_an_unknown_dispute_is_404(world: World) -> None:
    assert world.act(10**12, "acknowledge", etag='"dispute-1000000000000-v1"').status_code == 404


def test_an_action_body_may_be_left_out(world: World) -> None:
    dispute = world.filed()
    headers = {**idempotency_headers(world.headers["handler1"]), "If-Match": f'"dispute-{dispute["id"]}-v1"'}

    response = world.client.post(f"/v1/disputes/{dispute['id']}/actions/acknowledge", headers=headers)

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "investigating"


# --- The minimum payment at the statement cut ------------------------------------------------

def test_the_disputed_amount_is_left_out_of_the_next_minimum_payment(world: World) -> None:
    world.filed(world.purchase_id, 300_000)

    with transaction(world.factory) as session:
        run_end_of_day(session, date(2024, 6, 30))  # tomorrow is the 1st: the bill is cut
    with world.session() as session:
        disputed = session.scalars(select(Bill).where(Bill.account_id == world.account_id)).one()
        twin = session.scalars(select(Bill).where(Bill.account_id == world.twin_account_id)).one()
        account = session.get(Account, world.account_id)
        assert account is not None and account.balance_fen == balance_from_transactions(session, account.id)

    # The twin owes 10% of its ¥5,000 purchase.
    assert twin.minimum_payment_fen == 50_000
    # The disputed account's ¥100 repayment (before any bill) was credit, which paid the ¥50 fee
    # and ¥50 of principal at the cut: ¥5,250 of principal, of which ¥3,000 is disputed.
    assert minimum_without_dispute(world) == 52_500
    assert disputed.minimum_payment_fen == (525_000 - 300_000) // 10 == 22_500


def minimum_without_dispute(world: World) -> int:
    """The same bill's minimum had there been no dispute (the engine's own rule)."""
    from backend.billing import rules as billing_rules
    from backend.billing.engine import bill_components

    with world.session() as session:
        bill = session.scalars(select(Bill).where(Bill.account_id == world.account_id)).one()
        return billing_rules.minimum_payment_fen(bill_components(bill), 0, 0)


def test_after_resolution_the_minimum_counts_everything_again(world: World) -> None:
    dispute = world.filed(world.purchase_id, 300_000)
    world.done(dispute, "acknowledge")
    world.done(dispute, "grant_provisional_credit")
    world.done(dispute, "propose_outcome", {"outcome": "lost", "note": "Delivered"})

    with transaction(world.factory) as session:
        run_end_of_day(session, date(2024, 6, 30))
    with world.session() as session:
        bill = session.scalars(select(Bill).where(Bill.account_id == world.account_id)).one()
    assert bill.minimum_payment_fen == minimum_without_dispute(world) == 52_500
    # The grant and its reversal are lines of the bill, and the bill is the sum of its lines.
    with world.session() as session:
        lines = session.scalars(select(BillLine).where(BillLine.bill_id == bill.id)).all()
    assert [line.type for line in lines if line.type.startswith("dispute_")] == [
        "dispute_provisional_credit", "dispute_provisional_credit_reversal",
    ]
    assert bill.total_fen == sum(line.amount_fen for line in lines)


def test_the_timeline_records_every_action_with_its_note(world: World) -> None:
    dispute = world.filed()
    world.done(dispute, "acknowledge", {"note": "On it"})
    world.done(dispute, "extend", {"days": 3, "reason": "Holiday at the merchant"})

    with world.session() as session:
        events = list(
            session.scalars(select(CaseEvent).where(CaseEvent.case_id == dispute["case_id"]).order_by(CaseEvent.id))
        )
        case = session.get(Case, dispute["case_id"])
        record = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "dispute.extend").order_by(AuditRecord.id.desc())
        ).first()
    assert [(e.action, e.note) for e in events] == [
        ("opened", "The parcel never arrived."),
        ("acknowledge", "On it"),
        ("extend", "Holiday at the merchant"),
    ]
    assert case is not None and case.version == 3
    assert record is not None
    assert record.before is not None and record.after is not None
    assert set(record.before) == set(record.after) == {"decide_due_at", "extended_days", "extension_count"}
    assert (record.before["extended_days"], record.before["extension_count"]) == (0, 0)
    assert (record.after["extended_days"], record.after["extension_count"]) == (3, 1)


# --- Codes and parameters beside the English (docs/api-wording.md) ---------------------------

def listed_transactions(world: World) -> dict[int, dict[str, Any]]:
    response = world.client.get(f"/v1/accounts/{world.account_id}/transactions", params={"limit": 200},
                                headers=world.headers["agent1"])
    assert response.status_code == 200, response.text
    return {item["id"]: item for item in response.json()["items"]}


def test_the_transactions_list_marks_what_a_dispute_holds_and_gives_back(world: World) -> None:
    assert all(item["claims"] == [] for item in listed_transactions(world).values())
    dispute = world.filed(world.purchase_id, 100_000)
    world.done(dispute, "acknowledge")

    listed = listed_transactions(world)
    assert listed[world.purchase_id]["claims"] == [
        {"kind": "disputed", "amount_fen": 100_000, "source_type": "dispute", "source_id": dispute["id"]}
    ]
    assert listed[world.small_purchase_id]["claims"] == []

    state = world.done(dispute, "grant_provisional_credit")
    listed = listed_transactions(world)
    # The whole disputed amount is now credited: nothing is merely held any more.
    assert listed[world.purchase_id]["claims"] == [
        {"kind": "provisionally_credited", "amount_fen": 100_000, "source_type": "dispute", "source_id": dispute["id"]}
    ]
    credit = listed[state["money_events"][0]["transaction_id"]]
    assert credit["description"] == f"Dispute {dispute['id']}: provisional credit"  # the English stays
    assert credit["description_code"] == "dispute_money"
    assert credit["description_params"] == {"dispute_id": dispute["id"], "event": "provisional_credit_granted"}


def test_a_dispute_case_sends_its_summary_as_a_code_with_parameters(world: World) -> None:
    dispute = world.filed(world.small_purchase_id, 5_000, category="consumer_dispute", reason="not_received")
    response = world.client.get(f"/v1/cases/{dispute['case_id']}", headers=world.headers["handler1"])
    assert response.status_code == 200, response.text
    case = response.json()
    assert case["summary"] == (
        f"Dispute (consumer dispute: not received): ¥50.00 of transaction {world.small_purchase_id} (Meituan)"
    )
    assert case["summary_code"] == "dispute"
    assert case["summary_params"] == {
        "category": "consumer_dispute", "reason": "not_received", "amount_fen": 5_000,
        "transaction_id": world.small_purchase_id, "merchant": "Meituan",
    }


def test_a_claim_beyond_the_transaction_is_refused_with_its_figures_as_parameters(world: World) -> None:
    dispute = world.filed(world.small_purchase_id, SMALL_PURCHASE_FEN)
    world.done(dispute, "acknowledge")
    world.done(dispute, "propose_outcome", {"outcome": "partially_won", "amount_fen": 10_000, "note": "half"})

    rest = SMALL_PURCHASE_FEN - 10_000
    body = problem(world.file(world.small_purchase_id, rest + 1))
    assert body["code"] == "claim_exceeds_transaction"
    assert body["params"] == {
        "transaction_id": world.small_purchase_id,
        "transaction_amount_fen": SMALL_PURCHASE_FEN,
        "amount_fen": rest + 1,
        "left_fen": rest,  # 1 fen short of what was asked
        "subject": "new_case",
        "source_id": None,
        "claims": [{"kind": "refunded", "amount_fen": 10_000, "source_type": "dispute", "source_id": dispute["id"]}],
    }
    assert body["transaction_id"] == world.small_purchase_id  # the older extension members stay
