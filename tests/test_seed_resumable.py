"""`seed` killed at any point and run again finishes the same book as a run never stopped
(docs/reliability.md): same rows, id sequences right on PostgreSQL, the caseload there, and the
simulation workers gone with the killed process."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

import backend.models_registry  # noqa: F401
from backend.cases.models import Case
from backend.db import Base, make_engine
from backend.seed.demo import INSERT_ORDER
from tests.helpers.db import drop_everything

ROOT = Path(__file__).resolve().parent.parent
SEED_ARGS = ["--customers", "8", "--seed", "3", "--months", "3", "--today", "2026-11-22", "--batch-size", "2"]
KILLS = 3
# Different on every run by nature: when a user was made, and the salted hash of "demo".
VOLATILE = {("users", "created_at"), ("users", "password_hash")}


def seed(url: str, workers: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "backend", "seed", *SEED_ARGS, "--workers", str(workers), "--database-url", url],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def processes_mentioning(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def wait_for_first_batch(url: str, run: subprocess.Popen[bytes]) -> None:
    engine = make_engine(url)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and run.poll() is None:
            try:
                with engine.connect() as connection:
                    if connection.scalar(text("SELECT count(*) FROM customers")):
                        return
            except Exception:  # noqa: BLE001 - the schema is not there yet
                pass
            time.sleep(0.02)
        raise AssertionError("the seed stored nothing")
    finally:
        engine.dispose()


def book(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order, but for the VOLATILE columns."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = {}
            for table in Base.metadata.sorted_tables:
                columns = [c for c in table.columns if (table.name, c.name) not in VOLATILE]
                order = list(table.primary_key.columns) or columns
                rows[table.name] = [tuple(r) for r in connection.execute(select(*columns).order_by(*order))]
            return rows
    finally:
        engine.dispose()


def assert_sequences_right(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            for model in INSERT_ORDER:
                name = model.__table__.name  # type: ignore[attr-defined]
                highest = connection.scalar(select(func.max(model.id))) or 0
                following = connection.scalar(text(f"SELECT nextval(pg_get_serial_sequence('{name}', 'id'))"))
                assert following > highest, name
    finally:
        engine.dispose()


@pytest.fixture
def two_databases(db_url: str, db_engine: Engine, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """(dialect, url of the run never stopped, url of the run killed and resumed)."""
    if make_url(db_url).get_backend_name() == "sqlite":
        yield "sqlite", f"sqlite:///{tmp_path / 'whole.sqlite3'}", f"sqlite:///{tmp_path / 'killed.sqlite3'}"
        return
    # PostgreSQL: the test database, one run after the other; its test schema is put back after.
    # The application name marks the killed runs' command lines (PostgreSQL's own processes
    # carry the database's name, so that cannot tell them apart).
    drop_everything(db_engine)
    try:
        yield "postgresql", db_url, f"{db_url}?application_name=killed-seed-{os.getpid()}"
    finally:
        drop_everything(db_engine)
        Base.metadata.create_all(db_engine)


def test_seed_killed_at_random_points_then_rerun_makes_the_same_book(
    two_databases: tuple[str, str, str], db_engine: Engine
) -> None:
    dialect, whole_url, killed_url = two_databases
    began = time.monotonic()
    whole = seed(whole_url, workers=1)
    assert whole.wait(300) == 0, whole.stderr.read() if whole.stderr else ""
    duration = time.monotonic() - began
    expected = book(whole_url)
    assert expected["customers"] and expected["cases"]
    if dialect == "postgresql":
        assert_sequences_right(whole_url)
        drop_everything(db_engine)

    rng = random.Random(20261122)
    marker = make_url(killed_url).query.get("application_name") or make_url(killed_url).database or ""
    assert isinstance(marker, str) and marker
    for attempt in range(KILLS):
        run = seed(killed_url, workers=2)
        if attempt == 0:
            wait_for_first_batch(killed_url, run)  # the workers are busy with the rest
        else:
            time.sleep(rng.uniform(0.2, duration))
        os.kill(run.pid, signal.SIGKILL)
        run.wait(30)
        deadline = time.monotonic() + 10
        while [pid for pid in processes_mentioning(marker) if pid != os.getpid()] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in processes_mentioning(marker) if pid != os.getpid()], "seed workers outlived it"
        if dialect == "postgresql":
            assert_sequences_right(killed_url)
    finished = seed(killed_url, workers=2)
    assert finished.wait(300) == 0, finished.stderr.read() if finished.stderr else ""

    resumed = book(killed_url)
    assert resumed.keys() == expected.keys()
    for name in expected:
        assert resumed[name] == expected[name], name
    if dialect == "postgresql":
        assert_sequences_right(killed_url)
    engine = make_engine(killed_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Case)) == len(expected["cases"]) > 0
    finally:
        engine.dispose()


class _Killed(BaseException):
    """Stands for the process killed before a step's transaction commits."""


def test_seed_killed_before_the_demo_users_commit_then_rerun_numbers_them_as_a_run_never_stopped(
    two_databases: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo users' rows flushed, their transaction not committed, the process killed: on
    PostgreSQL their ids were drawn from the sequence all the same. Run again, `seed` gives them
    the ids a run never stopped does: 1 to 6 on a new database, in DEMO_USERS order."""
    from backend import cli
    from backend.auth import service as auth
    from backend.auth.models import User

    _dialect, _whole_url, url = two_databases
    args = ["seed", *SEED_ARGS, "--workers", "1", "--database-url", url]
    make_users = auth.ensure_demo_users

    def killed_before_commit(**kwargs: Any) -> Any:
        make_users(**kwargs)
        raise _Killed

    monkeypatch.setattr(auth, "ensure_demo_users", killed_before_commit)
    with pytest.raises(_Killed):
        cli.main(args)
    monkeypatch.setattr(auth, "ensure_demo_users", make_users)
    assert cli.main(args) == 0

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            users = [tuple(row) for row in connection.execute(select(User.id, User.username).order_by(User.id))]
    finally:
        engine.dispose()
    assert users == [(number, name) for number, (name, _, _) in enumerate(auth.DEMO_USERS, start=1)]


@pytest.mark.usefixtures("pg_required")
def test_the_sequence_lookup_holds_on_every_schemas_columns(db_engine: Engine) -> None:
    """`rewind_sequences` asks each column's sequence where the schema is the current one, but
    PostgreSQL may evaluate the lookup first, on every row of information_schema.columns: the
    merged PostgreSQL pass once failed with 'relation "information_schema_catalog_name" does not
    exist' (the lookup named a table outside the search path unqualified). The lookup holds on
    every row, whatever order the planner takes."""
    from backend.seed.demo import SERIAL_SEQUENCE_OF_COLUMN

    with db_engine.connect() as connection:
        schemas = connection.execute(text(
            f"SELECT count(DISTINCT table_schema), count(*) FILTER (WHERE {SERIAL_SEQUENCE_OF_COLUMN} IS NOT NULL) "
            "FROM information_schema.columns")).one()
    assert schemas[0] >= 2  # information_schema and pg_catalog at least were asked
