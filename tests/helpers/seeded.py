"""A demo data set for the read API's tests, and a client on it with a clock pinned to TODAY.

The data (`seed_demo`, 40 customers × 6 months) is written once per test module inside an
outer transaction on one connection, and rolled back when the module ends, so no other
test ever sees it. Each test runs in a SAVEPOINT of its own on that connection, so what a
test writes (notes, reveals, idempotency keys) is gone before the next.

Use in a test module (the fixture functions are imported under names no test uses):

    from tests.helpers.seeded import seeded_api_fixture, seeded_fixture  # noqa: F401

    def test_something(api: SeededApi) -> None:
        api.client.get("/v1/customers?q=138", headers=api.agent)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from backend.clock import BUSINESS_TZ
from backend.seed.demo import seed_demo
from tests.helpers.api import FixedClock, login, make_client
from tests.helpers.db import joined_sessionmaker, rolled_back_connection

TODAY = date(2026, 11, 22)
NOON = time(10, 0)
CUSTOMERS = 40
MONTHS = 6
SEED = 7
ROLE_USERS = {"agent": "agent1", "dispute_handler": "handler1", "supervisor": "super1", "admin": "admin1"}


@dataclass
class SeededApi:
    """The app on the seeded data, signed-in headers per role, and the test's sessions."""

    client: TestClient
    clock: FixedClock
    session_factory: sessionmaker[Session]
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def agent(self) -> dict[str, str]:
        return self.headers["agent"]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that sees what the app wrote in this test. Closing it (without a commit) undoes
        whatever it wrote; the objects it loaded stay readable."""
        session = self.session_factory()
        try:
            yield session
        finally:
            session.close()


@contextmanager
def seeded_api(engine: Engine) -> Iterator[tuple[Connection, SeededApi]]:
    """Seed the demo data and sign in one user per role, in a transaction rolled back at the end."""
    with rolled_back_connection(engine) as connection:
        factory = joined_sessionmaker(connection)
        seed_demo(factory, customers=CUSTOMERS, seed=SEED, months=MONTHS, today=TODAY)
        clock = FixedClock.on(TODAY, NOON)
        client = make_client(factory, clock=clock)  # also creates the demo users
        api = SeededApi(client=client, clock=clock, session_factory=factory)
        api.headers = {role: login(client, username) for role, username in ROLE_USERS.items()}
        yield connection, api


@pytest.fixture(scope="module", name="seeded")
def seeded_fixture(db_engine: Engine) -> Iterator[tuple[Connection, SeededApi]]:
    with seeded_api(db_engine) as seeded:
        yield seeded


@pytest.fixture(name="api")
def seeded_api_fixture(seeded: tuple[Connection, SeededApi]) -> Iterator[SeededApi]:
    """The seeded API for one test: its writes are rolled back and the clock is reset after it."""
    connection, api = seeded
    api.clock.set(datetime.combine(TODAY, NOON, BUSINESS_TZ))
    savepoint = connection.begin_nested()
    try:
        yield api
    finally:
        if savepoint.is_active:
            savepoint.rollback()


def walk_pages(api: SeededApi, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a cursor-paged list, following `next_cursor` until it is null.

    Each page must be a 200 no longer than the `limit` asked for."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        query = dict(params)
        if cursor:
            query["cursor"] = cursor
        response = api.client.get(path, params=query, headers=api.agent)
        assert response.status_code == 200, response.text
        page = response.json()
        if "limit" in params:
            assert len(page["items"]) <= int(params["limit"])
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination does not end")
