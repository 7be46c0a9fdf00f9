"""Lockout counted atomically, over real HTTP on SQLite and PostgreSQL (docs/reliability.md):
of 30 wrong passwords sent at once at most 5 are ever checked, and the right password sent in
the same burst is refused while the user is locked."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import backend.auth.passwords as passwords
from backend.audit.models import AuditRecord
from tests.helpers.api import FixedClock
from tests.helpers.live_server import committed_database, live_server, run_together
from tests.test_limits_under_races import TODAY

WRONG = 30
USER = "agent2"


def test_30_wrong_passwords_at_once_check_at_most_5_and_lock_out_the_right_one(
    db_url: str, db_engine: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[bool] = []
    guard = threading.Lock()
    real_verify = passwords.verify_password

    def counting_verify(password_hash: str, password: str) -> bool:
        ok = real_verify(password_hash, password)
        with guard:
            checked.append(ok)
        if not ok:
            time.sleep(0.3)  # a slow check: the rest of the burst arrives while these are in flight
        return ok

    monkeypatch.setattr(passwords, "verify_password", counting_verify)  # what sign-in checks with
    with committed_database(db_url, tmp_path) as factory, live_server(factory, FixedClock.on(TODAY)) as server:

        def attempt(index: int) -> tuple[int, dict[str, Any]]:
            if index == WRONG:  # the right password, once the guesses are being checked
                while not checked:
                    time.sleep(0.005)
            password = "demo" if index == WRONG else f"guess-{index}"
            with server.client() as client:
                response = client.post("/v1/auth/token", json={"username": USER, "password": password})
            return response.status_code, response.json()

        results = run_together(WRONG + 1, attempt)

        wrong_checked = checked.count(False)
        assert 1 <= wrong_checked <= 5, checked
        assert all(status == 401 for status, _ in results), results
        codes = [body["code"] for _, body in results]
        assert codes.count("invalid_credentials") == wrong_checked
        assert codes.count("account_locked") == WRONG + 1 - wrong_checked
        assert results[WRONG][1]["code"] == "account_locked"  # the right password, refused while locked
        with server.client() as client:
            again = client.post("/v1/auth/token", json={"username": USER, "password": "demo"})
        assert again.status_code == 401 and again.json()["code"] == "account_locked"
        assert checked.count(True) <= 1
        with factory() as session:
            actions = list(session.scalars(select(AuditRecord.action).where(AuditRecord.action.like("auth.%"))))
        assert actions.count("auth.login_failed") == wrong_checked
        assert actions.count("auth.lockout") == 1


def test_sign_in_and_sign_out_are_audited(db_url: str, db_engine: object, tmp_path: Path) -> None:
    with committed_database(db_url, tmp_path) as factory, live_server(factory, FixedClock.on(TODAY)) as server:
        headers = server.login("agent1")
        with server.client() as client:
            refused = client.post("/v1/auth/token", json={"username": "nobody", "password": "x"})
            assert refused.status_code == 401
            assert "server" not in refused.headers  # no "server: uvicorn" over real HTTP
            assert refused.headers["cache-control"] == "no-store"
            assert client.post("/v1/auth/logout", headers=headers).status_code == 204
        with factory() as session:
            rows = session.execute(select(AuditRecord.action, AuditRecord.entity_id, AuditRecord.after)
                                   .where(AuditRecord.action.like("auth.%")).order_by(AuditRecord.id)).all()
        assert [(action, after) for action, _, after in rows] == [
            ("auth.login", {"username": "agent1"}),
            ("auth.login_failed", {"username": "nobody"}),
            ("auth.logout", {"username": "agent1"}),
        ]
