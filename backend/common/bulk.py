"""Bulk loading of many rows at once, for the demo generator and benchmarks.

SQLAlchemy's executemany spends most of its time converting each value; for millions of
rows we convert once per value here and hand plain tuples to the driver: `executemany`
on SQLite, `COPY … FROM STDIN` on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Table
from sqlalchemy.orm import Session

from backend.common.types import UtcDateTime


def _defaults(table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            out[column.name] = default.arg  # type: ignore[attr-defined]
    return out


def _sqlite_datetime(value: datetime) -> str:
    # Exactly the text SQLAlchemy's SQLite DATETIME writes and binds (UTC, no offset, always
    # six fraction digits), or equality and keyset comparisons with bound values would miss.
    return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _sqlite_converters(table: Table) -> list[Callable[[Any], Any] | None]:
    """Per column, how a Python value becomes what SQLAlchemy would have stored (None: as is)."""
    converters: list[Callable[[Any], Any] | None] = []
    for column in table.columns:
        kind = column.type
        if isinstance(kind, JSON):
            converters.append(lambda v: json.dumps(v, ensure_ascii=False))
        elif isinstance(kind, Boolean):
            converters.append(int)
        elif isinstance(kind, (DateTime, UtcDateTime)):
            converters.append(_sqlite_datetime)
        elif isinstance(kind, Date):
            converters.append(date.isoformat)
        else:
            converters.append(None)
    return converters


def bulk_insert(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (dicts keyed by column name) into `table` in the session's transaction."""
    if not rows:
        return
    columns = [c.name for c in table.columns]
    defaults = _defaults(table)
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    connection = session.connection()
    dialect = connection.dialect.name
    raw = connection.connection.driver_connection
    if dialect == "sqlite":
        pairs = list(zip(columns, _sqlite_converters(table), strict=True))

        def as_tuple(row: Mapping[str, Any]) -> tuple[Any, ...]:
            out = []
            for name, convert in pairs:
                value = row[name] if name in row else defaults.get(name)
                out.append(convert(value) if convert is not None and value is not None else value)
            return tuple(out)

        placeholders = ", ".join("?" for _ in columns)
        cursor = raw.cursor()  # type: ignore[union-attr]
        cursor.executemany(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({placeholders})", map(as_tuple, rows)
        )
        cursor.close()
    elif dialect == "postgresql":
        booleans = {c.name for c in table.columns if isinstance(c.type, Boolean)}
        with raw.cursor() as cursor:  # type: ignore[union-attr]
            with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    values = []
                    for name in columns:
                        value = row.get(name, defaults.get(name))
                        if name in json_columns and value is not None:
                            value = json.dumps(value, ensure_ascii=False)
                        elif name in booleans and value is not None:
                            value = bool(value)
                        values.append(value)
                    copy.write_row(values)
    else:  # any other database: the portable, slower path
        from sqlalchemy import insert

        session.execute(insert(table), [{**defaults, **row} for row in rows])
