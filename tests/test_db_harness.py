"""The test harness itself: the database under test, the rollback, the keyring fake."""

from __future__ import annotations

import uuid

import keyring
import pytest
from keyring.errors import PasswordDeleteError
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.db import joined_sessionmaker, rolled_back_connection
from tests.helpers.keyring_memory import MemoryKeyring


def test_session_runs_on_the_configured_database(db_session: Session, db_url: str) -> None:
    assert db_session.execute(text("SELECT 1")).scalar_one() == 1
    assert db_session.get_bind().dialect.name == make_url(db_url).get_backend_name()


def test_app_sessions_share_the_test_transaction(
    db_session: Session, session_factory: sessionmaker[Session]
) -> None:
    table = f"harness_probe_{uuid.uuid4().hex[:12]}"
    db_session.execute(text(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, name VARCHAR(20))"))
    db_session.execute(text(f"INSERT INTO {table} VALUES (1, 'test')"))
    db_session.commit()
    with session_factory() as app_session:
        assert app_session.execute(text(f"SELECT name FROM {table}")).scalar_one() == "test"
        app_session.execute(text(f"INSERT INTO {table} VALUES (2, 'app')"))
        app_session.commit()
    assert db_session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 2


def test_commits_inside_the_test_transaction_are_rolled_back(db_engine: Engine) -> None:
    table = f"harness_probe_{uuid.uuid4().hex[:12]}"
    with rolled_back_connection(db_engine) as connection:
        factory = joined_sessionmaker(connection)
        with factory() as session:
            session.execute(text(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)"))
            session.execute(text(f"INSERT INTO {table} VALUES (1)"))
            session.commit()
        with factory() as session:
            session.execute(text(f"INSERT INTO {table} VALUES (2)"))
            session.rollback()
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 1
    with db_engine.connect() as connection:
        assert not inspect(connection).has_table(table)


def test_memory_keyring_is_installed_and_empty(memory_keyring: MemoryKeyring) -> None:
    assert keyring.get_keyring() is memory_keyring
    assert keyring.get_password("https://creditdesk.test", "agent1") is None
    keyring.set_password("https://creditdesk.test", "agent1", "token")
    assert keyring.get_password("https://creditdesk.test", "agent1") == "token"
    keyring.delete_password("https://creditdesk.test", "agent1")
    with pytest.raises(PasswordDeleteError):
        keyring.delete_password("https://creditdesk.test", "agent1")
