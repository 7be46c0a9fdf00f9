"""Arrangements that cannot stand beside each other (docs/contact-history.md "Conflicts"): a
promise to pay and a hardship plan on one account, live or waiting, either way round; and two
proposals of one type waiting at once. Refused with 409 and a sentence that names the other."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from backend.arrangements.models import Arrangement
from tests.helpers.api import FixedClock, make_client, problem
from tests.test_api_arrangements import CURRENT_DAY, OVERDUE_DAY, World, overdue_account

PROMISE = {"type": "promise_to_pay", "amount_fen": 10_000, "promised_date": (OVERDUE_DAY + timedelta(days=7)).isoformat()}


@pytest.fixture(name="world")
def world_fixture(session_factory: sessionmaker[Session]) -> Iterator[World]:
    clock = FixedClock.on(CURRENT_DAY)
    world = World(factory=session_factory, clock=clock, client=make_client(session_factory, clock=clock))
    world.on(CURRENT_DAY)
    yield world


SHORT_PLAN = {"type": "hardship_plan", "months": 6}  # an agent alone: live at once
LONG_PLAN = {"type": "hardship_plan", "months": 24}  # beyond an agent: waits for approval


def proposed(world: World, account_id: int, body: dict[str, Any]) -> dict[str, Any]:
    response = world.propose(account_id, body)
    assert response.status_code == 201, response.text
    out: dict[str, Any] = response.json()
    return out


def test_a_promise_beside_a_live_hardship_plan_is_refused_with_a_sentence(world: World) -> None:
    account_id = overdue_account(world)
    plan = proposed(world, account_id, SHORT_PLAN)
    assert plan["status"] == "active"
    for response in (world.quote(account_id, PROMISE), world.propose(account_id, PROMISE)):
        body = problem(response)
        assert body["status"] == 409 and body["code"] == "arrangement_conflict"
        assert body["detail"] == (
            f"The account has a hardship plan in force (arrangement {plan['id']}); a promise to pay "
            "cannot stand beside it. Cancel that one first.")
        assert body["arrangement_id"] == plan["id"] and body["arrangement_status"] == "active"


def test_a_promise_beside_a_waiting_hardship_plan_is_refused(world: World) -> None:
    account_id = overdue_account(world)
    plan = proposed(world, account_id, LONG_PLAN)
    assert plan["status"] == "pending_approval"
    body = problem(world.propose(account_id, PROMISE))
    assert body["code"] == "arrangement_conflict" and "waiting for approval" in body["detail"]


def test_a_hardship_plan_beside_a_live_promise_is_refused(world: World) -> None:
    account_id = overdue_account(world)
    promise = proposed(world, account_id, PROMISE)
    body = problem(world.propose(account_id, SHORT_PLAN))
    assert body["code"] == "arrangement_conflict"
    assert f"promise to pay in force (arrangement {promise['id']})" in body["detail"]


def test_a_cancelled_hardship_plan_no_longer_conflicts(world: World) -> None:
    account_id = overdue_account(world)
    plan = proposed(world, account_id, LONG_PLAN)
    assert world.act(plan["id"], "cancel", "agent1").status_code == 200
    assert proposed(world, account_id, PROMISE)["status"] == "active"


def test_approving_a_hardship_plan_beside_a_live_promise_is_refused(world: World) -> None:
    # The case: a plan waiting while a promise went live (before the server refused it).
    account_id = overdue_account(world)
    plan = proposed(world, account_id, LONG_PLAN)
    with world.session() as session:
        waiting = session.get(Arrangement, plan["id"])
        assert waiting is not None
        session.add(Arrangement(
            account_id=account_id, customer_id=waiting.customer_id, type="promise_to_pay", status="active",
            terms={"type": "promise_to_pay", "amount_fen": 10_000, "promised_date": PROMISE["promised_date"]},
            quote=waiting.quote, needs_approval=False, amount_fen=10_000, proposed_by=waiting.proposed_by,
            proposed_by_name=waiting.proposed_by_name, proposed_at=waiting.proposed_at, version=1))
        session.commit()
        promise_id = session.scalars(select(Arrangement.id).where(Arrangement.type == "promise_to_pay")).one()
    body = problem(world.act(plan["id"], "approve", "super1"))
    assert body["status"] == 409 and body["code"] == "arrangement_no_longer_applies"
    assert body["detail"] == (f"The account has a promise to pay in force (arrangement {promise_id}); a hardship "
                              "plan cannot stand beside it. Reject this one, or cancel that one first.")
    assert world.get(plan["id"]).json()["status"] == "pending_approval"


def test_two_waiting_proposals_of_one_type_are_refused(world: World) -> None:
    account_id = overdue_account(world)
    first = proposed(world, account_id, LONG_PLAN)
    body = problem(world.propose(account_id, {"type": "hardship_plan", "months": 36}))
    assert body["status"] == 409 and body["code"] == "arrangement_exists"
    assert body["detail"] == f"The account already has a hardship plan waiting for approval (arrangement {first['id']})."


def test_the_alerts_show_what_waits_and_what_is_ongoing_not_what_is_done(world: World) -> None:
    account_id = overdue_account(world)
    waiver = proposed(world, account_id, {"type": "fee_waiver", "amount_fen": 100, "component": "penalty_interest",
                                          "reason": "goodwill"})
    assert waiver["status"] == "active"  # done at once: a credit on the bill
    plan = proposed(world, account_id, LONG_PLAN)  # waits
    customer_id = plan["customer_id"]
    alerts = world.client.get(f"/v1/customers/{customer_id}/alerts", headers=world.auth("agent1")).json()
    assert [(a["id"], a["status"], a["months"]) for a in alerts["arrangements"]] == [
        (plan["id"], "pending_approval", 24)]
    assert world.act(plan["id"], "cancel", "agent1").status_code == 200
    promise = proposed(world, account_id, PROMISE)  # in force until end of day judges it
    alerts = world.client.get(f"/v1/customers/{customer_id}/alerts", headers=world.auth("agent1")).json()
    assert [(a["id"], a["status"], a["promised_date"]) for a in alerts["arrangements"]] == [
        (promise["id"], "active", PROMISE["promised_date"])]
