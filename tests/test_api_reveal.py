"""Revealing a masked field: reason required, audited without the value, limited per user per hour."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from backend.audit.models import AuditRecord
from backend.customers.models import Customer
from tests.helpers.api import problem
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

REASON = "Caller failed the phone check twice"


@pytest.fixture
def customer(api: SeededApi) -> Customer:
    with api.session() as session:
        return session.scalars(select(Customer).order_by(Customer.id).limit(1)).one()


def reveal(api: SeededApi, customer_id: int, body: dict[str, Any], role: str = "agent") -> Any:
    return api.client.post(f"/v1/customers/{customer_id}/reveal", json=body, headers=api.headers[role])


def reveal_records(api: SeededApi) -> list[AuditRecord]:
    with api.session() as session:
        return list(
            session.scalars(
                select(AuditRecord).where(AuditRecord.action == "customer.reveal").order_by(AuditRecord.id)
            )
        )


@pytest.fixture
def limit(api: SeededApi) -> int:
    per_hour: int = api.client.app.state.settings.reveals_per_user_per_hour  # type: ignore[attr-defined]
    return per_hour


@pytest.mark.parametrize("field", ["phone", "national_id", "bank_card"])
def test_reveal_returns_the_value_and_audits_the_field_and_reason(
    api: SeededApi, customer: Customer, field: str
) -> None:
    response = reveal(api, customer.id, {"field": field, "reason": REASON})

    assert response.status_code == 200, response.text
    assert response.json() == {"field": field, "value": getattr(customer, field)}
    [record] = reveal_records(api)
    assert (record.entity_type, record.entity_id, record.customer_id) == (
        "customer",
        str(customer.id),
        customer.id,
    )
    assert record.actor_role == "agent"
    assert record.after == {"field": field, "reason": REASON}
    value = getattr(customer, field)
    assert value not in str(record.after) and value not in str(record.before)


def test_reveal_needs_no_idempotency_key_and_each_call_is_audited(api: SeededApi, customer: Customer) -> None:
    for _ in range(2):
        assert reveal(api, customer.id, {"field": "phone", "reason": REASON}).status_code == 200

    assert len(reveal_records(api)) == 2


def test_the_reason_is_stripped_and_kept(api: SeededApi, customer: Customer) -> None:
    reveal(api, customer.id, {"field": "phone", "reason": "  needs callback  "})

    assert reveal_records(api)[0].after == {"field": "phone", "reason": "needs callback"}


@pytest.mark.parametrize(
    "body",
    [
        {"field": "phone"},
        {"field": "phone", "reason": "why"},
        {"field": "phone", "reason": "  ab   "},
        {"field": "phone", "reason": "x" * 201},
        {"field": "password", "reason": REASON},
        {"reason": REASON},
        {"field": None, "reason": REASON},
        {"field": "phone", "reason": REASON + "\x00"},
    ],
)
def test_a_bad_reveal_is_422_and_not_audited(
    api: SeededApi, customer: Customer, body: dict[str, Any]
) -> None:
    response = reveal(api, customer.id, body)

    assert response.status_code == 422
    assert problem(response)["code"] == "validation_failed"
    assert reveal_records(api) == []


def test_revealing_for_an_unknown_customer_is_404_and_not_audited(api: SeededApi) -> None:
    response = reveal(api, 987654321, {"field": "phone", "reason": REASON})

    assert response.status_code == 404
    assert reveal_records(api) == []


def test_admins_may_not_reveal(api: SeededApi, customer: Customer) -> None:
    response = reveal(api, customer.id, {"field": "phone", "reason": REASON}, role="admin")

    assert response.status_code == 403
    assert reveal_records(api) == []


def test_the_hourly_limit_at_its_edge(api: SeededApi, customer: Customer, limit: int) -> None:
    started = api.clock.now()
    for index in range(limit - 1):
        assert reveal(api, customer.id, {"field": "phone", "reason": REASON}).status_code == 200, index
        api.clock.advance(timedelta(minutes=1))

    at_limit = reveal(api, customer.id, {"field": "phone", "reason": REASON})
    api.clock.advance(timedelta(minutes=1))
    over_limit = reveal(api, customer.id, {"field": "national_id", "reason": REASON})

    assert at_limit.status_code == 200
    assert over_limit.status_code == 429
    body = problem(over_limit)
    assert body["code"] == "reveal_limit"
    assert "value" not in body
    # The first reveal leaves the window an hour after it was made.
    wait = (started + timedelta(hours=1) - api.clock.now()).total_seconds()
    assert int(over_limit.headers["retry-after"]) == int(wait)
    assert len(reveal_records(api)) == limit


def test_the_limit_counts_per_user_and_frees_up_after_an_hour(
    api: SeededApi, customer: Customer, limit: int
) -> None:
    for _ in range(limit):
        assert reveal(api, customer.id, {"field": "phone", "reason": REASON}).status_code == 200
    assert reveal(api, customer.id, {"field": "phone", "reason": REASON}).status_code == 429

    assert (
        reveal(api, customer.id, {"field": "phone", "reason": REASON}, role="supervisor").status_code == 200
    )

    api.clock.advance(timedelta(minutes=59, seconds=59))
    assert reveal(api, customer.id, {"field": "phone", "reason": REASON}).status_code == 429
    api.clock.advance(timedelta(seconds=1))
    assert reveal(api, customer.id, {"field": "phone", "reason": REASON}).status_code == 200
