"""An account with 100,000 transactions: open its Transactions tab and scroll 20 pages.

    python -m bench.transactions_scroll

Builds a temporary embedded backend with one demo customer plus a customer whose credit line
carries 100,000 transactions (stored with the backend's bulk loader, as the demo generator
does), opens the workspace offscreen, and reports the time to the first page and the longest
stretch of GUI-thread work between two ticks of a 10 ms timer while 20 pages load as the view
scrolls (DESIGN §6: no stall over 50 ms). Prints the numbers; `tests/ui/test_workspace_big.py`
checks the behaviour (one page per fetch, newest first) without timing it.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QTimer

BIG = 100_000
PAGE = 200
PAGES_SCROLLED = 20


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


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from console.api import ApiClient
    from console.embedded import EmbeddedBackend
    from ui.workspace import CustomerWorkspace

    app = QApplication.instance() or QApplication([])

    def wait_until(condition: object, timeout_s: float = 30.0) -> None:
        deadline = time.perf_counter() + timeout_s
        while not condition():  # type: ignore[operator]
            if time.perf_counter() > deadline:
                raise TimeoutError("the workspace did not get there in time")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    with tempfile.TemporaryDirectory() as directory:
        database = Path(directory) / "big.sqlite3"
        with EmbeddedBackend(database, demo_customers=1, seed_workers=1):
            pass  # schema, one demo customer and the demo users
        customer_id = add_big_account(database, BIG)
        with EmbeddedBackend(database, demo_customers=1, seed_workers=1) as base_url:
            client = ApiClient(base_url)
            client.login("agent1", "demo")
            workspace = CustomerWorkspace(client, customer_id, role="agent")
            workspace.resize(1280, 800)
            workspace.show()
            wait_until(lambda: workspace.profile is not None)
            tab_opened = time.perf_counter()
            watch = StallWatch()
            watch.start()
            workspace.show_tab("transactions")
            model = workspace.transactions_tab.model
            wait_until(lambda: model.rowCount() >= PAGE and not model.is_loading)
            first_page_ms = (time.perf_counter() - tab_opened) * 1000
            for page in range(2, PAGES_SCROLLED + 2):
                workspace.transactions_tab.view.scrollToBottom()
                wait_until(lambda page=page: model.rowCount() == page * PAGE and not model.is_loading)
            watch.stop()
            workspace.close_workspace()
            workspace.deleteLater()
            client.close()
            QCoreApplication.processEvents()
    print(f"account with {BIG:,} transactions, {PAGE} per page, {PAGES_SCROLLED} pages scrolled")
    print(f"  Transactions tab shown to first page on screen: {first_page_ms:.0f} ms")
    print(f"  longest GUI-thread work between 10 ms ticks: {watch.longest_cpu_ms:.1f} ms CPU "
          f"({watch.longest_wall_ms:.1f} ms wall; target: no stall over 50 ms)")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
