"""Shared fixtures: headless Qt, an in-memory keyring, and rolled-back database sessions.

Database fixtures, from the widest to the narrowest:
- ``db_url``: ``CREDITDESK_TEST_DATABASE_URL`` if set (the PostgreSQL pass of ``make test``),
  else a temporary SQLite file for the whole run.
- ``db_engine``: the schema created from ``backend.db.Base.metadata`` after dropping leftovers.
- ``db_connection``: one connection per test inside an outer transaction, rolled back at the end.
- ``db_session`` / ``session_factory``: sessions joined to that transaction on SAVEPOINTs, so
  code under test may commit and the test still leaves nothing behind. Give an app under
  test ``session_factory`` and it sees the test's rows, and the test sees the app's.
- ``pg_required``: for tests that only mean something on PostgreSQL.
"""

from __future__ import annotations

import os
from pathlib import Path

# Before anything imports Qt or keyring: tests never open a window or touch the real keyring.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
# One audit-chain key for the whole run (backend/audit/keys.py): module-wide data written under
# one test's data directory is verified in another's. tests/test_audit_anchoring.py covers the
# key file.
os.environ["CREDITDESK_AUDIT_KEY"] = "tests-only audit chain key, not a secret: 0123456789abcdef"

from collections.abc import Iterator  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from sqlalchemy import Connection, Engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from tests.helpers.db import (  # noqa: E402
    REQUIRE_POSTGRES_ENV,
    TEST_DATABASE_URL_ENV,
    drop_everything,
    joined_sessionmaker,
    make_sqlite_transactional,
    postgres_required,
    rolled_back_connection,
)
from tests.helpers.keyring_memory import MemoryKeyring  # noqa: E402

# `live_backend`, `api_client`, `api_client_as`: the embedded backend for console and UI tests.
pytest_plugins = ["tests.helpers.live"]

# No per-example deadline: the suite runs on a 2-core machine, twice, and timing is not a property.
settings.register_profile(
    "creditdesk", deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "creditdesk"))


@pytest.fixture(autouse=True)
def user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The console's user data directory (outbox, embedded database, logs) is the test's own,
    never the real one of whoever runs the tests."""
    directory = tmp_path / "user-data"
    monkeypatch.setenv("CREDITDESK_DATA_DIR", str(directory))
    return directory


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring; the previous one is restored after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get(TEST_DATABASE_URL_ENV, "").strip()
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'creditdesk-test.sqlite3'}"


@pytest.fixture(scope="session")
def db_dialect(db_url: str) -> str:
    """``sqlite`` or ``postgresql``."""
    return make_url(db_url).get_backend_name()


@pytest.fixture(scope="session")
def db_engine(db_url: str) -> Iterator[Engine]:
    import backend.models_registry  # noqa: F401  (registers every model on Base.metadata)
    from backend.db import Base, make_engine

    engine = make_engine(db_url)
    if engine.dialect.name == "sqlite":
        make_sqlite_transactional(engine)
    drop_everything(engine)
    Base.metadata.create_all(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def db_connection(db_engine: Engine) -> Iterator[Connection]:
    with rolled_back_connection(db_engine) as connection:
        yield connection


@pytest.fixture
def session_factory(db_connection: Connection) -> sessionmaker[Session]:
    return joined_sessionmaker(db_connection)


@pytest.fixture
def db_session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    session = session_factory()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def pg_required(db_dialect: str) -> None:
    """Skip on SQLite; but fail when ``CREDITDESK_REQUIRE_POSTGRES=1``, so CI cannot hide it."""
    if db_dialect == "postgresql":
        return
    if postgres_required():
        pytest.fail(
            f"{REQUIRE_POSTGRES_ENV}=1 but the tests run on {db_dialect}: "
            f"set {TEST_DATABASE_URL_ENV}=postgresql+psycopg://…"
        )
    pytest.skip(f"PostgreSQL only: runs in the PostgreSQL pass ({TEST_DATABASE_URL_ENV})")
