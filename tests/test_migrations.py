"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import backend.models_registry  # noqa: F401
from backend.db import Base, make_engine
from backend.migrate import upgrade


@pytest.fixture
def empty_database_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A database of the same kind as the test database, empty, dropped afterwards."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
        return
    name = f"creditdesk_migrate_{uuid.uuid4().hex[:8]}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(db_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_upgrade_from_empty_matches_the_models(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
        upgrade(empty_database_url)  # a second run is a no-op
    finally:
        engine.dispose()
