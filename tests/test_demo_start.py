"""A demo backend's first start seeds the demo; a later start closes the days it missed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from backend.accounts.models import Account
from backend.auth.models import User
from backend.cli import prepare_demo
from backend.customers.models import Customer
from backend.db import make_engine, make_sessionmaker
from backend.migrate import upgrade


def test_first_start_seeds_and_later_start_catches_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    first_day = date(2026, 11, 22)
    monkeypatch.setenv("CREDITDESK_BUSINESS_DATE", first_day.isoformat())
    prepare_demo(factory, customers=12)
    with factory() as session:
        assert session.execute(select(func.count(Customer.id))).scalar_one() == 12
        assert session.execute(select(func.count(User.id)).where(User.is_demo.is_(True))).scalar_one() == 6
        assert set(session.execute(select(Account.eod_through)).scalars()) == {first_day - timedelta(days=1)}

    later = first_day + timedelta(days=10)  # across the 1 December statement
    monkeypatch.setenv("CREDITDESK_BUSINESS_DATE", later.isoformat())
    prepare_demo(factory, customers=12)
    with factory() as session:
        assert session.execute(select(func.count(Customer.id))).scalar_one() == 12  # not seeded twice
        assert set(session.execute(select(Account.eod_through)).scalars()) == {later - timedelta(days=1)}
    engine.dispose()
