"""Installment plans with their schedules."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backend.installments.models import InstallmentPeriod, InstallmentPlan
from tests.helpers.api import problem
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401


def plans_in_db(api: SeededApi) -> list[InstallmentPlan]:
    with api.session() as session:
        return list(session.scalars(select(InstallmentPlan).order_by(InstallmentPlan.id)))


def test_every_plan_matches_the_database_and_its_schedule_sums_exactly(api: SeededApi) -> None:
    plans = plans_in_db(api)
    assert {p.kind for p in plans} >= {"transaction_installment", "cash_loan"}
    for plan in plans:
        response = api.client.get(f"/v1/installment-plans/{plan.id}", headers=api.agent)
        assert response.status_code == 200
        body = response.json()
        with api.session() as session:
            periods = list(
                session.scalars(
                    select(InstallmentPeriod)
                    .where(InstallmentPeriod.plan_id == plan.id)
                    .order_by(InstallmentPeriod.period)
                )
            )
        assert body["account_id"] == plan.account_id
        assert (body["kind"], body["terms"], body["status"]) == (plan.kind, plan.terms, plan.status)
        assert (
            body["principal_fen"] == plan.principal_fen == sum(p["principal_fen"] for p in body["schedule"])
        )
        assert body["fee_fen"] == plan.fee_fen == sum(p["fee_fen"] for p in body["schedule"])
        assert [p["period"] for p in body["schedule"]] == list(range(1, plan.terms + 1))
        assert all(p["total_fen"] == p["principal_fen"] + p["fee_fen"] for p in body["schedule"])
        assert [(p["status"], p["paid_fen"], p["due_date"]) for p in body["schedule"]] == [
            (p.status, p.paid_fen, p.due_date.isoformat()) for p in periods
        ]
        assert body["remaining_principal_fen"] == sum(
            p.principal_fen for p in periods if p.status not in ("paid", "waived")
        )
        assert body["daily_rate_ppm"] == plan.daily_rate_ppm
        assert body["description"] == plan.description


def test_an_account_lists_its_plans_newest_first(api: SeededApi) -> None:
    plans = plans_in_db(api)
    account_id = max({p.account_id for p in plans}, key=lambda a: sum(p.account_id == a for p in plans))
    expected = sorted(
        (p for p in plans if p.account_id == account_id), key=lambda p: (p.created_at, p.id), reverse=True
    )

    response = api.client.get(f"/v1/accounts/{account_id}/installment-plans", headers=api.agent)

    assert response.status_code == 200
    body = response.json()
    assert [p["id"] for p in body["items"]] == [p.id for p in expected]
    assert body["next_cursor"] is None
    single = api.client.get(f"/v1/installment-plans/{expected[0].id}", headers=api.agent).json()
    assert body["items"][0] == single


def test_an_account_without_plans_lists_none(api: SeededApi) -> None:
    with api.session() as session:
        from backend.accounts.models import Account

        account_id = session.scalar(
            select(Account.id).where(Account.id.not_in(select(InstallmentPlan.account_id))).limit(1)
        )

    response = api.client.get(f"/v1/accounts/{account_id}/installment-plans", headers=api.agent)

    assert response.json() == {"items": [], "next_cursor": None}


@pytest.mark.parametrize(
    "path", ["/v1/installment-plans/987654321", "/v1/accounts/987654321/installment-plans"]
)
def test_unknown_plans_and_accounts_are_404(api: SeededApi, path: str) -> None:
    response = api.client.get(path, headers=api.agent)

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


@pytest.mark.parametrize("plan_id", ["0", str(2**63), "-5", "one"])
def test_a_plan_id_that_cannot_exist_is_422(api: SeededApi, plan_id: str) -> None:
    response = api.client.get(f"/v1/installment-plans/{plan_id}", headers=api.agent)

    assert response.status_code == 422
