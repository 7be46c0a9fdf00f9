"""The audit trail is hash-chained: it verifies, and tampering is found at the record tampered with."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from backend.audit.models import GENESIS_HASH, AuditRecord
from backend.audit.service import check_audit_chain, field_diff, record_audit, verify_audit_chain
from backend.auth.service import create_user
from backend.common.context import RequestContext
from backend.db import make_sessionmaker, transaction
from tests.helpers.api import FixedClock, committing_engine

AT = datetime(2024, 6, 15, 2, 30, tzinfo=timezone.utc)


def write_records(session: Session, n: int) -> list[AuditRecord]:
    records = []
    for i in range(n):
        before, after = field_diff(
            {"status": "new", "limit_fen": 100_000, "note": "same"},
            {"status": f"step-{i}", "limit_fen": 100_000 + i, "note": "same"},
        )
        records.append(
            record_audit(
                session=session,
                actor_id=None,
                actor_role="system",
                action="account.update",
                entity_type="account",
                entity_id=1000 + i,
                before=before,
                after=after,
                at=AT,
                customer_id=7,
            )
        )
    session.flush()
    return records


def test_an_untouched_chain_verifies(db_session: Session) -> None:
    records = write_records(db_session, 5)

    assert records[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in zip(records, records[1:], strict=False))
    db_session.expire_all()
    assert verify_audit_chain(db_session) is None
    assert check_audit_chain(db_session).record_count == 5


def test_an_empty_chain_verifies(db_session: Session) -> None:
    assert verify_audit_chain(db_session) is None


def test_tampering_with_after_is_found_at_that_record(db_session: Session) -> None:
    records = write_records(db_session, 5)
    target = records[2].id

    db_session.execute(update(AuditRecord).where(AuditRecord.id == target).values(after={"status": "forged"}))
    db_session.expire_all()

    assert verify_audit_chain(db_session) == target


def test_rehashing_a_tampered_record_breaks_the_next_link(db_session: Session) -> None:
    from backend.audit.service import HASHED_FIELDS, record_hash

    records = write_records(db_session, 4)
    forged = records[1]
    forged.after = {"status": "forged"}
    forged.hash = record_hash({name: getattr(forged, name) for name in HASHED_FIELDS})
    db_session.flush()
    db_session.expire_all()

    assert verify_audit_chain(db_session) == records[2].id


def test_a_deleted_record_is_found(db_session: Session) -> None:
    records = write_records(db_session, 4)

    db_session.execute(delete(AuditRecord).where(AuditRecord.id == records[1].id))
    db_session.expire_all()
    assert verify_audit_chain(db_session) == records[2].id

    db_session.execute(delete(AuditRecord).where(AuditRecord.id == records[3].id))
    db_session.expire_all()
    assert verify_audit_chain(db_session) == records[2].id


def test_a_truncated_tail_is_found(db_session: Session) -> None:
    records = write_records(db_session, 3)

    db_session.execute(delete(AuditRecord).where(AuditRecord.id == records[2].id))
    db_session.expire_all()

    assert verify_audit_chain(db_session) == records[2].id


def test_a_record_from_a_request_context_carries_who_and_which_request(db_session: Session) -> None:
    user = create_user(
        session=db_session, username="li.na", display_name="Li Na", role="supervisor", password="a long password"
    )
    clock = FixedClock.on(date(2024, 6, 15))
    ctx = RequestContext(
        user=user, request_id="req-1", idempotency_key="3f2b7c1e-8d4a-4b8e-9a61-2c0f5d7e9b13", clock=clock
    )

    record = record_audit(
        session=db_session,
        ctx=ctx,
        action="customer.reveal",
        entity_type="customer",
        entity_id=42,
        after={"field": "phone", "reason": "caller verification", "on": date(2024, 6, 15)},
        customer_id=42,
    )

    assert (record.actor_id, record.actor_role, record.request_id) == (user.id, "supervisor", "req-1")
    assert record.idempotency_key == ctx.idempotency_key
    assert record.at == clock.now()
    assert record.entity_id == "42"
    assert record.after == {"field": "phone", "reason": "caller verification", "on": "2024-06-15"}
    db_session.expire_all()
    assert verify_audit_chain(db_session) is None


def test_field_diff_keeps_only_what_changed() -> None:
    before, after = field_diff({"a": 1, "b": 2, "gone": 3}, {"a": 1, "b": 5, "new": 4})

    assert before == {"b": 2, "gone": 3}
    assert after == {"b": 5, "new": 4}
    assert field_diff({"a": 1}, {"a": 1}) == ({}, {})


def test_concurrent_writers_keep_one_chain(db_url: str, db_engine: object, tmp_path: Path) -> None:
    """Eight threads appending in their own committed transactions never fork the chain."""
    with committing_engine(db_url, tmp_path) as engine:
        factory = make_sessionmaker(engine)

        def append(worker: int) -> None:
            for i in range(10):
                with transaction(factory) as session:
                    record_audit(
                        session=session,
                        action="test.append",
                        entity_type="worker",
                        entity_id=worker,
                        after={"i": i},
                        at=AT,
                    )

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(append, range(8)))

        with transaction(factory) as session:
            report = check_audit_chain(session)
        assert (report.record_count, report.first_broken_id) == (80, None)
