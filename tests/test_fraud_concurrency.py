"""Fraud reports under concurrent requests, with real commits (SQLite file and PostgreSQL):
one If-Match wins, the rest 412; one filing per transaction; the freeze is lifted exactly when
the last report holding it lets go.

Kept apart from tests/test_api_fraud.py: that module holds the seeded data in an open
transaction for its whole run, which these committing requests would wait on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account, Transaction
from backend.cases.models import Case, CaseEvent
from backend.db import Base, make_sessionmaker
from backend.fraud.models import FraudReport
from backend.seed.demo import seed_demo
from tests.helpers.api import committing_engine, idempotency_headers, login, make_client

TODAY = date(2026, 11, 22)
THREADS = 8


@dataclass
class Live:
    client: TestClient
    factory: sessionmaker[Session]
    agent: dict[str, str]
    handler: dict[str, str]
    account_id: int
    purchase_ids: list[int]


@pytest.fixture
def live(db_engine: Engine, db_url: str, tmp_path: Path) -> Iterator[Live]:
    with committing_engine(db_url, tmp_path) as engine:
        factory = make_sessionmaker(engine)
        try:
            seed_demo(factory, customers=3, seed=5, months=2, today=TODAY)
            client = make_client(factory, today=TODAY)
            with factory() as session:
                account = session.scalars(
                    select(Account)
                    .where(Account.product == "credit_line", Account.status == "active")
                    .order_by(Account.id)
                ).first()
                assert account is not None
                purchases = session.scalars(
                    select(Transaction.id)
                    .where(Transaction.account_id == account.id, Transaction.type == "purchase")
                    .order_by(Transaction.id)
                    .limit(2)
                ).all()
            assert len(purchases) == 2
            yield Live(
                client=client,
                factory=factory,
                agent=login(client, "agent1"),
                handler=login(client, "handler1"),
                account_id=account.id,
                purchase_ids=list(purchases),
            )
        finally:
            with engine.begin() as connection:  # the framework tables go last, in committing_engine
                for table in reversed(Base.metadata.sorted_tables):
                    connection.execute(table.delete())


def file_report(live: Live, transaction_ids: list[int]) -> Any:
    body = {
        "account_id": live.account_id,
        "category": "unknown_transactions",
        "transaction_ids": transaction_ids,
        "description": "Not the customer's purchase",
    }
    return live.client.post("/v1/fraud-reports", json=body, headers=idempotency_headers(live.agent))


def act(live: Live, report_id: int, action: str, etag: str) -> Any:
    headers = {**idempotency_headers(live.handler), "If-Match": etag}
    return live.client.post(f"/v1/fraud-reports/{report_id}/actions/{action}", json={}, headers=headers)


def all_at_once(count: int, call: Any) -> list[Any]:
    """Run `call(i)` on `count` threads released together by a barrier."""
    barrier = threading.Barrier(count)

    def run(index: int) -> Any:
        barrier.wait()
        return call(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_one_if_match_wins_the_rest_are_412(live: Live) -> None:
    filed = file_report(live, live.purchase_ids[:1])
    assert filed.status_code == 201, filed.text
    report_id, etag = filed.json()["id"], filed.headers["etag"]

    responses = all_at_once(THREADS, lambda _: act(live, report_id, "start_review", etag))

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [412] * (THREADS - 1)
    with live.factory() as session:
        report = session.get(FraudReport, report_id)
        assert report is not None and (report.status, report.version) == ("investigating", 2)
        case = session.scalars(
            select(Case).where(Case.type == "fraud_report", Case.subject_id == report_id)
        ).one()
        reviews = session.scalar(
            select(func.count()).where(CaseEvent.case_id == case.id, CaseEvent.action == "start_review")
        )
    assert reviews == 1


def test_concurrent_filings_of_one_transaction_file_it_once(live: Live) -> None:
    responses = all_at_once(THREADS, lambda _: file_report(live, live.purchase_ids[:1]))

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * (THREADS - 1)
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"transaction_already_reported"}
    with live.factory() as session:
        assert session.scalar(select(func.count()).select_from(FraudReport)) == 1


def test_two_reports_let_go_at_once_and_the_account_is_unfrozen(live: Live) -> None:
    reports = [file_report(live, [transaction_id]) for transaction_id in live.purchase_ids]
    assert [r.status_code for r in reports] == [201, 201]
    etags = []
    for report in reports:
        started = act(live, report.json()["id"], "start_review", report.headers["etag"])
        assert started.status_code == 200, started.text
        etags.append(started.headers["etag"])

    responses = all_at_once(2, lambda i: act(live, reports[i].json()["id"], "not_fraud", etags[i]))

    assert [r.status_code for r in responses] == [200, 200]
    with live.factory() as session:
        assert session.scalar(select(Account.status).where(Account.id == live.account_id)) == "active"
