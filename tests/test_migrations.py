"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
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


def _row(table: Any, **given: Any) -> dict[str, Any]:
    """`given`, plus a plain value for every other column the table requires."""
    row = dict(given)
    for column in table.columns:
        if column.name in row or column.nullable or column.server_default is not None:
            continue
        kind = column.type.python_type if not isinstance(column.type, sa.JSON) else list
        row[column.name] = {int: 1, str: "x", bool: False, list: [], dict: {},
                            date: date(2026, 11, 1), datetime: datetime(2026, 11, 1, tzinfo=timezone.utc)}[kind]
    return row


def test_the_wording_migration_gives_old_rows_their_codes(empty_database_url: str) -> None:
    """Rows written before 0005_wording_codes: the ones whose text the code says exactly get it."""
    upgrade(empty_database_url, "0003_admin_policy_7c1e")
    engine = make_engine(empty_database_url)
    try:
        metadata = sa.MetaData()
        metadata.reflect(engine, only=["customers", "accounts", "transactions", "bills", "bill_lines"])
        tables = metadata.tables
        with engine.begin() as connection:
            connection.execute(tables["customers"].insert(), [_row(tables["customers"], id=1)])
            connection.execute(tables["accounts"].insert(), [_row(tables["accounts"], id=1, customer_id=1)])
            transactions = [
                (1, "purchase", "星巴克", "星巴克 消费"), (2, "refund", "星巴克", "星巴克 退款"),
                (3, "interest", None, "Interest"), (4, "repayment", None, "Repayment, thank you"),
                (5, "installment_principal", None, "transaction installment 1/3"),  # needs a plan: left as text
                (6, "purchase", "星巴克", "a description of its own"),
            ]
            connection.execute(tables["transactions"].insert(), [
                _row(tables["transactions"], id=i, account_id=1, customer_id=1, type=kind, merchant=merchant,
                     description=text_, amount_fen=100)
                for i, kind, merchant, text_ in transactions
            ])
            connection.execute(tables["bills"].insert(), [_row(tables["bills"], id=1, account_id=1, customer_id=1)])
            connection.execute(tables["bill_lines"].insert(), [
                _row(tables["bill_lines"], id=1, bill_id=1, customer_id=1, line_no=1, transaction_id=None,
                     type="previous_balance", description="上期账单余额", amount_fen=0),
                _row(tables["bill_lines"], id=2, bill_id=1, customer_id=1, line_no=2, transaction_id=1,
                     type="purchase", description="星巴克 消费", amount_fen=100),
            ])
    finally:
        engine.dispose()

    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    try:
        with engine.connect() as connection:
            codes = {row.id: (row.description_code, row.description_params) for row in connection.execute(
                text("SELECT id, description_code, description_params FROM transactions ORDER BY id"))}
            lines = {row.id: (row.description_code, row.description_params) for row in connection.execute(
                text("SELECT id, description_code, description_params FROM bill_lines ORDER BY id"))}
    finally:
        engine.dispose()

    def plain(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    assert {i: (code, plain(params)) for i, (code, params) in codes.items()} == {
        1: ("purchase", {"merchant": "星巴克"}), 2: ("refund", {"merchant": "星巴克"}),
        3: ("interest", None), 4: ("repayment", None), 5: (None, None), 6: (None, None),
    }
    assert {i: (code, plain(params)) for i, (code, params) in lines.items()} == {
        1: ("previous_balance", None), 2: ("purchase", {"merchant": "星巴克"}),
    }
