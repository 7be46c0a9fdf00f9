"""Database plumbing for tests: the throwaway schema and the rolled-back test transaction.

Every test runs inside one outer transaction on one connection, rolled back at the end.
Sessions join it with ``join_transaction_mode="create_savepoint"``, so code under test may
``commit()`` (it releases a SAVEPOINT) and the test still leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, MetaData, text
from sqlalchemy.orm import Session, sessionmaker

from backend.db import use_explicit_sqlite_begin

TEST_DATABASE_URL_ENV = "CREDITDESK_TEST_DATABASE_URL"
REQUIRE_POSTGRES_ENV = "CREDITDESK_REQUIRE_POSTGRES"


def postgres_required() -> bool:
    """True when the run must use PostgreSQL (set by `.ci/run` for the PostgreSQL pass)."""
    return os.environ.get(REQUIRE_POSTGRES_ENV, "") == "1"


def make_sqlite_transactional(engine: Engine) -> None:
    """Let SQLAlchemy, not pysqlite, emit BEGIN, so SAVEPOINT and transactional DDL work.

    pysqlite only begins a transaction before DML; a SAVEPOINT opened first becomes the
    outermost transaction and its RELEASE commits, which would leak data past the rollback.
    `backend.db.make_engine` installs this recipe on every SQLite engine (with BEGIN IMMEDIATE
    for sessions that write); this installs it on engines made otherwise, and is idempotent.
    """
    use_explicit_sqlite_begin(engine)


def drop_everything(engine: Engine) -> None:
    """Remove whatever an earlier run left in the test database."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Also drops enum types, sequences and tables no longer in the models.
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        else:
            leftover = MetaData()
            leftover.reflect(connection)
            leftover.drop_all(connection)


@contextmanager
def rolled_back_connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside an outer transaction that is always rolled back."""
    with engine.connect() as connection:
        outer = connection.begin()
        try:
            yield connection
        finally:
            if outer.is_active:
                outer.rollback()


def joined_sessionmaker(connection: Connection) -> sessionmaker[Session]:
    """Sessions that work on SAVEPOINTs inside the test's outer transaction."""
    return sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
