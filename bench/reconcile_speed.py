"""How long `python -m backend reconcile` takes on a big book, and how much memory it needs.

    python -m bench.reconcile_speed --book /tmp/book-100k.sqlite3 --customers 100000 --months 1

Makes the book at `--book` (a SQLite file) with the demo generator if it holds no customers yet
(the generation is timed too), then runs `python -m backend reconcile` on it in a child process
(under the book's business date, 2026-11-22, the same as bench/api_latency.py's) and reports its
wall time and peak resident memory (the child's own `ru_maxrss`), with the book's size. The
report lands in bench/results/reconcile_speed.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

RESULTS = Path(__file__).resolve().parent / "results"
TODAY = date(2026, 11, 22)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--book", type=Path, required=True, help="a SQLite file (made when it holds no customers)")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="generator processes (the machine is shared)")
    args = parser.parse_args(argv)

    from backend.accounts.models import Account, Transaction
    from backend.billing.models import Bill
    from backend.customers.models import Customer
    from backend.db import make_engine, make_sessionmaker
    from backend.migrate import upgrade
    from backend.seed.demo import seed_demo

    url = f"sqlite:///{args.book.resolve()}"
    upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    generated = ""
    with factory() as session:
        existing = session.execute(select(func.count(Customer.id))).scalar_one()
    if existing < args.customers:
        began = time.perf_counter()
        seed_demo(factory, customers=args.customers, months=args.months, today=TODAY, batch_size=2000,
                  workers=args.workers)
        generated = (f"generated in {time.perf_counter() - began:.0f} s with {args.workers} worker(s); ")
    with factory() as session:
        counts = {model.__tablename__: session.execute(select(func.count(model.id))).scalar_one()
                  for model in (Customer, Account, Transaction, Bill)}
    engine.dispose()

    began = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "backend", "reconcile", "--database-url", url],
        env={**os.environ, "CREDITDESK_BUSINESS_DATE": TODAY.isoformat()},
        capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - began
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: KiB
    summary = completed.stdout.strip().splitlines()
    report = (
        f"Reconcile on SQLite, {os.cpu_count()} cores (shared), Python {sys.version.split()[0]}: "
        f"{counts['customers']:,} customers ({counts['accounts']:,} accounts, {counts['transactions']:,} "
        f"transactions, {counts['bills']:,} bills; {generated}{args.book.stat().st_size / 2**30:.2f} GiB) "
        f"reconciled in {elapsed:.0f} s, peak RSS {peak_mib:.0f} MiB, exit {completed.returncode}: "
        f"{summary[-1] if summary else completed.stderr.strip()[-300:]}"
    )
    print(report)
    print("\n".join(summary))
    RESULTS.mkdir(exist_ok=True)
    with (RESULTS / "reconcile_speed.md").open("a", encoding="utf-8") as out:
        out.write(report + "\n")
    return completed.returncode


if __name__ == "__main__":
    raise SystemExit(main())
