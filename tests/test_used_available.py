"""Used and available (docs/rules.md, "Used and available"): the rule at its edges, and the
worked example over HTTP (the overview's figures before and after the cut that bills a period)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from backend.billing.rules import used_and_available
from tests.helpers.api import problem
from tests.helpers.money import MoneyWorld

OPENED = date(2026, 10, 1)
OCT_5 = date(2026, 10, 5)
NOV_3 = date(2026, 11, 3)


@pytest.mark.parametrize(("balance", "unbilled", "limit", "used", "available"), [
    # used at its edge: balance + unbilled just below, at and above 0 (credit is not negative use)
    (-101, 100, 500, 0, 500),
    (-100, 100, 500, 0, 500),
    (-99, 100, 500, 1, 499),
    # available at its edge: used just below, at and above the limit (never below 0)
    (399, 100, 500, 499, 1),
    (400, 100, 500, 500, 0),
    (401, 100, 500, 501, 0),
])
def test_used_and_available_at_their_edges(balance: int, unbilled: int, limit: int, used: int,
                                           available: int) -> None:
    assert used_and_available(balance, unbilled, limit) == (used, available)


def test_the_worked_example_over_http(session_factory: sessionmaker[Session]) -> None:
    m = MoneyWorld.open(session_factory, OPENED, limit_fen=500_000)
    m.go_to(OCT_5)
    m.buy(100_000)
    converted = m.buy(300_000)
    m.convert(converted, 3)  # 3 periods of 100,000 + 2,500 fee (2.5% of 300,000 / 3)

    shown = m.overview()
    assert (shown["used_fen"], shown["available_fen"]) == (400_000, 100_000)
    # Exactly what is available is accepted; one fen more is not.
    refused = m._post(f"/v1/demo/accounts/{m.account_id}/purchases", {"amount_fen": 100_001})
    assert refused.status_code == 422 and "¥1,000.00" in problem(refused)["detail"]
    m.buy(100_000)
    assert m.overview()["available_fen"] == 0

    m.go_to(NOV_3)  # the 1 November cut bills period 1 (due 10 November)
    shown = m.overview()
    # balance 200,000 + 100,000 + 2,500; unbilled 200,000
    assert (shown["balance_fen"], shown["used_fen"], shown["available_fen"]) == (302_500, 502_500, 0)
    m.reconciles()
