"""Schema migrations without an alembic.ini: `upgrade(database_url)` runs `alembic upgrade head`."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic config built in code: the scripts in `backend/migrations`, the given database.

    The URL travels in `attributes`, not the ini options, so a '%' in a password needs no escaping.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database at `database_url` up to `revision` (default: the newest)."""
    command.upgrade(alembic_config(database_url), revision)


def schema_is_current(database_url: str) -> bool:
    """Whether the database is at the newest revision (an empty database is not)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from backend.db import make_engine

    heads = set(ScriptDirectory.from_config(alembic_config(database_url)).get_heads())
    engine = make_engine(database_url, pool_size=1)
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    finally:
        engine.dispose()
    return current == heads


def revision(database_url: str, message: str, *, autogenerate: bool = True) -> None:
    """Write a new revision file comparing the models with the database (for developers)."""
    command.revision(alembic_config(database_url), message=message, autogenerate=autogenerate)
