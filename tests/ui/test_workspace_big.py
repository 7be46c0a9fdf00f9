"""An account with 100,000 transactions opens and scrolls without a stall.

The account lives in a backend of its own (a temporary SQLite file, so the shared live backend
of the other tests is not changed): one demo customer, plus a customer whose credit line carries
100,000 transactions, stored with the backend's own bulk loader (`backend.common.bulk`, what the
demo generator uses). Going through the billing engine a posting at a time would take minutes
and test nothing more here: the Transactions tab reads the list, whatever made it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QTimer
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from tests.helpers.live import LiveBackend
from ui.workspace import CustomerWorkspace

BIG = 100_000
PAGE = 200


def add_big_account(database_path: Path, transactions: int) -> int:
    """A customer with one credit line holding `transactions` transactions; returns the customer id."""
    import backend.models_registry  # noqa: F401  (every model on Base.metadata)
    from backend.accounts.models import Account, Transaction
    from backend.clock import BusinessClock
    from backend.common.bulk import bulk_insert
    from backend.customers.models import Customer
    from backend.db import make_engine, make_sessionmaker

    engine = make_engine(f"sqlite:///{database_path}")
    try:
        with make_sessionmaker(engine)() as session:
            customer_id = (session.query(Customer.id).order_by(Customer.id.desc()).first() or (0,))[0] + 1
            account_id = (session.query(Account.id).order_by(Account.id.desc()).first() or (0,))[0] + 1
            first_txn = (session.query(Transaction.id).order_by(Transaction.id.desc()).first() or (0,))[0] + 1
            start = datetime(2020, 1, 1, 2, 0, tzinfo=timezone.utc)
            rows = []
            balance = 0
            for n in range(transactions):
                posted = start + timedelta(minutes=30 * n)
                repayment = n % 10 == 9
                amount = -5_000 if repayment else 500 + (n * 37) % 20_000
                balance += amount
                rows.append({
                    "id": first_txn + n, "account_id": account_id, "customer_id": customer_id,
                    "type": "repayment" if repayment else "purchase", "amount_fen": amount,
                    "posted_at": posted, "business_date": (posted + timedelta(hours=8)).date(),
                    "merchant": None if repayment else f"商户{n % 50:02d}",
                    "description": "Repayment, thank you" if repayment else f"商户{n % 50:02d} 消费",
                    "plan_id": None,
                })
            bulk_insert(session, Customer.__table__, [{  # type: ignore[arg-type]
                "id": customer_id, "name": "大账户测试", "phone": "13900000000",
                "national_id": "110101199001011237", "national_id_last4": "1237", "bank_card": None,
                "city": "北京", "flags": [], "created_at": start,
            }])
            bulk_insert(session, Account.__table__, [{  # type: ignore[arg-type]
                "id": account_id, "customer_id": customer_id, "account_number": f"HB{account_id:010d}",
                "product": "credit_line", "status": "active", "credit_limit_fen": 5_000_000_000,
                "due_day": 10, "daily_rate_ppm": None, "opened_on": date(2020, 1, 1),
                "balance_fen": balance, "credit_balance_fen": 0, "past_due_fen": 0, "overdue_since": None,
                "accrued_interest_ufen": 0, "accrued_penalty_ufen": 0, "disputed_fen": 0,
                "penalty_suspended": False,
                # Closed through yesterday: the backend's start-up catch-up has nothing to do.
                "eod_through": BusinessClock.from_env().today() - timedelta(days=1),
            }])
            bulk_insert(session, Transaction.__table__, rows)  # type: ignore[arg-type]
            session.commit()
    finally:
        engine.dispose()
    return customer_id


@pytest.fixture(scope="module")
def big_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveBackend, int]]:
    backend = LiveBackend(tmp_path_factory.mktemp("big") / "creditdesk-big.sqlite3", customers=1)
    try:
        backend.stop()
        customer_id = add_big_account(backend.database_path, BIG)
        backend.start()
        yield backend, customer_id
    finally:
        backend.stop()


class StallWatch:
    """The longest stretch the GUI thread spent working between two ticks of a 10 ms timer.

    Measured in the GUI thread's CPU time (`time.thread_time`), not wall time: on a shared
    2-core machine a thread waiting for a core shows wall-clock gaps that are not ours, while a
    stall of our making (work on the GUI thread) is CPU time on that thread. The wall-clock gap
    is kept too, for the report.
    """

    def __init__(self) -> None:
        self.longest_cpu_ms = 0.0
        self.longest_wall_ms = 0.0
        self._cpu = 0.0
        self._wall = 0.0
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._cpu, self._wall = time.thread_time(), time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        cpu, wall = time.thread_time(), time.perf_counter()
        self.longest_cpu_ms = max(self.longest_cpu_ms, (cpu - self._cpu) * 1000)
        self.longest_wall_ms = max(self.longest_wall_ms, (wall - self._wall) * 1000)
        self._cpu, self._wall = cpu, wall


@pytest.mark.slow
def test_a_hundred_thousand_transactions_open_and_scroll(
    qtbot: QtBot, big_backend: tuple[LiveBackend, int]
) -> None:
    backend, customer_id = big_backend
    client: ApiClient = backend.client("agent1")
    try:
        workspace = CustomerWorkspace(client, customer_id, role="agent")
        qtbot.addWidget(workspace)
        workspace.resize(1280, 800)
        with qtbot.waitSignal(workspace.loaded, timeout=10_000):
            workspace.show()
        tab = workspace.transactions_tab
        model = tab.model
        watch = StallWatch()
        watch.start()
        opened = time.perf_counter()
        with qtbot.waitSignal(tab.first_page_loaded, timeout=10_000):
            workspace.show_tab("transactions")
        first_page_s = time.perf_counter() - opened
        qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
        assert model.rowCount() == PAGE and model.has_more  # one page, not 100,000 rows

        # Scroll down through 20 pages: each reaches the end, one page is fetched, rows appended.
        for page in range(2, 22):
            tab.view.scrollToBottom()
            qtbot.waitUntil(lambda page=page: model.rowCount() == page * PAGE and not model.is_loading,
                            timeout=10_000)
        watch.stop()
        assert model.rowCount() == 21 * PAGE
        ids = [t.id for t in model.records()]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)  # newest first, no repeats
        assert model.canFetchMore(QModelIndex())
        # The GUI thread kept ticking: never 50 ms of work without a break (DESIGN §6).
        print(f"first page {first_page_s * 1000:.0f} ms; longest GUI-thread work between ticks "
              f"{watch.longest_cpu_ms:.0f} ms CPU ({watch.longest_wall_ms:.0f} ms wall)")
        assert watch.longest_cpu_ms < 50, f"the GUI thread worked {watch.longest_cpu_ms:.0f} ms without a break"
        assert first_page_s < 2.0
        workspace.close_workspace()
    finally:
        client.close()
