"""Recently checked tokens (backend/auth/checked_tokens.py, docs/load.md "The token check"): a
serving process on PostgreSQL answers a token it checked a moment ago without reading it again,
and every change to a user or a token counts from the next request, on every process."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, text

from backend.app import create_app, keep_checked_tokens
from backend.auth.checked_tokens import CheckedTokens, TokenChangeListener, parse_owner_ids
from backend.settings import Settings
from tests.helpers.servers import add_users_and_an_account, scratch_database, serve_process, sign_in

ROW = {"id": 7, "active": True}


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def listening_cache(seconds: float = 30.0, clock: Clock | None = None) -> CheckedTokens:
    cache = CheckedTokens(seconds, clock=clock or Clock())
    cache.set_listening(True)
    return cache


# -- the cache alone ------------------------------------------------------------------------------


def test_a_kept_row_is_answered_until_its_seconds_are_up() -> None:
    clock = Clock()
    cache = listening_cache(30.0, clock)
    cache.keep("d", ROW, cache.generation)
    clock.now += 29.9
    assert cache.get("d") == ROW
    clock.now += 0.1  # exactly 30 s: read again
    assert cache.get("d") is None


def test_nothing_is_kept_or_answered_while_not_listening() -> None:
    cache = CheckedTokens(30.0, clock=Clock())
    cache.keep("d", ROW, cache.generation)
    assert cache.get("d") is None and len(cache) == 0
    cache.set_listening(True)
    cache.keep("d", ROW, cache.generation)
    assert cache.get("d") == ROW
    cache.set_listening(False)  # the listener lost its connection: forget everything
    assert cache.get("d") is None and len(cache) == 0


def test_a_read_that_began_before_a_user_was_forgotten_is_not_kept() -> None:
    """A check reads the token (still live), a sign-out commits and forgets the user, then the
    check tries to keep its row: it must not, or the signed-out token would live on."""
    cache = listening_cache()
    began = cache.generation
    cache.forget_users([7])
    cache.keep("d", ROW, began)
    assert cache.get("d") is None
    cache.keep("d", ROW, cache.generation)
    assert cache.get("d") == ROW


def test_forgetting_a_user_forgets_only_their_tokens() -> None:
    cache = listening_cache()
    cache.keep("mine-1", {"id": 7}, cache.generation)
    cache.keep("mine-2", {"id": 7}, cache.generation)
    cache.keep("theirs", {"id": 8}, cache.generation)
    cache.forget_users([7])
    assert cache.get("mine-1") is None and cache.get("mine-2") is None
    assert cache.get("theirs") == {"id": 8}


def test_the_cache_stays_bounded() -> None:
    from backend.auth import checked_tokens

    cache = listening_cache()
    for i in range(checked_tokens.MAX_KEPT + 5):
        cache.keep(f"d{i}", {"id": i}, cache.generation)
    assert len(cache) <= checked_tokens.MAX_KEPT
    assert cache.get(f"d{checked_tokens.MAX_KEPT + 4}") is not None  # the newest stays


def test_notification_payloads_name_user_ids() -> None:
    assert parse_owner_ids("3,17") == [3, 17]
    assert parse_owner_ids("") == []
    assert parse_owner_ids("5,x") == [5]


# -- a serving process on PostgreSQL --------------------------------------------------------------


def wait_for(condition: Any, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@contextmanager
def serving_app(url: str, seconds: float = 30.0) -> Iterator[tuple[TestClient, CheckedTokens, TokenChangeListener]]:
    settings = Settings(database_url=url, token_check_seconds=seconds)
    app = create_app(settings)
    listener = keep_checked_tokens(app, settings)
    assert listener is not None
    checked: CheckedTokens = app.state.checked_tokens
    wait_for(lambda: checked.listening)
    token_reads = []
    engine = app.state.session_factory.kw["bind"]

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "auth_tokens.token_hash" in statement:
            token_reads.append(statement)

    app.state.token_reads = token_reads
    try:
        with TestClient(app) as client:
            yield client, checked, listener
    finally:
        listener.stop()
        engine.dispose()


def bearer(client: TestClient, username: str) -> dict[str, str]:
    from tests.helpers.servers import PASSWORD

    response = client.post("/v1/auth/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def user_id(url: str, username: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        found = connection.execute(text("SELECT id FROM users WHERE username = :u"), {"u": username}).scalar_one()
    engine.dispose()
    return int(found)


def test_a_token_checked_a_moment_ago_is_not_read_again(pg_required: None, db_url: str, tmp_path: Path) -> None:
    with scratch_database(db_url, tmp_path, "checked") as url:
        add_users_and_an_account(url, {"agent": "agent"})
        with serving_app(url) as (client, checked, _listener):
            headers = bearer(client, "agent")
            reads = client.app.state.token_reads  # type: ignore[attr-defined]
            assert client.get("/v1/me", headers=headers).status_code == 200
            assert len(reads) == 1
            for _ in range(5):
                assert client.get("/v1/me", headers=headers).json()["username"] == "agent"
            assert len(reads) == 1  # answered from the checked tokens
            assert len(checked) == 1


def test_changes_to_a_user_or_token_count_from_the_next_request(
    pg_required: None, db_url: str, tmp_path: Path
) -> None:
    """Sign-out, a new role and a disabled user, each made through the same process."""
    with scratch_database(db_url, tmp_path, "checked_changes") as url:
        add_users_and_an_account(url, {"agent": "agent", "agent2": "agent", "admin": "admin"})
        with serving_app(url) as (client, _checked, _listener):
            agent, agent2, admin = bearer(client, "agent"), bearer(client, "agent2"), bearer(client, "admin")
            for headers in (agent, agent2):
                assert client.get("/v1/me", headers=headers).status_code == 200

            assert client.post("/v1/auth/logout", headers=agent).status_code == 204
            assert client.get("/v1/me", headers=agent).status_code == 401

            target = user_id(url, "agent2")
            changed = client.post(f"/v1/users/{target}/actions/change_role", json={"role": "supervisor"},
                                  headers={**admin, "Idempotency-Key": str(uuid.uuid4())})
            assert changed.status_code == 200, changed.text
            assert client.get("/v1/me", headers=agent2).json()["role"] == "supervisor"

            disabled = client.post(f"/v1/users/{target}/actions/disable", json={},
                                   headers={**admin, "Idempotency-Key": str(uuid.uuid4())})
            assert disabled.status_code == 200, disabled.text
            assert client.get("/v1/me", headers=agent2).status_code == 401


def test_a_change_no_commit_announced_counts_after_the_seconds_or_a_lost_listener(
    pg_required: None, db_url: str, tmp_path: Path
) -> None:
    """A token revoked by hand in the database (no NOTIFY) is answered from the cache until its
    seconds are up, or until the listener loses its connection (then the cache starts empty)."""
    with scratch_database(db_url, tmp_path, "checked_by_hand") as url:
        add_users_and_an_account(url, {"agent": "agent"})
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with serving_app(url, seconds=1.0) as (client, checked, listener):
            headers = bearer(client, "agent")
            assert client.get("/v1/me", headers=headers).status_code == 200
            with engine.connect() as connection:
                connection.execute(text("UPDATE auth_tokens SET revoked_at = now()"))
            assert client.get("/v1/me", headers=headers).status_code == 200  # kept, as documented
            time.sleep(1.05)
            assert client.get("/v1/me", headers=headers).status_code == 401

            second = bearer(client, "agent")
            assert client.get("/v1/me", headers=second).status_code == 200
            with engine.connect() as connection:
                connection.execute(text("UPDATE auth_tokens SET revoked_at = now()"))
                first_connection = listener.connection
                connection.execute(text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = 'creditdesk token listener' AND datname = current_database()"
                ))
            wait_for(lambda: listener.connection is not first_connection and checked.listening)
            assert client.get("/v1/me", headers=second).status_code == 401
        engine.dispose()


def test_a_sign_out_through_one_serve_process_counts_at_once_on_the_other(
    pg_required: None, db_url: str, tmp_path: Path
) -> None:
    with scratch_database(db_url, tmp_path, "checked_twoproc") as url:
        add_users_and_an_account(url, {"agent": "agent", "admin": "admin"})
        with serve_process(url) as first, serve_process(url) as second:
            headers = sign_in(first, "agent")
            # The second process checks the token and keeps it (after its listener listens).
            wait_for(lambda: requests.get(f"{second}/v1/me", headers=headers, timeout=10).status_code == 200)
            for _ in range(3):
                assert requests.get(f"{second}/v1/me", headers=headers, timeout=10).status_code == 200
            assert requests.post(f"{first}/v1/auth/logout", headers=headers, timeout=10).status_code == 204
            # Heard through NOTIFY within moments, not after the 30 s a kept token may live.
            wait_for(lambda: requests.get(f"{second}/v1/me", headers=headers, timeout=10).status_code == 401,
                     seconds=3.0)


@pytest.mark.parametrize("url", ["sqlite:///x.sqlite3", "postgresql+psycopg://u@h/db"])
def test_only_a_postgresql_server_with_seconds_keeps_checked_tokens(url: str) -> None:
    settings = Settings(database_url=url, token_check_seconds=0)
    app = create_app(settings, session_factory=object())  # type: ignore[arg-type]
    assert keep_checked_tokens(app, settings) is None and app.state.checked_tokens is None
    if url.startswith("sqlite"):
        settings = Settings(database_url=url)
        assert keep_checked_tokens(app, settings) is None and app.state.checked_tokens is None
