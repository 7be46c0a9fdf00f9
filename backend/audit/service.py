"""Writing and verifying the audit trail.

Each record's `hash` is the HMAC-SHA256, keyed with the audit key kept outside the database
(`backend.audit.keys`), of a canonical JSON of its fields, including `prev_hash`, the hash of the
record before it; the first record follows `GENESIS_HASH`. Appends are
serialized by locking the one-row `audit_chain_head` (an UPDATE of it: a row lock on PostgreSQL,
the database's write lock on SQLite), so concurrent writers never fork the chain. The lock is
held until the request's transaction ends.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, make_transient_to_detached

from backend.audit.keys import Anchor, audit_key
from backend.audit.models import GENESIS_HASH, AuditChainHead, AuditRecord
from backend.common.context import RequestContext

SYSTEM_ROLE = "system"

# The fields a record's hash covers, in the canonical document.
HASHED_FIELDS = (
    "id",
    "customer_id",
    "at",
    "actor_id",
    "actor_role",
    "action",
    "entity_type",
    "entity_id",
    "before",
    "after",
    "request_id",
    "idempotency_key",
    "prev_hash",
)

_MISSING = object()


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return _utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON-serializable in an audit record: {type(value).__name__}")


def to_json_value(value: Any) -> Any:
    """`value` as plain JSON data (dates as ISO strings), exactly as it will read back."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=_json_default))


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:  # SQLite hands back UTC values without an offset
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record_hash(fields: Mapping[str, Any], key: bytes | None = None) -> str:
    """HMAC-SHA256 hex, keyed with the audit key, of the canonical JSON of a record's `HASHED_FIELDS`."""
    document = {name: fields[name] for name in HASHED_FIELDS}
    document["at"] = _utc_text(document["at"])
    canonical = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
    )
    return hmac.new(key or audit_key(), canonical.encode("utf-8"), hashlib.sha256).hexdigest()


def field_diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields that differ: (their old values, their new values). A field present on one side
    only appears only in that side's dict."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for key in dict.fromkeys([*before, *after]):
        was, now = before.get(key, _MISSING), after.get(key, _MISSING)
        if was == now:
            continue
        if was is not _MISSING:
            old[key] = was
        if now is not _MISSING:
            new[key] = now
    return old, new


def snapshot(instance: object, *fields: str) -> dict[str, Any]:
    """The named attributes of a model instance as a dict, for `before`/`after`."""
    return {name: getattr(instance, name) for name in fields}


_HEAD = cast(Table, AuditChainHead.__table__)
_RECORDS = cast(Table, AuditRecord.__table__)


def _next_record_id(dialect: str) -> Any:
    """The id the next record takes. PostgreSQL: drawn from the table's own id sequence (so ids
    stay what an INSERT would have given, and the seed's sequence moves hold). SQLite: one past
    the largest, which is what SQLite gives an INTEGER PRIMARY KEY itself."""
    if dialect == "postgresql":
        return func.nextval(func.pg_get_serial_sequence(_RECORDS.name, "id"))
    return select(func.coalesce(func.max(_RECORDS.c.id), 0) + 1).scalar_subquery()


def _lock_head_statement(dialect: str) -> Any:
    """Lock the chain head and read the previous hash and the new record's id, in one statement.

    An UPDATE that changes nothing takes the row lock (on SQLite: the database's write lock, if
    the transaction did not begin with it), and its RETURNING is computed on the row once the lock
    is held: on PostgreSQL READ COMMITTED, the row as the writer before us left it. So the id is
    drawn under the lock and ids follow the chain's order, which `check_audit_chain` walks."""
    return (
        update(_HEAD)
        .where(_HEAD.c.id == 1)
        .values(last_hash=_HEAD.c.last_hash)
        .returning(_HEAD.c.last_hash, _next_record_id(dialect).label("record_id"))
    )


_RECORD_VALUES = {name: bindparam(f"record_{name}", type_=_RECORDS.c[name].type)
                  for name in (*HASHED_FIELDS, "hash")}
_MOVE_HEAD = (
    update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(last_hash=_RECORD_VALUES["hash"], last_id=_RECORD_VALUES["id"])
)
# Statements built once (docs/load.md, "The writes"). PostgreSQL appends the finished record and
# moves the head in one statement (a data-modifying WITH); SQLite runs the two one after another.
_LOCK_HEAD = {dialect: _lock_head_statement(dialect) for dialect in ("postgresql", "sqlite")}
_INSERT_RECORD = insert(_RECORDS).values(_RECORD_VALUES)
_APPEND_AND_MOVE_HEAD = _MOVE_HEAD.add_cte(_INSERT_RECORD.cte("appended"))


def _lock_chain_head(session: Session, dialect: str) -> tuple[str, int]:
    """The chain's last hash and the next record's id, with the head locked until the
    transaction ends. Makes the head (at the genesis hash) the first time."""
    statement = _LOCK_HEAD[dialect] if dialect in _LOCK_HEAD else _lock_head_statement(dialect)
    row = session.execute(statement).first()
    if row is None:
        values = {"id": 1, "last_hash": GENESIS_HASH, "last_id": None}
        if dialect == "postgresql":
            session.execute(postgresql.insert(_HEAD).values(values).on_conflict_do_nothing())
        elif dialect == "sqlite":
            session.execute(sqlite.insert(_HEAD).values(values).on_conflict_do_nothing())
        else:
            session.execute(insert(_HEAD).values(values))
        row = session.execute(statement).one()
    return str(row.last_hash), int(row.record_id)


def record_audit(
    *,
    session: Session,
    action: str,
    entity_type: str,
    entity_id: object,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    ctx: RequestContext | None = None,
    actor_id: int | None = None,
    actor_role: str | None = None,
    request_id: str | None = None,
    idempotency_key: str | None = None,
    at: datetime | None = None,
    customer_id: int | None = None,
) -> AuditRecord:
    """Append one record to the chain in the caller's transaction.

    Pass `ctx` inside a request (actor, role, request id, idempotency key and time come from it);
    outside one, pass `actor_role` (default "system") and `at`. `before`/`after` should hold only
    the fields that changed (see `field_diff`).

    Two statements on PostgreSQL (docs/load.md, "The writes"): the head is locked and the
    record's id drawn; the hash is computed; the finished record is inserted and the head moved
    in one statement. The record comes back in the session, as if it had been loaded.
    """
    if ctx is not None:
        actor_id = ctx.actor_id if actor_id is None else actor_id
        actor_role = actor_role or ctx.actor_role
        request_id = request_id or ctx.request_id
        idempotency_key = idempotency_key or ctx.idempotency_key
        at = at or ctx.clock.now()
    if at is None:
        at = datetime.now(timezone.utc)
    session.flush()  # the caller's pending changes go first, as before any statement of theirs
    dialect = session.get_bind().dialect.name
    prev_hash, record_id = _lock_chain_head(session, dialect)
    fields: dict[str, Any] = {
        "id": record_id,
        "customer_id": customer_id,
        "at": at.astimezone(timezone.utc),
        "actor_id": actor_id,
        "actor_role": actor_role or SYSTEM_ROLE,
        "action": action,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "before": to_json_value(dict(before) if before is not None else None),
        "after": to_json_value(dict(after) if after is not None else None),
        "request_id": request_id,
        "idempotency_key": idempotency_key,
        "prev_hash": prev_hash,
    }
    fields["hash"] = record_hash(fields)
    params = {f"record_{name}": value for name, value in fields.items()}
    if dialect == "postgresql":
        session.execute(_APPEND_AND_MOVE_HEAD, params)
    else:
        session.execute(_INSERT_RECORD, params)
        session.execute(_MOVE_HEAD, params)
    record = AuditRecord(**fields)
    make_transient_to_detached(record)  # as if loaded: the row exists
    session.add(record)
    return record


@dataclass(frozen=True)
class ChainReport:
    record_count: int
    first_broken_id: int | None
    last_id: int | None = None
    last_hash: str = GENESIS_HASH

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


def check_audit_chain(session: Session, *, batch_size: int = 2000, anchor: Anchor | None = None) -> ChainReport:
    """Walk the chain in id order; report the first record whose hash or link does not hold.

    Records removed from the end are reported as the id the chain head still names. With the
    `anchor` of an earlier verification, also: the anchored record must still be there with the
    same hash, and there must be at least as many records (found otherwise: the anchored id).
    """
    key = audit_key()
    table = AuditRecord.__table__
    columns = [table.c[name] for name in HASHED_FIELDS] + [table.c.hash]
    expected_prev = GENESIS_HASH
    count = 0
    anchored_seen = anchor is None or anchor.last_id is None
    result = session.execute(select(*columns).order_by(table.c.id).execution_options(yield_per=batch_size))
    for row in result.mappings():
        count += 1
        if row["prev_hash"] != expected_prev or record_hash(dict(row), key) != row["hash"]:
            result.close()
            return ChainReport(count, row["id"])
        if anchor is not None and row["id"] == anchor.last_id:
            if row["hash"] != anchor.last_hash:
                result.close()
                return ChainReport(count, row["id"])
            anchored_seen = True
        expected_prev = row["hash"]
    if anchor is not None and (not anchored_seen or count < anchor.record_count):
        return ChainReport(count, anchor.last_id if anchor.last_id is not None else 0)
    head = session.get(AuditChainHead, 1, populate_existing=True)
    if head is not None and head.last_hash != expected_prev:
        return ChainReport(count, head.last_id if head.last_id is not None else 0)
    return ChainReport(count, None, last_id=head.last_id if head is not None else None, last_hash=expected_prev)


def verify_audit_chain(session: Session) -> int | None:
    """The id of the first broken record, or None when the whole chain verifies."""
    return check_audit_chain(session).first_broken_id


def count_audit_records(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditRecord)) or 0)
