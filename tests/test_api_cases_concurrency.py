"""Concurrent case assignment on a database whose commits are real (SQLite file or PostgreSQL):
conflicting assigns with one If-Match → exactly one wins, the rest 412; concurrent take-next →
never the same case twice."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account
from backend.cases.models import Case, CaseEvent, CaseType
from backend.common.concurrency import etag_for
from backend.customers.models import Customer
from backend.db import make_sessionmaker, transaction
from tests.helpers.api import FixedClock, committing_engine, idempotency_headers, login, make_client
from tests.helpers.cases import insert_customer_with_account, make_case, user_named

CLOCK = FixedClock.on(date(2024, 6, 14))
NOW = CLOCK.now()
THREADS = 20


@contextmanager
def committed_cases(
    db_url: str, directory: Path, count: int, case_type: CaseType = CaseType.DISPUTE
) -> Iterator[tuple[TestClient, sessionmaker[Session], list[int]]]:
    """`count` open unassigned cases, committed, and a client on them; all removed afterwards."""
    with committing_engine(db_url, directory) as engine:
        factory = make_sessionmaker(engine)
        client = make_client(factory, clock=CLOCK)
        try:
            with transaction(factory) as session:
                account = insert_customer_with_account(session)
                ids = [
                    make_case(
                        session,
                        account=account,
                        case_type=case_type,
                        opened_at=NOW - timedelta(hours=1),
                        due_at=NOW + timedelta(hours=i + 1),
                    ).id
                    for i in range(count)
                ]
            yield client, factory, ids
        finally:
            with engine.begin() as connection:  # committing_engine empties the framework tables
                for model in (CaseEvent, Case, Account, Customer):
                    connection.execute(delete(model))


def run_at_once(count: int, call: Any) -> list[Any]:
    """`call(i)` on `count` threads released together by a barrier."""
    barrier = threading.Barrier(count)

    def go(i: int) -> Any:
        barrier.wait()
        return call(i)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(go, range(count)))


def test_conflicting_assigns_with_one_etag_one_wins(db_url: str, db_engine: object, tmp_path: Path) -> None:
    """20 supervisors' assigns of one case, all with the ETag of version 1 and each with its own
    Idempotency-Key: exactly one 200, nineteen 412, one timeline entry."""
    with committed_cases(db_url, tmp_path, 1) as (client, factory, [case_id]):
        headers = [login(client, "super1"), login(client, "super2")]
        with transaction(factory) as session:
            assignees = [user_named(session, name).id for name in ("handler1", "super1", "super2")]

        def assign(i: int) -> tuple[int, dict[str, Any]]:
            response = client.post(
                f"/v1/cases/{case_id}/assign",
                json={"assignee_id": assignees[i % 3]},
                headers={**idempotency_headers(headers[i % 2]), "If-Match": etag_for("case", case_id, 1)},
            )
            return response.status_code, response.json()

        results = run_at_once(THREADS, assign)

        assert Counter(status for status, _ in results) == {200: 1, 412: THREADS - 1}
        [winner] = [body for status, body in results if status == 200]
        assert all(
            body["current_etag"] == etag_for("case", case_id, 2) for status, body in results if status == 412
        )
        with transaction(factory) as session:
            case = session.get(Case, case_id)
            assert case is not None
            assert (case.version, case.assignee_id) == (2, winner["assignee_id"])
            events = session.scalar(
                select(func.count()).where(CaseEvent.case_id == case_id, CaseEvent.action == "assigned")
            )
            assert events == 1


def test_concurrent_take_next_never_hands_out_a_case_twice(
    db_url: str, db_engine: object, tmp_path: Path
) -> None:
    """12 takers for 8 cases at once: 8 get a case each, all different; 4 find the queue empty."""
    takers = 12
    with committed_cases(db_url, tmp_path, 8) as (client, factory, ids):
        headers = [login(client, "handler1"), login(client, "super1"), login(client, "super2")]

        def take(i: int) -> tuple[int, dict[str, Any]]:
            response = client.post(
                "/v1/cases/take-next", json={"queue": "disputes"}, headers=idempotency_headers(headers[i % 3])
            )
            return response.status_code, response.json()

        results = run_at_once(takers, take)

        taken = [body["id"] for status, body in results if status == 200]
        assert sorted(taken) == sorted(ids)
        assert [body["code"] for status, body in results if status != 200] == ["queue_empty"] * (
            takers - len(ids)
        )
        with transaction(factory) as session:
            assert session.scalar(select(func.count()).where(Case.assignee_id.is_(None))) == 0
            assert set(session.scalars(select(Case.version))) == {2}
            assert session.scalar(select(func.count()).where(CaseEvent.action == "taken")) == len(ids)


def test_two_take_next_at_once_get_different_cases(db_url: str, db_engine: object, tmp_path: Path) -> None:
    with committed_cases(db_url, tmp_path, 2) as (client, _factory, ids):
        headers = [login(client, "handler1"), login(client, "super1")]

        def take(i: int) -> tuple[int, int]:
            response = client.post("/v1/cases/take-next", json={}, headers=idempotency_headers(headers[i]))
            return response.status_code, response.json()["id"]

        results = run_at_once(2, take)

        assert sorted(results) == sorted((200, case_id) for case_id in ids)
