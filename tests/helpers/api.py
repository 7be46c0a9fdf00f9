"""HTTP test helpers: an app on the test's rolled-back transaction, a clock that stands still,
and logging in as a demo user.

    client = make_client(session_factory, today=date(2024, 6, 15))
    headers = login(client, "agent1")
    client.get("/v1/me", headers=headers)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from backend.app import create_app
from backend.auth.service import DEMO_PASSWORD, ensure_demo_users
from backend.clock import BUSINESS_TZ, BusinessClock, business_date_of
from backend.db import Base, make_engine, transaction
from backend.settings import Settings

DEFAULT_TODAY = date(2024, 6, 15)


class FixedClock(BusinessClock):
    """A business clock that stands still at one instant until moved with `advance` or `set`."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        object.__setattr__(self, "_instant", [at])
        object.__setattr__(self, "fixed_date", business_date_of(at))

    @classmethod
    def on(cls, day: date, at: time = time(10, 0)) -> FixedClock:
        """`day` at `at` (default 10:00) in Asia/Shanghai."""
        return cls(datetime.combine(day, at, BUSINESS_TZ))

    def now(self) -> datetime:
        instant: datetime = self._instant[0]  # type: ignore[attr-defined]
        return instant.astimezone(timezone.utc)

    def today(self) -> date:
        return business_date_of(self._instant[0])  # type: ignore[attr-defined]

    def set(self, at: datetime) -> None:
        self._instant[0] = at  # type: ignore[attr-defined]
        object.__setattr__(self, "fixed_date", business_date_of(at))

    def advance(self, delta: timedelta) -> None:
        self.set(self.now() + delta)


def make_client(
    session_factory: sessionmaker[Session],
    *,
    today: date | None = None,
    demo: bool = True,
    clock: BusinessClock | None = None,
    settings: Settings | None = None,
    demo_users: bool = True,
) -> TestClient:
    """A TestClient on an app that uses `session_factory` (the test's transaction).

    The clock stands still at 10:00 Shanghai time on `today` unless a `clock` is given; the
    app's clock is `client.app.state.clock`. Demo users are created unless `demo_users=False`.
    """
    if clock is None:
        clock = FixedClock.on(today or DEFAULT_TODAY)
    if settings is None:
        settings = Settings(database_url="sqlite://", demo_mode=demo)
    if demo_users:
        with transaction(session_factory) as session:
            ensure_demo_users(session=session, now=clock.now())
    app = create_app(settings, clock=clock, session_factory=session_factory)
    return TestClient(app)


def login(client: TestClient, username: str, password: str = DEMO_PASSWORD) -> dict[str, str]:
    """Sign in and return the `Authorization` header for the token."""
    response = client.post("/v1/auth/token", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def idempotency_headers(headers: dict[str, str], key: str | None = None) -> dict[str, str]:
    """`headers` plus a fresh (or the given) `Idempotency-Key`."""
    return {**headers, "Idempotency-Key": key or str(uuid.uuid4())}


def problem(response: Any) -> dict[str, Any]:
    """The problem document of an error response (checks the media type)."""
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    body: dict[str, Any] = response.json()
    return body


# The tables the framework tests write to, children first.
FRAMEWORK_TABLES = (
    "idempotency_keys",
    "audit_records",
    "audit_chain_head",
    "auth_tokens",
    "login_failures",
    "users",
)


@contextmanager
def committing_engine(db_url: str, directory: Any) -> Iterator[Engine]:
    """An engine whose commits are real, for concurrency tests.

    On SQLite: a fresh file in `directory`, configured as in production. On PostgreSQL: the test
    database (request the `db_engine` fixture first so the schema exists), with the framework
    tables emptied afterwards; every other test rolls back, so they were empty before.
    """
    if make_url(db_url).get_backend_name() == "sqlite":
        import backend.models_registry  # noqa: F401

        engine = make_engine(f"sqlite:///{directory}/committing.sqlite3")
        Base.metadata.create_all(engine)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        with engine.begin() as connection:
            for name in FRAMEWORK_TABLES:
                connection.execute(Base.metadata.tables[name].delete())
        engine.dispose()
