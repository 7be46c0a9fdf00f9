"""Keyset pagination: opaque cursors and the `{"items": [...], "next_cursor": ...}` page.

A cursor is the base64url JSON of the last row's sort key, tagged with what it pages through
(`{"k": "transactions", "v": ["2026-11-21T08:00:00+00:00", 123]}`), so a cursor from one list
is refused by another. Lists never count and never skip with OFFSET: the next page starts
strictly after the key in the cursor, so an index on the sort key serves every page.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime, timezone
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy import Select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session

from backend.errors import ValidationFailed

INT64_MAX = 2**63 - 1
MAX_LIMIT = 200
MAX_CURSOR_LENGTH = 512

T = TypeVar("T")
Row = TypeVar("Row")
Entity = TypeVar("Entity")
KeyPart = int | str | date | datetime


class Page(BaseModel, Generic[T]):
    """One page of a list, newest or first rows first as the endpoint says."""

    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to read the next page; null on the last page."
    )


class InvalidCursor(ValidationFailed):
    code = "invalid_cursor"
    title = "The cursor is not valid"


CursorQuery = Annotated[
    str | None,
    Query(
        max_length=MAX_CURSOR_LENGTH,
        description="The `next_cursor` of the previous page; omit for the first page. Opaque.",
    ),
]


def limit_query(default: int) -> Any:
    """A `limit` query parameter: 1..200, `default` when absent."""
    return Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT} (default {default}).")


def _encode_part(value: KeyPart) -> int | str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("cursor timestamps must be aware")
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def encode_cursor(kind: str, key: Sequence[KeyPart]) -> str:
    """The opaque cursor for the sort key `key` of a `kind` list."""
    document = {"k": kind, "v": [_encode_part(part) for part in key]}
    raw = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _decode_part(value: Any, shape: type) -> KeyPart:
    if shape is int:
        if isinstance(value, bool) or not isinstance(value, int) or not -INT64_MAX - 1 <= value <= INT64_MAX:
            raise ValueError("not a 64-bit integer")
        return value
    if not isinstance(value, str):
        raise ValueError("not a string")
    if "\x00" in value:
        raise ValueError("NUL in a string")
    if shape is str:
        return value
    if shape is datetime:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("naive timestamp")
        return moment.astimezone(timezone.utc)
    if shape is date:
        return date.fromisoformat(value)
    raise TypeError(f"unsupported cursor part {shape!r}")


def decode_cursor(cursor: str, kind: str, shape: Sequence[type]) -> tuple[Any, ...]:
    """The sort key in `cursor`, checked against the `kind` of list and the types in `shape`.

    Raises `InvalidCursor` (422 `invalid_cursor`) for anything this API did not hand out."""
    try:
        if len(cursor) > MAX_CURSOR_LENGTH:
            raise ValueError("too long")
        padded = cursor + "=" * (-len(cursor) % 4)
        document = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
        if not isinstance(document, dict) or document.get("k") != kind:
            raise ValueError("wrong kind")
        values = document.get("v")
        if not isinstance(values, list) or len(values) != len(shape):
            raise ValueError("wrong shape")
        return tuple(_decode_part(value, part) for value, part in zip(values, shape, strict=True))
    except (ValueError, TypeError, UnicodeError, binascii.Error, OverflowError) as exc:
        raise InvalidCursor(
            "The cursor is not one this list handed out. Start again without a cursor.",
            errors={"query.cursor": ["not a valid cursor for this list"]},
        ) from exc


def page_of(
    rows: Sequence[Row], *, limit: int, kind: str, key: Callable[[Row], Sequence[KeyPart]]
) -> tuple[Sequence[Row], str | None]:
    """Split `rows` (fetched with `limit + 1`) into this page's rows and the next page's cursor."""
    if len(rows) <= limit:
        return rows, None
    shown = rows[:limit]
    return shown, encode_cursor(kind, key(shown[-1]))


def newest_first(
    session: Session,
    query: Select[tuple[Entity]],
    *,
    at: InstrumentedAttribute[datetime],
    id_: InstrumentedAttribute[int],
    kind: str,
    limit: int,
    cursor: str | None,
) -> tuple[Sequence[Entity], str | None]:
    """One page of the entities `query` selects, newest first by (`at`, `id_`), starting strictly
    after the key in `cursor` (a `kind` cursor); returns the rows and the next page's cursor."""
    if cursor is not None:
        after_at, after_id = decode_cursor(cursor, kind, (datetime, int))
        query = query.where(tuple_(at, id_) < (after_at, after_id))
    query = query.order_by(at.desc(), id_.desc()).limit(limit + 1)
    return page_of(
        session.scalars(query).all(),
        limit=limit,
        kind=kind,
        key=lambda row: (getattr(row, at.key), getattr(row, id_.key)),
    )
