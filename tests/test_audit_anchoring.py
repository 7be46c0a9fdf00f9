"""The audit chain anchored outside the database (backend/audit/keys.py): hashes keyed with a
secret not in the database, and `verify-audit` checking the count and head it last saw."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

import backend.models_registry  # noqa: F401
from backend.audit import keys
from backend.audit.models import AuditChainHead, AuditRecord
from backend.audit.service import HASHED_FIELDS, _json_default, _utc_text, record_audit
from backend.cli import main
from backend.db import Base, make_engine, make_sessionmaker, transaction

AT = datetime(2024, 6, 15, tzinfo=timezone.utc)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'audit.sqlite3'}"


@pytest.fixture
def factory(database_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(database_url)
    Base.metadata.create_all(engine)
    try:
        yield make_sessionmaker(engine)
    finally:
        engine.dispose()


def write(factory: sessionmaker[Session], count: int) -> list[int]:
    with transaction(factory) as session:
        return [record_audit(session=session, action="note.create", entity_type="note", entity_id=i,
                             after={"body": f"note {i}"}, at=AT).id for i in range(count)]


def verify(database_url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["verify-audit", "--database-url", database_url])
    return code, capsys.readouterr().out


def unkeyed_hash(row: dict[str, object]) -> str:
    """What an attacker with database access but not the key can compute."""
    document = {name: row[name] for name in HASHED_FIELDS}
    document["at"] = _utc_text(document["at"])  # type: ignore[arg-type]
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_deleting_the_last_records_and_moving_the_head_back_is_found(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    ids = write(factory, 5)
    assert verify(database_url, capsys)[0] == 0  # anchors 5 records ending at ids[4]

    with transaction(factory) as session:
        kept = session.get(AuditRecord, ids[2])
        assert kept is not None
        session.execute(delete(AuditRecord).where(AuditRecord.id > ids[2]))
        session.execute(update(AuditChainHead).values(last_hash=kept.hash, last_id=kept.id))

    code, out = verify(database_url, capsys)
    assert code == 1
    assert f"record {ids[4]}" in out


def test_editing_a_record_and_rehashing_the_rest_without_the_key_is_found(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    ids = write(factory, 4)
    with transaction(factory) as session:
        rows = session.scalars(select(AuditRecord).order_by(AuditRecord.id)).all()
        rows[1].after = {"body": "rewritten"}
        previous = rows[0].hash
        for row in rows[1:]:
            row.prev_hash = previous
            row.hash = unkeyed_hash({name: getattr(row, name) for name in HASHED_FIELDS})
            previous = row.hash
        session.execute(update(AuditChainHead).values(last_hash=previous))

    code, out = verify(database_url, capsys)
    assert code == 1
    assert f"record {ids[1]}" in out


def test_an_untouched_chain_verifies_again_and_grows(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    write(factory, 2)
    assert verify(database_url, capsys) == (0, "OK: the audit chain of 2 records verifies.\n")
    write(factory, 1)
    assert verify(database_url, capsys) == (0, "OK: the audit chain of 3 records verifies.\n")


def test_without_the_env_setting_the_key_is_a_private_file_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(keys.KEY_ENV)
    monkeypatch.setenv(keys.DATA_DIR_ENV, str(tmp_path))

    first = keys.audit_key()

    path = tmp_path / "audit.key"
    assert path.read_text().strip().encode() == first and len(first) == 64
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    assert keys.audit_key() == first


def test_a_short_key_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.KEY_ENV, "too short")
    with pytest.raises(keys.AuditKeyError):
        keys.audit_key()
