"""A GET's session only reads (backend.db.reads_only): on PostgreSQL its statements run in
autocommit (no BEGIN/COMMIT round trips: READ COMMITTED gives each statement its own snapshot
anyway), and on both databases any write it is asked for fails loudly instead of committing
statement by statement. Every GET of the API runs on such a session, so the API tests would
fail on a GET handler that writes."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from backend.auth.models import User
from backend.db import WriteInReadOnlySession, begin_writes_for_method, make_sessionmaker


@pytest.fixture
def factory(db_engine: Engine) -> sessionmaker[Session]:
    """Sessions on the test database's engine itself (not a test's connection): as `serve` makes them."""
    return make_sessionmaker(db_engine)


def test_a_get_session_refuses_to_write_rows(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        begin_writes_for_method(session, "GET")
        session.add(User(username="ghost", display_name="Ghost", role="agent", password_hash="x",
                         created_at=datetime.now(timezone.utc)))
        with pytest.raises(WriteInReadOnlySession):
            session.flush()


def test_a_get_session_refuses_write_statements(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        begin_writes_for_method(session, "HEAD")
        with pytest.raises(WriteInReadOnlySession):
            session.execute(update(User).values(display_name="Renamed"))


def test_a_post_session_may_write(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        begin_writes_for_method(session, "POST")
        session.execute(update(User).where(User.id == -1).values(display_name="Nobody"))
        session.rollback()


@pytest.mark.usefixtures("pg_required")
def test_on_postgresql_a_get_session_reads_outside_a_transaction(factory: sessionmaker[Session]) -> None:
    from psycopg.pq import TransactionStatus

    with factory() as session:
        begin_writes_for_method(session, "GET")
        session.execute(select(User.id).limit(1)).all()
        dbapi = session.connection().connection.dbapi_connection
        assert dbapi is not None
        assert dbapi.info.transaction_status == TransactionStatus.IDLE  # no BEGIN was sent
    with factory() as session:
        begin_writes_for_method(session, "POST")
        session.execute(text("SELECT 1"))
        dbapi = session.connection().connection.dbapi_connection
        assert dbapi is not None
        assert dbapi.info.transaction_status == TransactionStatus.INTRANS  # writes keep their transaction
