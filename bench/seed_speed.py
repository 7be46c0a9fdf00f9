"""How long the demo generator takes: 2,000 customers × 12 months (target ≤ 15 s), and more.

    python -m bench.seed_speed                  # 2,000 × 12 months on SQLite
    python -m bench.seed_speed --customers 20000 --months 3 --database-url postgresql+psycopg://…

On PostgreSQL the target database must be empty of customers (the schema is migrated first).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--database-url", default=None, help="default: a fresh temporary SQLite file")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)

    from backend.accounts.models import Account, Transaction
    from backend.billing.models import Bill
    from backend.db import make_engine, make_sessionmaker
    from backend.migrate import upgrade
    from backend.seed.demo import seed_demo

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'seed.sqlite3'}"
        upgrade(url)
        engine = make_engine(url)
        factory = make_sessionmaker(engine)
        began = time.perf_counter()
        seed_demo(factory, customers=args.customers, months=args.months, today=date(2026, 11, 22),
                  workers=args.workers)
        elapsed = time.perf_counter() - began
        with factory() as session:
            counts = {model.__tablename__: session.execute(select(func.count(model.id))).scalar_one()
                      for model in (Account, Transaction, Bill)}
        engine.dispose()
    dialect = url.split(":", 1)[0]
    report = (
        f"Demo generator on {dialect}, {os.cpu_count()} cores, Python {sys.version.split()[0]}: "
        f"{args.customers:,} customers × {args.months} months in {elapsed:.1f} s "
        f"({args.customers / elapsed:,.0f} customers/s; {counts['accounts']:,} accounts, "
        f"{counts['transactions']:,} transactions, {counts['bills']:,} bills)"
    )
    if args.customers == 2000 and args.months == 12:
        report += f" — target ≤ 15 s: {'MET' if elapsed <= 15 else 'MISSED'}"
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "seed_speed.md").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
