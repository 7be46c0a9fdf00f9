"""Database plumbing: the declarative base, engines and the per-request session."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

# Stable constraint names so Alembic migrations are identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Pool defaults (README "Load"): as many connections as the app lets requests in at once
# (`Settings.db_connections`), no overflow, and a short wait: a request that cannot get a
# connection within a few seconds is answered 503 `overloaded`, never kept 30 s.
POOL_SIZE = 20
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
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout of `busy_timeout`
    seconds (then "database is locked", answered 503). The pool holds `pool_size` connections,
    with no overflow, and a checkout waits at most `pool_timeout` seconds."""
    if url.startswith("sqlite"):
        connect_args = {"check_same_thread": False, "timeout": busy_timeout}
        if ":memory:" not in url and url.rstrip("/") not in ("sqlite:", "sqlite+pysqlite:"):
            kwargs.setdefault("pool_size", pool_size)
            kwargs.setdefault("max_overflow", 0)
            kwargs.setdefault("pool_timeout", pool_timeout)
        engine = create_engine(url, connect_args=connect_args, **kwargs)

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
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions on `engine`. Every model is registered first: a relationship names its target
    class as a string, which resolves only once that class's module has been imported."""
    import backend.models_registry  # noqa: F401  (imported here: the models import this module)

    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
