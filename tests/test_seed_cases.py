"""The demo caseload (backend/seed/cases.py): made through the domains' services, it covers every
queue, the dispute states, the SLA states and assignment; it is deterministic and made once."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any

import pytest
from sqlalchemy import Connection, select

from backend.accounts.models import Account
from backend.audit.service import verify_audit_chain
from backend.cases.models import Case
from backend.cases.service import case_sla_state
from backend.clock import BUSINESS_TZ, business_date_of
from backend.db import Base
from backend.disputes.models import Dispute
from backend.seed import cases as seed_cases
from backend.seed.cases import seed_caseload
from tests.helpers.seeded import NOON, TODAY, SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

NOW = datetime.combine(TODAY, NOON, BUSINESS_TZ).astimezone(timezone.utc)


def caseload(api: SeededApi) -> list[Case]:
    made = seed_caseload(api.session_factory, today=TODAY)
    with api.session() as session:
        cases = list(session.scalars(select(Case).order_by(Case.id)))
    assert made == len(cases)
    return cases


def shape(cases: list[Case]) -> list[tuple[Any, ...]]:
    return [(c.type, c.status, c.assignee_id, c.summary, c.opened_at, c.due_at, c.amount_fen) for c in cases]


def test_the_caseload_covers_queues_states_and_sla(api: SeededApi) -> None:
    cases = caseload(api)

    statuses = Counter((c.type, c.status) for c in cases)
    for dispute_status in (
        "new",
        "investigating",
        "pending_customer",
        "pending_merchant",
        "pending_approval",
        "resolved",
    ):
        assert statuses[("dispute", dispute_status)] >= 1, dispute_status
    for fraud_status in ("new", "investigating", "confirmed", "closed"):
        assert statuses[("fraud_report", fraud_status)] >= 1, fraud_status
    assert statuses[("arrangement", "pending_approval")] >= 3
    states = Counter(case_sla_state(c, NOW).value for c in cases if c.is_open)
    assert set(states) == {"on_track", "at_risk", "breached", "paused"}
    assert {c.assignee_id for c in cases} - {None}, "some cases are assigned"
    assert all(c.opened_at <= NOW for c in cases)


def test_the_caseload_is_real_and_audited(api: SeededApi) -> None:
    cases = caseload(api)
    supervisor = api.headers["supervisor"]

    for case in cases:
        subject = api.client.get(f"/v1/cases/{case.id}", headers=supervisor).json()["subject_url"]
        response = api.client.get(subject, headers=supervisor)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == case.status
    with api.session() as session:
        assert verify_audit_chain(session) is None


def test_the_caseload_is_deterministic_and_made_once(
    seeded: tuple[Connection, SeededApi], api: SeededApi
) -> None:
    connection, _ = seeded
    attempt = connection.begin_nested()
    first = shape(caseload(api))
    attempt.rollback()

    second = shape(caseload(api))

    assert second == first
    assert seed_caseload(api.session_factory, today=TODAY) == 0
    with api.session() as session:
        assert shape(list(session.scalars(select(Case).order_by(Case.id)))) == first


def every_row(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ids included, in key order."""
    return {
        table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
        for table in Base.metadata.sorted_tables
    }


class _Killed(BaseException):
    """Stands for the process killed before the caseload's transaction commits."""


def test_a_caseload_killed_before_its_commit_then_made_again_is_the_same_book(
    seeded: tuple[Connection, SeededApi], api: SeededApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`seed` killed while the caseload's transaction is open (its rows flushed, not committed)
    and run again makes the same rows, ids included (docs/reliability.md, "seed"). On PostgreSQL
    the killed transaction had drawn ids from the sequences, which a rollback does not give back."""
    connection, _ = seeded
    never_stopped = connection.begin_nested()
    caseload(api)
    expected = every_row(connection)
    never_stopped.rollback()

    make_caseload = seed_cases._make_caseload

    def killed_before_commit(seeder: Any) -> None:
        make_caseload(seeder)
        raise _Killed

    monkeypatch.setattr(seed_cases, "_make_caseload", killed_before_commit)
    with pytest.raises(_Killed):
        seed_caseload(api.session_factory, today=TODAY)
    monkeypatch.setattr(seed_cases, "_make_caseload", make_caseload)
    assert seed_caseload(api.session_factory, today=TODAY) == len(expected["cases"]) > 0

    resumed = every_row(connection)
    for name in expected:
        assert resumed[name] == expected[name], name


def test_a_dispute_open_over_an_end_of_day_is_on_an_account_with_nothing_past_due(api: SeededApi) -> None:
    """The caseload is filed after the book was generated, back-dated up to 20 days: a dispute
    filed before today missed the end-of-day runs of the days it was open. On an overdue account
    those runs charged penalty on its money (docs/rules.md, "Disputes"), so such a dispute goes
    on an account with nothing past due, where they computed what they would have with it open
    (issue 11 item 6). Disputes filed today (no end of day since) may be on any account."""
    caseload(api)
    with api.session() as session:
        rows = session.execute(
            select(Dispute.id, Dispute.opened_at, Account.past_due_fen, Account.overdue_since)
            .join(Account, Account.id == Dispute.account_id)
            .order_by(Dispute.id)
        ).all()
    older = [row for row in rows if business_date_of(row.opened_at) < TODAY]
    assert len(older) >= 8 and len(older) < len(rows)  # most are older; some are today's
    assert [(row.id, row.past_due_fen, row.overdue_since) for row in older
            if row.past_due_fen > 0 or row.overdue_since is not None] == []
