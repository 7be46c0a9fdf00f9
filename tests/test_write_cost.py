"""What one idempotent, audited write costs (docs/load.md, "The writes"), on a database whose
commits are real: the note write's round trips and thread-pool hops are counted and held, and
many note writes at once keep one audit chain and one effect per Idempotency-Key."""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, delete, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.accounts.models import Account
from backend.audit.models import AuditRecord
from backend.audit.service import check_audit_chain
from backend.common.idempotency import DONE, IdempotencyKey
from backend.customers.models import Customer
from backend.db import make_sessionmaker, transaction
from backend.notes.models import ContactNote
from tests.helpers.api import FixedClock, committing_engine, idempotency_headers, login, make_client
from tests.helpers.cases import insert_customer_with_account
from tests.helpers.hops import counting_thread_hops

CLOCK = FixedClock.on(date(2024, 6, 14))

# One note write, token to COMMIT. PostgreSQL: the token (1, autocommit); the claim (1: one
# INSERT in autocommit); BEGIN; the account; the note; the audit chain's head locked with the
# record's id drawn; the record and the head in one statement; the key's stored response;
# COMMIT. SQLite has no statement that writes two tables, so the record and the head are two,
# and its token read and claim are transactions of their own.
NOTE_WRITE_ROUND_TRIPS = {"postgresql": 9, "sqlite": 14}
# The token's thread-pool call, and the handler's (which claims the key first).
NOTE_WRITE_THREAD_HOPS = 2


@contextmanager
def committed_account(db_url: str, directory: Path) -> Iterator[tuple[TestClient, sessionmaker[Session], int]]:
    """One customer with one account, committed, and a client on them; all removed afterwards."""
    with committing_engine(db_url, directory) as engine:
        factory = make_sessionmaker(engine)
        client = make_client(factory, clock=CLOCK)
        try:
            with transaction(factory) as session:
                account_id = insert_customer_with_account(session).id
            yield client, factory, account_id
        finally:
            with engine.begin() as connection:  # committing_engine empties the framework tables
                for model in (ContactNote, Account, Customer):
                    connection.execute(delete(model))


def _autocommits(connection: Connection) -> bool:
    return connection.get_execution_options().get("isolation_level") == "AUTOCOMMIT"


@contextmanager
def counting_round_trips(engine: Engine) -> Iterator[list[str]]:
    """Everything sent to the database meanwhile: each statement, and each BEGIN, COMMIT and
    ROLLBACK the driver sends itself (none on an autocommit connection; SQLite's BEGIN is a
    statement of its own, `backend.db`)."""
    sent: list[str] = []

    def statement(_conn: Any, _cursor: Any, text: str, *_args: Any) -> None:
        sent.append(" ".join(text.split())[:60])

    def marker(name: str) -> Any:
        def record(connection: Connection, *_args: Any) -> None:
            if not _autocommits(connection) and (name != "BEGIN" or connection.dialect.name != "sqlite"):
                sent.append(name)
        return record

    listeners = [("before_cursor_execute", statement), ("begin", marker("BEGIN")),
                 ("commit", marker("COMMIT")), ("rollback", marker("ROLLBACK"))]
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield sent
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


def test_a_note_write_costs_the_round_trips_and_hops_it_names(
    db_url: str, db_engine: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with committed_account(db_url, tmp_path) as (client, factory, account_id):
        agent = login(client, "agent1")
        path = f"/v1/accounts/{account_id}/notes"
        assert client.post(path, json={"body": "warm-up"}, headers=idempotency_headers(agent)).status_code == 201
        engine = factory.kw["bind"]

        with counting_round_trips(engine) as sent, counting_thread_hops(monkeypatch) as hops:
            response = client.post(path, json={"body": "Promised to pay on Friday."},
                                   headers=idempotency_headers(agent))

        assert response.status_code == 201, response.text
        assert len(hops) == NOTE_WRITE_THREAD_HOPS, hops
        assert len(sent) == NOTE_WRITE_ROUND_TRIPS[engine.dialect.name], sent
        with transaction(factory) as session:
            assert check_audit_chain(session).first_broken_id is None
            assert session.scalars(select(IdempotencyKey.state)).all() == [DONE, DONE]


def test_many_note_writes_at_once_keep_one_chain_and_one_effect_per_key(
    db_url: str, db_engine: object, tmp_path: Path
) -> None:
    """Twenty threads at once, each writing three notes: two with keys of their own, one with a
    key four threads share. Every own key writes one note; each shared key writes exactly one,
    its other senders get 409 (in flight) or the stored response replayed; the audit chain then
    verifies, one record per note, in id order."""
    threads, shared_keys = 20, [str(uuid.uuid4()) for _ in range(5)]
    with committed_account(db_url, tmp_path) as (client, factory, account_id):
        agent = login(client, "agent1")
        path = f"/v1/accounts/{account_id}/notes"
        barrier = threading.Barrier(threads)

        def write(worker: int) -> list[tuple[str, int, Any]]:
            sent = [(str(uuid.uuid4()), f"own {worker}.{i}") for i in range(2)]
            sent.append((shared_keys[worker % len(shared_keys)], "shared"))
            barrier.wait()
            answers = []
            for key, body in sent:
                response = client.post(path, json={"body": body}, headers=idempotency_headers(agent, key))
                answers.append((key, response.status_code, response.json()))
            return answers

        with ThreadPoolExecutor(max_workers=threads) as pool:
            answers = [answer for batch in pool.map(write, range(threads)) for answer in batch]

        own = [(status, body) for key, status, body in answers if key not in shared_keys]
        assert {status for status, _ in own} == {201}
        shared = [(key, status, body) for key, status, body in answers if key in shared_keys]
        assert {status for _, status, _ in shared} <= {201, 409}
        written = Counter(body["id"] for _, status, body in answers if status == 201)
        assert len(written) == len(own) + len(shared_keys)  # a replay repeats its note's id
        with transaction(factory) as session:
            notes = session.scalar(select(func.count()).select_from(ContactNote))
            audited = session.scalars(
                select(AuditRecord.entity_id).where(AuditRecord.action == "note.create")
            ).all()
            records = session.scalar(select(func.count()).select_from(AuditRecord))
            report = check_audit_chain(session)
        assert notes == len(written)
        assert sorted(int(entity) for entity in audited) == sorted(written)
        assert (report.record_count, report.first_broken_id) == (records, None)


def test_a_note_write_that_fails_releases_its_claim(db_url: str, db_engine: object, tmp_path: Path) -> None:
    """The claim is committed on its own before the handler; when the handler fails (404), the
    claim is released after the rollback, so the same key can be sent again and does its work."""
    with committed_account(db_url, tmp_path) as (client, factory, account_id):
        headers = idempotency_headers(login(client, "agent1"))

        missing = client.post(f"/v1/accounts/{account_id + 1}/notes", json={"body": "x"}, headers=headers)
        assert missing.status_code == 404
        with transaction(factory) as session:
            assert session.scalar(select(func.count()).select_from(IdempotencyKey)) == 0
        again = client.post(f"/v1/accounts/{account_id}/notes", json={"body": "x"}, headers=headers)
        assert again.status_code == 201, again.text
        assert "idempotent-replayed" not in again.headers
