"""Disputes under concurrency, on a database whose commits are real (SQLite file or PostgreSQL):
20 identical filings with one Idempotency-Key file one dispute; conflicting actions on one
dispute with one If-Match: exactly one wins, the rest get 412.

Kept apart from test_api_disputes.py, whose module-wide open transaction would hold locks the
committing requests here wait on."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from backend.cases.models import Case
from backend.db import make_sessionmaker, transaction
from backend.disputes.models import Dispute, DisputeMoneyEvent
from tests.helpers.api import FixedClock, committing_engine, idempotency_headers
from tests.helpers.disputes import World, build_world, opening_time, remove_book


@contextmanager
def committed_world(db_url: str, directory: Path) -> Iterator[World]:
    with committing_engine(db_url, directory) as engine:
        factory = make_sessionmaker(engine)
        world = build_world(factory, FixedClock(opening_time()))
        try:
            yield world
        finally:
            with transaction(factory) as session:
                remove_book(session, world)


def run_together(count: int, send: Any) -> list[tuple[int, dict[str, Any]]]:
    """Call `send(i)` from `count` threads released at once by a barrier."""
    barrier = threading.Barrier(count)

    def one(index: int) -> tuple[int, dict[str, Any]]:
        barrier.wait()
        response = send(index)
        return response.status_code, response.json()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def test_20_identical_filings_with_one_key_file_one_dispute(
    db_url: str, db_engine: object, tmp_path: Path
) -> None:
    with committed_world(db_url, tmp_path) as world:
        key = str(uuid.uuid4())

        results = run_together(20, lambda _: world.file(world.purchase_id, 1000, key=key))

        assert {status for status, _ in results} <= {201, 409}, results
        created = [body for status, body in results if status == 201]
        assert created and len({body["id"] for body in created}) == 1
        assert all(body["code"] == "idempotency_in_flight" for status, body in results if status == 409)
        with world.session() as session:
            assert session.scalar(select(func.count()).select_from(Dispute)) == 1
            assert session.scalar(select(func.count()).select_from(Case).where(Case.type == "dispute")) == 1
        assert world.account().disputed_fen == 1000
        replay = world.file(world.purchase_id, 1000, key=key)
        assert replay.status_code == 201
        assert replay.headers["Idempotent-Replayed"] == "true"
        assert replay.json()["id"] == created[0]["id"]


def test_conflicting_actions_with_one_if_match_exactly_one_wins(
    db_url: str, db_engine: object, tmp_path: Path
) -> None:
    with committed_world(db_url, tmp_path) as world:
        dispute = world.filed(amount_fen=100_000)
        world.done(dispute, "acknowledge")
        etag = world.get(dispute["id"]).headers["ETag"]

        def grant(_: int) -> Any:
            headers = {**idempotency_headers(world.headers["handler1"]), "If-Match": etag}
            return world.client.post(
                f"/v1/disputes/{dispute['id']}/actions/grant_provisional_credit", json={}, headers=headers
            )

        results = run_together(10, grant)

        statuses = sorted(status for status, _ in results)
        assert statuses == [200] + [412] * 9, results
        with world.session() as session:
            events = session.scalar(
                select(func.count()).where(DisputeMoneyEvent.dispute_id == dispute["id"])
            )
        assert events == 1
        assert world.get(dispute["id"]).json()["provisional_credit_fen"] == 100_000
        assert world.account().disputed_fen == 0
