"""Database plumbing: the declarative base, engines and the per-request session."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, ORMExecuteState, Session, sessionmaker

# Stable constraint names so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# What a read takes: a request's session, or (on the hot reads, docs/load.md) its plain
# connection, which runs Core statements without the ORM's per-statement work.
Reader = Session | Connection


def on_account_or_ids(
    reader: Reader, on_account: Any, on_ids: Callable[[list[int]], Any], *, account_id: int | None,
    ids: Collection[int],
) -> Sequence[Any]:
    """The rows of `on_account` (a statement built once, bound by `account_id`) when an account
    is given, else of `on_ids(ids)`; no rows for no ids. What another domain asks of a list of
    transactions, or of all of one account's (the hot transactions page)."""
    if account_id is not None:
        return reader.execute(on_account, {"account_id": account_id}).all()
    listed = list(ids)
    return reader.execute(on_ids(listed)).all() if listed else []


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# --- SQLite transactions: BEGIN, or BEGIN IMMEDIATE for a unit of work that writes ------------
#
# pysqlite begins a transaction only before the first INSERT/UPDATE/DELETE, so a read-check-write
# (a limit checked, then the write it allows) reads outside any lock and two of them both pass.
# SQLAlchemy's documented pysqlite recipe takes BEGIN away from the driver (isolation_level None)
# and emits it from the engine's "begin" event; a connection whose execution options carry
# `SQLITE_BEGIN_OPTION = "immediate"` begins with BEGIN IMMEDIATE, so the database's write lock is
# held from the transaction's first statement to its end: writers queue at their start and every
# read inside the transaction is current. PostgreSQL ignores the option (the row lock of
# `backend.common.locking.lock_account` serialises writers there). See docs/reliability.md.

SQLITE_BEGIN_OPTION = "creditdesk_sqlite_begin"
WRITE_INTENT = "creditdesk_write_intent"  # Session.info key: this session's transactions write
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
READ_ONLY = "creditdesk_read_only"  # Session.info key: this session only reads (a GET's)
READ_METHODS = frozenset({"GET", "HEAD"})


def _sqlite_no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(SQLITE_BEGIN_OPTION) == "immediate"
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def use_explicit_sqlite_begin(engine: Engine) -> None:
    """Install the recipe on a SQLite engine (idempotent: tests call it on engines made here)."""
    if not event.contains(engine, "begin", _sqlite_begin):
        event.listen(engine, "connect", _sqlite_no_implicit_begin)
        event.listen(engine, "begin", _sqlite_begin)


_immediate_engines: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()


def immediate_engine(engine: Engine) -> Engine:
    """`engine` whose transactions begin IMMEDIATE (one shared option engine per engine)."""
    found = _immediate_engines.get(engine)
    if found is None:
        found = engine.execution_options(**{SQLITE_BEGIN_OPTION: "immediate"})
        _immediate_engines[engine] = found
    return found


class UnitOfWork(Session):
    """A Session that, once marked with `writes(session)`, begins its SQLite transactions with
    BEGIN IMMEDIATE. Nothing changes on PostgreSQL or for sessions bound to a Connection."""

    def get_bind(self, mapper: Any = None, **kw: Any) -> Any:
        bind = super().get_bind(mapper, **kw)
        if self.info.get(WRITE_INTENT) and isinstance(bind, Engine) and bind.dialect.name == "sqlite":
            return immediate_engine(bind)
        if self.info.get(READ_ONLY) and isinstance(bind, Engine):
            return autocommit_engine(bind)
        return bind


class WriteInReadOnlySession(RuntimeError):
    """A session marked `reads_only` (a GET's) was asked to write: a bug, not a user's error."""


@event.listens_for(UnitOfWork, "before_flush")
def _no_flush_when_read_only(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(READ_ONLY) and (session.new or session.dirty or session.deleted):
        raise WriteInReadOnlySession("A read-only (GET) session was asked to write rows.")


@event.listens_for(UnitOfWork, "do_orm_execute")
def _no_dml_when_read_only(state: ORMExecuteState) -> None:
    if state.session.info.get(READ_ONLY) and not state.is_select:
        raise WriteInReadOnlySession("A read-only (GET) session was asked to run a write statement.")


@functools.lru_cache(maxsize=8)
def autocommit_engine(engine: Engine) -> Engine:
    """`engine` in autocommit, sharing its pool: each statement commits itself, no BEGIN or COMMIT
    round trips. For reads on PostgreSQL, where READ COMMITTED gives every statement its own
    snapshot inside a transaction or not. SQLite keeps its explicit BEGIN (a read there begins
    deferred and never waits for writers)."""
    if engine.dialect.name == "sqlite":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def writes(session: Session) -> Session:
    """Mark `session` as one that writes: on SQLite its transactions take the write lock at BEGIN.
    Call before its first statement (a transaction already begun keeps its mode)."""
    session.info[WRITE_INTENT] = True
    return session


def reads_only(session: Session) -> Session:
    """Mark `session` as one that only reads: on PostgreSQL its statements run in autocommit
    (`autocommit_engine`), and any write it is asked for raises `WriteInReadOnlySession`."""
    session.info[READ_ONLY] = True
    return session


def begin_writes_for_method(session: Session, method: str) -> None:
    """The request hook: a session serving POST/PUT/PATCH/DELETE writes (BEGIN IMMEDIATE); one
    serving GET or HEAD only reads. (OPTIONS is answered before any session.)"""
    if method.upper() in UNSAFE_METHODS:
        writes(session)
    elif method.upper() in READ_METHODS:
        reads_only(session)


# Pool defaults (README "Load"): as many connections as the app lets requests in at once
# (`Settings.db_connections`), no overflow, and a short wait: a request that cannot get a
# connection within a few seconds is answered 503 `overloaded`, never kept 30 s.
POOL_SIZE = 4
POOL_TIMEOUT_SECONDS = 5.0
SQLITE_BUSY_SECONDS = 5.0


def make_engine(
    url: str,
    *,
    pool_size: int = POOL_SIZE,
    pool_timeout: float = POOL_TIMEOUT_SECONDS,
    busy_timeout: float = SQLITE_BUSY_SECONDS,
    **kwargs: object,
) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys, explicit BEGIN and a busy timeout of `busy_timeout`
    seconds (then "database is locked", answered 503). The pool holds `pool_size` connections,
    with no overflow, and a checkout waits at most `pool_timeout` seconds."""
    if url.startswith("sqlite"):
        connect_args = {"check_same_thread": False, "timeout": busy_timeout}
        if ":memory:" not in url and url.rstrip("/") not in ("sqlite:", "sqlite+pysqlite:"):
            kwargs.setdefault("pool_size", pool_size)
            kwargs.setdefault("max_overflow", 0)
            kwargs.setdefault("pool_timeout", pool_timeout)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        use_explicit_sqlite_begin(engine)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    kwargs.setdefault("pool_size", pool_size)
    kwargs.setdefault("max_overflow", 0)
    kwargs.setdefault("pool_timeout", pool_timeout)
    # No ping before every checkout (a round trip per request, ~15% of a read's time under load).
    # A connection the server dropped (a restart) fails the one request that meets it with 503
    # `overloaded` (`backend.errors.is_overload`: retried by the console) and SQLAlchemy then
    # replaces every pooled connection older than the failure; connections are also renewed
    # after `pool_recycle` seconds.
    kwargs.setdefault("pool_pre_ping", False)
    kwargs.setdefault("pool_recycle", 1800)
    return create_engine(url, **kwargs)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions on `engine`. Every model is registered first: a relationship names its target
    class as a string, which resolves only once that class's module has been imported."""
    import backend.models_registry  # noqa: F401  (imported here: the models import this module)

    return sessionmaker(bind=engine, class_=UnitOfWork, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session], *, write: bool = False) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on error. `write=True`
    takes SQLite's write lock at the start (see `writes`)."""
    session = factory()
    if write:
        writes(session)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
