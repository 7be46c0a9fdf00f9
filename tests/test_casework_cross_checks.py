"""A transaction is worked either as a dispute or in a fraud report, never both at once:
both end in a credit (an award, a write-off), and doing both would credit the customer twice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.helpers.api import FixedClock, idempotency_headers, problem
from tests.helpers.db import joined_sessionmaker, rolled_back_connection
from tests.helpers.disputes import World, build_world, opening_time


@pytest.fixture(name="world")
def world_fixture(db_engine: Engine) -> Iterator[World]:
    with rolled_back_connection(db_engine) as connection:
        yield build_world(joined_sessionmaker(connection), FixedClock(opening_time()))


def report_fraud(world: World, *transaction_ids: int) -> Any:
    body = {
        "account_id": world.account_id,
        "category": "unknown_transactions",
        "transaction_ids": list(transaction_ids),
        "description": "The customer did not make these.",
        "channel": "phone",
    }
    return world.client.post("/v1/fraud-reports", json=body, headers=idempotency_headers(world.headers["agent1"]))


def test_a_disputed_transaction_cannot_be_reported_as_fraud(world: World) -> None:
    dispute = world.filed(world.purchase_id, 100_000)
    response = report_fraud(world, world.purchase_id, world.small_purchase_id)
    assert response.status_code == 409, response.text
    assert problem(response)["code"] == "transaction_under_dispute"
    assert problem(response)["transaction_ids"] == [world.purchase_id]
    assert f"dispute {dispute['id']}" in problem(response)["detail"]
    assert problem(response)["params"] == {"disputes": [{"transaction_id": world.purchase_id, "dispute_id": dispute["id"]}]}
    # Once the dispute is withdrawn, the same transaction can go into a fraud report.
    world.done(dispute, "withdraw", {"note": "the customer will report it as fraud"})
    assert report_fraud(world, world.purchase_id).status_code == 201


def test_a_transaction_in_a_fraud_report_cannot_be_disputed(world: World) -> None:
    other = report_fraud(world, world.small_purchase_id)
    assert other.status_code == 201, other.text
    response = world.file(world.small_purchase_id, 1_000)
    assert response.status_code == 409, response.text
    assert problem(response)["code"] == "reported_as_fraud"
    assert problem(response)["fraud_report_id"] == other.json()["id"]
    assert problem(response)["params"] == {"transaction_id": world.small_purchase_id, "fraud_report_id": other.json()["id"]}
    # Transactions the report does not name can still be disputed.
    assert world.file(world.purchase_id, 1_000).status_code == 201
