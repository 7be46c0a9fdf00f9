"""`python -m backend` commands against a temporary SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

import backend.models_registry  # noqa: F401
from backend.audit.models import AuditRecord
from backend.audit.service import record_audit
from backend.auth.models import User
from backend.auth.passwords import verify_password
from backend.auth.service import get_user_by_username
from backend.cli import main
from backend.db import Base, make_engine, make_sessionmaker, transaction


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


@pytest.fixture
def factory(database_url: str) -> Iterator[sessionmaker[Session]]:
    assert main(["migrate", "--database-url", database_url]) == 0
    engine = make_engine(database_url)
    Base.metadata.create_all(engine)  # until the first revision exists, migrate creates nothing
    try:
        yield make_sessionmaker(engine)
    finally:
        engine.dispose()


def test_create_user_adds_a_user_who_can_sign_in(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "create-user",
            "zhao.min",
            "--role",
            "supervisor",
            "--display-name",
            "Zhao Min",
            "--password",
            "s3cret! horse battery",
            "--database-url",
            database_url,
        ]
    )

    assert code == 0
    assert "zhao.min" in capsys.readouterr().out
    with transaction(factory) as session:
        user = get_user_by_username(session=session, username="zhao.min")
        assert user is not None
        assert (user.display_name, user.role, user.is_demo, user.active) == (
            "Zhao Min",
            "supervisor",
            False,
            True,
        )
        assert user.password_hash.startswith("$argon2id$")
        assert verify_password(user.password_hash, "s3cret! horse battery")


def test_create_user_asks_for_the_password(
    database_url: str, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "typed-in staple 42")

    assert main(["create-user", "qian.yu", "--role", "agent", "--database-url", database_url]) == 0

    with transaction(factory) as session:
        user = get_user_by_username(session=session, username="qian.yu")
        assert user is not None and verify_password(user.password_hash, "typed-in staple 42")


def test_create_user_refuses_a_duplicate(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["create-user", "sun.wei", "--role", "agent", "--password", "long enough pw 1", "--database-url", database_url]
    assert main(args) == 0

    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err
    with transaction(factory) as session:
        assert session.scalar(select(func.count()).select_from(User)) == 1


def test_create_user_refuses_an_unknown_role(database_url: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["create-user", "x", "--role", "king", "--password", "long enough pw 1", "--database-url", database_url])
    assert exit_info.value.code == 2


def test_verify_audit_reports_ok_then_the_tampered_record(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify-audit", "--database-url", database_url]) == 0
    assert "OK" in capsys.readouterr().out

    with transaction(factory) as session:
        ids = [
            record_audit(
                session=session,
                action="note.create",
                entity_type="note",
                entity_id=i,
                after={"text": f"note {i}"},
                at=datetime(2024, 6, 15, tzinfo=timezone.utc),
            ).id
            for i in range(3)
        ]
    assert main(["verify-audit", "--database-url", database_url]) == 0
    assert "3 records" in capsys.readouterr().out

    with transaction(factory) as session:
        session.execute(
            update(AuditRecord).where(AuditRecord.id == ids[1]).values(after={"text": "rewritten"})
        )

    assert main(["verify-audit", "--database-url", database_url]) == 1
    assert f"record {ids[1]}" in capsys.readouterr().out


def test_seed_and_end_of_day_run_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """The commands as an operator runs them: a new process that has imported nothing else."""
    url = f"sqlite:///{tmp_path / 'ops.sqlite3'}"
    env = {**os.environ, "CREDITDESK_BUSINESS_DATE": "2026-11-22"}

    def backend(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "backend", *args, "--database-url", url],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    seeded = backend("seed", "--customers", "6", "--months", "2")
    assert seeded.returncode == 0, seeded.stderr
    closed = backend("eod", "--date", "2026-11-30")
    assert closed.returncode == 0, closed.stderr
    assert "statements cut" in closed.stdout
    assert closed.stdout.strip().endswith("No breaks.")  # end of day reconciles (report only)
    reconciled = backend("reconcile")
    assert reconciled.returncode == 0, reconciled.stdout
    assert "BREAK" not in reconciled.stdout
    verified = backend("verify-audit")
    assert verified.returncode == 0, verified.stderr


@pytest.mark.parametrize(
    ("username", "password", "created"),
    [
        ("zhou.xin", "a" * 11, False),  # one under the minimum
        ("zhou.xin", "a" * 12, True),  # at the minimum
        ("zhou.xin", "a" * 13, True),
        ("zhou.xin.1234", "Zhou.Xin.1234", False),  # the username, whatever the case
        ("zhou.xin", "a", False),
    ],
)
def test_create_user_wants_12_characters_that_are_not_the_username(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str],
    username: str, password: str, created: bool,
) -> None:
    code = main(["create-user", username, "--role", "agent", "--password", password, "--database-url", database_url])

    assert code == (0 if created else 1)
    with transaction(factory) as session:
        user = get_user_by_username(session=session, username=username)
        assert (user is not None) == created
        audited = session.scalars(select(AuditRecord).where(AuditRecord.action == "user.create")).all()
    if created:
        assert user is not None
        assert [(r.entity_id, r.after["username"], r.after["role"]) for r in audited] == [(str(user.id), username, "agent")]
    else:
        assert audited == []
        assert "password" in capsys.readouterr().err
def test_serve_refuses_a_database_whose_schema_is_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from backend.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'behind.sqlite3'}"
    upgrade(url, "base")  # alembic's bookkeeping, none of the schema

    assert main(["serve", "--database-url", url]) == 2
    assert "python -m backend migrate" in capsys.readouterr().err

    assert main(["migrate", "--database-url", url]) == 0
    from backend.migrate import schema_is_current

    assert schema_is_current(url)


def test_each_worker_gets_an_equal_share_of_postgresql_connections(db_url: str, pg_required: None) -> None:
    from sqlalchemy import text

    from backend.cli import LISTENER_CONNECTIONS, RESERVED_CONNECTIONS, connections_per_worker

    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            limit = int(connection.execute(text("SHOW max_connections")).scalar_one())
            reserved = int(connection.execute(text("SHOW superuser_reserved_connections")).scalar_one())
        spare = limit - reserved - RESERVED_CONNECTIONS
        # Each worker also holds its token change listener's connection.
        assert connections_per_worker(engine, 20, 1) == min(20, spare - LISTENER_CONNECTIONS)
        assert connections_per_worker(engine, 20, 4) == min(20, spare // 4 - LISTENER_CONNECTIONS)
        assert connections_per_worker(engine, 1000, 3) == spare // 3 - LISTENER_CONNECTIONS
        with pytest.raises(SystemExit, match="pgbouncer"):
            connections_per_worker(engine, 20, spare // 2 + 1)
    finally:
        engine.dispose()

def test_reconcile_exits_non_zero_on_a_break(
    database_url: str, factory: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    from backend.billing.models import Bill
    from backend.seed.demo import seed_demo

    seed_demo(factory, customers=3, seed=2, months=2, today=datetime(2026, 11, 22).date())
    assert main(["reconcile", "--database-url", database_url]) == 0
    assert capsys.readouterr().out.strip().endswith("No breaks.")

    with transaction(factory) as session:
        bill_id = session.scalar(select(func.min(Bill.id)))
        session.execute(update(Bill).where(Bill.id == bill_id).values(total_fen=Bill.total_fen + 1))

    assert main(["reconcile", "--database-url", database_url]) == 1
    out = capsys.readouterr().out
    assert "BREAK  bill_total_is_sum_of_lines: 1" in out
    assert f"bill {bill_id} " in out
