"""End of day beside live traffic, over real HTTP on SQLite and PostgreSQL (docs/reliability.md):
8 threads write money through the API (fee waivers post credits) while end of day closes the
same accounts in batches; afterwards every account's balance is the sum of its transactions,
and no API write failed or waited for the whole run."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from backend.accounts.models import Account
from backend.billing.eod import run_end_of_day_in_batches
from backend.billing.ledger import balance_from_transactions
from backend.common.idempotency import IdempotencyKey
from backend.db import transaction
from tests.helpers.api import FixedClock
from tests.helpers.live_server import committed_database, live_server
from tests.test_limits_under_races import TODAY, at, make_account

ACCOUNTS = 24
WRITERS = 8
CLOSED_THROUGH = date(2024, 5, 26)  # end of day has 9 days to close on every account, 1 June's statement among them


def test_end_of_day_with_8_threads_writing_through_the_api_loses_nothing(
    db_url: str, db_engine: object, tmp_path: Path
) -> None:
    with committed_database(db_url, tmp_path) as factory, live_server(factory, FixedClock.on(TODAY)) as server:
        account_ids = [make_account(factory, 100 + n, through=CLOSED_THROUGH) for n in range(ACCOUNTS)]
        server.login("agent1")
        stop = threading.Event()
        outcomes: list[tuple[int, float, str]] = []
        guard = threading.Lock()

        def writer(index: int) -> None:
            with server.client() as client:
                n = index
                while not stop.is_set():
                    account_id = account_ids[n % ACCOUNTS]
                    n += WRITERS
                    began = time.monotonic()
                    response = client.post(
                        "/v1/arrangements",
                        json={"account_id": account_id, "type": "fee_waiver", "amount_fen": 100,
                              "component": "fees", "reason": "goodwill"},
                        headers=server.write_headers("agent1"),
                    )
                    with guard:
                        outcomes.append((response.status_code, time.monotonic() - began, response.text))

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)  # the writers are under way
        began = time.monotonic()
        summary = run_end_of_day_in_batches(factory, TODAY - timedelta(days=1), batch_size=4)
        eod_seconds = time.monotonic() - began
        time.sleep(0.3)
        stop.set()
        for thread in threads:
            thread.join(60)

        assert summary.accounts == ACCOUNTS
        statuses = {status for status, _, _ in outcomes}
        assert statuses <= {201, 409}, [o for o in outcomes if o[0] not in (201, 409)][:3]
        assert sum(1 for status, _, _ in outcomes if status == 201) >= WRITERS, outcomes[:3]
        # A write waits for at most a batch, never for the whole run.
        slowest = max(seconds for _, seconds, _ in outcomes)
        assert slowest < max(5.0, eod_seconds / 2), (slowest, eod_seconds)
        with factory() as session:
            for account_id in account_ids:
                account = session.get(Account, account_id)
                assert account is not None
                assert account.eod_through == TODAY - timedelta(days=1)
                assert account.balance_fen == balance_from_transactions(session, account_id), account_id


def test_end_of_day_resumes_where_it_stopped_and_purges_old_idempotency_keys(
    db_url: str, db_engine: object, tmp_path: Path
) -> None:
    with committed_database(db_url, tmp_path) as factory, live_server(factory, FixedClock.on(TODAY)) as server:
        account_ids = [make_account(factory, 200 + n, through=CLOSED_THROUGH) for n in range(6)]
        server.login("agent1")
        with server.client() as client:
            for age_days in (0, 6, 8):  # keys made 0, 6 and 8 days before the run's end of day
                key_headers = server.write_headers("agent1")
                response = client.post("/v1/arrangements", json={
                    "account_id": account_ids[0], "type": "fee_waiver", "amount_fen": 100, "component": "fees",
                    "reason": "goodwill"}, headers=key_headers)
                assert response.status_code == 201, response.text
                with transaction(factory) as session:
                    key = session.get(IdempotencyKey, (response.json()["proposed_by"],
                                                       key_headers["Idempotency-Key"]))
                    assert key is not None
                    key.created_at = at(TODAY - timedelta(days=1)) - timedelta(days=age_days, hours=12)

        calls = 0

        def stop_after_two_batches(*args: object, **kwargs: object) -> None:
            nonlocal calls
            calls += 1
            if calls == 3:
                raise KeyboardInterrupt  # the run is killed in its third batch

        import backend.billing.eod as eod

        original = eod.close_account_day

        def closing(*args: object, **kwargs: object) -> object:
            if args[1].id == account_ids[4]:  # type: ignore[attr-defined]
                stop_after_two_batches()
            return original(*args, **kwargs)  # type: ignore[arg-type]

        eod.close_account_day = closing  # type: ignore[assignment]
        try:
            try:
                run_end_of_day_in_batches(factory, TODAY - timedelta(days=1), batch_size=2)
            except KeyboardInterrupt:
                pass
        finally:
            eod.close_account_day = original
        with factory() as session:
            through = [session.get(Account, a).eod_through for a in account_ids]  # type: ignore[union-attr]
        assert through[:4] == [TODAY - timedelta(days=1)] * 4  # two batches committed
        assert through[4:] == [CLOSED_THROUGH] * 2  # the third rolled back whole

        summary = run_end_of_day_in_batches(factory, TODAY - timedelta(days=1), batch_size=2)

        assert summary.accounts == 2  # only what was left
        with factory() as session:
            assert all(session.get(Account, a).eod_through == TODAY - timedelta(days=1)  # type: ignore[union-attr]
                       for a in account_ids)
            assert all(session.get(Account, a).balance_fen == balance_from_transactions(session, a)  # type: ignore[union-attr]
                       for a in account_ids)
            ages = sorted((at(TODAY - timedelta(days=1)) - created).days
                          for created in session.scalars(select(IdempotencyKey.created_at)))
        assert ages == [0, 6]  # the 8-day-old key is purged; the others are kept


