"""API latency at 10k, 100k and 1M customers: search and customer-open, against /healthz.

    python -m bench.api_latency                       # all three sizes (1M takes a while to seed once)
    python -m bench.api_latency --sizes 10000 --requests 300

For each size a demo database is generated once (cached under bench/.cache/), a real backend
is started in its own process (`python -m backend serve --demo`), and one client on a
keep-alive connection interleaves `/healthz`, searches (by full phone, account number,
ID last 4 and name prefix) and customer opens (`GET /v1/customers/{id}?include=…`, the
console's one round trip). Reported per operation: HTTP round trip p50/p95/p99 as the
client sees it, server time p50/p95 from the `Server-Timing` header, and the ratio of the
HTTP p50 to the `/healthz` p50 of the same run (the floor: machines here are shared and
noisy, so timings are compared as ratios). Targets (DESIGN.md §6): search server p95
≤ 5 ms at 1M and HTTP p50 ≤ 2× healthz; customer open HTTP p50 ≤ 3× healthz, p95 ≤ 25 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
RESULTS = ROOT / "bench" / "results"
TODAY = date(2026, 11, 22)
SEED = 1
GENERATOR_VERSION = 3  # bump when the schema or the demo generator changes
# History depth per size: enough for every delinquency bucket at 10k; lighter for the big ones.
MONTHS = {10_000: 12, 100_000: 3, 1_000_000: 1}
OPEN_INCLUDE = "accounts,current_bills,plans"


def months_for(customers: int) -> int:
    return MONTHS.get(customers, 12 if customers <= 10_000 else 3 if customers <= 100_000 else 1)


def database_path(customers: int) -> Path:
    # The generator version is in the name: a cache made by older code is never reused.
    return CACHE / f"customers-{customers}-m{months_for(customers)}-s{SEED}-g{GENERATOR_VERSION}.sqlite3"


def ensure_database(customers: int, pg_admin_url: str | None = None) -> str:
    """The URL of the cached demo database for `customers`, generated on first use.

    SQLite: a file under bench/.cache/. PostgreSQL (`pg_admin_url` given): a database named
    after the size and generator version on that server, created and seeded when missing.
    """
    if pg_admin_url is not None:
        return _ensure_postgres_database(customers, pg_admin_url)
    path = database_path(customers)
    if path.exists():
        return f"sqlite:///{path}"
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    _generate(f"sqlite:///{partial}", customers, path.name)
    partial.rename(path)
    return f"sqlite:///{path}"


def _ensure_postgres_database(customers: int, admin_url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"creditdesk_bench_{customers}_m{months_for(customers)}_s{SEED}_g{GENERATOR_VERSION}"
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if exists:
            done = create_engine(url)
            with done.connect() as check:
                ready = check.execute(text(
                    "SELECT to_regclass('bench_ready') IS NOT NULL")).scalar_one()
            done.dispose()
            if ready:
                admin.dispose()
                return url
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    _generate(url, customers, name)
    marker = create_engine(url)
    with marker.begin() as connection:  # only a complete database carries the marker
        connection.execute(text("CREATE TABLE bench_ready (at timestamptz DEFAULT now())"))
        connection.execute(text("ANALYZE"))
    marker.dispose()
    return url


def _generate(url: str, customers: int, label: str) -> None:
    from backend.auth.service import ensure_demo_users
    from backend.db import make_engine, make_sessionmaker, transaction
    from backend.migrate import upgrade
    from backend.seed.demo import seed_demo

    upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    started = time.perf_counter()

    def progress(done: int) -> None:
        if done % 50_000 == 0 or done == customers:
            print(f"  seeded {done:,}/{customers:,} customers ({time.perf_counter() - started:.0f} s)",
                  flush=True)

    print(f"Generating {customers:,} customers × {months_for(customers)} months → {label}", flush=True)
    seed_demo(factory, customers=customers, seed=SEED, months=months_for(customers), today=TODAY,
              batch_size=2000, progress=progress)
    with transaction(factory) as session:
        ensure_demo_users(session=session)
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_server(database_url: str) -> Server:
    port = free_port()
    env = {**os.environ, "CREDITDESK_BUSINESS_DATE": TODAY.isoformat()}
    process = subprocess.Popen(
        [sys.executable, "-m", "backend", "serve", "--demo", "--database-url", database_url,
         "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthz", timeout=1).ok:
                return Server(base, process)
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the backend did not start within 60 s")


@dataclass
class Samples:
    http_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)

    def add(self, response: requests.Response, elapsed_ms: float) -> None:
        if response.status_code != 200:
            raise RuntimeError(f"{response.request.url} → {response.status_code}: {response.text[:200]}")
        self.http_ms.append(elapsed_ms)
        timing = response.headers.get("server-timing", "")
        if "dur=" in timing:
            self.server_ms.append(float(timing.split("dur=")[1].split(",")[0]))


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def sample_queries(database_url: str, count: int, rng: random.Random) -> dict[str, list[str]]:
    """Real search terms and customer ids drawn from the database."""
    from sqlalchemy import bindparam, create_engine, text

    engine = create_engine(database_url)
    with engine.connect() as db:
        total = db.execute(text("SELECT MAX(id) FROM customers")).scalar_one()
        ids = [rng.randint(1, total) for _ in range(count)]
        rows = db.execute(
            text("SELECT id, phone, name, national_id_last4 FROM customers WHERE id IN :ids")
            .bindparams(bindparam("ids", expanding=True)), {"ids": ids}).all()
        accounts = db.execute(
            text("SELECT account_number FROM accounts WHERE customer_id IN :ids")
            .bindparams(bindparam("ids", expanding=True)), {"ids": ids}).all()
    engine.dispose()
    return {
        "customer_id": [str(r[0]) for r in rows],
        "phone": [r[1] for r in rows],
        "name_prefix": [r[2][:2] for r in rows],
        "id_last4": [r[3] for r in rows],
        "account_number": [a[0] for a in accounts],
    }


def measure(size: int, requests_per_op: int, seed: int, pg_admin_url: str | None) -> dict[str, object]:
    database_url = ensure_database(size, pg_admin_url)
    server = start_server(database_url)
    try:
        http = requests.Session()
        token = http.post(server.base + "/v1/auth/token", json={"username": "agent1", "password": "demo"},
                          timeout=10).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        rng = random.Random(seed)
        terms = sample_queries(database_url, max(200, requests_per_op), rng)
        ops: dict[str, Callable[[int], requests.Response]] = {
            "healthz": lambda i: http.get(server.base + "/healthz", timeout=10),
            "search_phone": lambda i: http.get(server.base + "/v1/customers",
                                               params={"q": terms["phone"][i % len(terms["phone"])]}, timeout=10),
            "search_account": lambda i: http.get(
                server.base + "/v1/customers",
                params={"q": terms["account_number"][i % len(terms["account_number"])]}, timeout=10),
            "search_id_last4": lambda i: http.get(
                server.base + "/v1/customers",
                params={"q": terms["id_last4"][i % len(terms["id_last4"])]}, timeout=10),
            "search_name": lambda i: http.get(
                server.base + "/v1/customers",
                params={"q": terms["name_prefix"][i % len(terms["name_prefix"])]}, timeout=10),
            "customer_open": lambda i: http.get(
                server.base + f"/v1/customers/{terms['customer_id'][i % len(terms['customer_id'])]}",
                params={"include": OPEN_INCLUDE}, timeout=10),
        }
        samples = {name: Samples() for name in ops}
        for i in range(30):  # warm-up: connections, caches, the first queries' plans
            for op in ops.values():
                op(i)
        for i in range(requests_per_op):
            for name, op in ops.items():  # interleaved, so every operation sees the same noise
                began = time.perf_counter()
                response = op(i)
                samples[name].add(response, (time.perf_counter() - began) * 1000)
        search_http = [ms for n in ops if n.startswith("search") for ms in samples[n].http_ms]
        search_server = [ms for n in ops if n.startswith("search") for ms in samples[n].server_ms]
        samples["search_all"] = Samples(search_http, search_server)
    finally:
        server.stop()
    floor = statistics.median(samples["healthz"].http_ms)
    rows = {
        name: {
            "http_p50_ms": round(percentile(s.http_ms, 50), 3),
            "http_p95_ms": round(percentile(s.http_ms, 95), 3),
            "http_p99_ms": round(percentile(s.http_ms, 99), 3),
            "server_p50_ms": round(percentile(s.server_ms, 50), 3),
            "server_p95_ms": round(percentile(s.server_ms, 95), 3),
            "http_p50_over_healthz": round(percentile(s.http_ms, 50) / floor, 2),
            "n": len(s.http_ms),
        }
        for name, s in samples.items()
    }
    database = "PostgreSQL" if pg_admin_url else "SQLite"
    return {"customers": size, "months": months_for(size), "database": database, "rows": rows}


def verdicts(result: dict[str, object]) -> list[str]:
    rows = result["rows"]
    assert isinstance(rows, dict)
    search, open_ = rows["search_all"], rows["customer_open"]
    checks = [
        ("search HTTP p50 ≤ 2× healthz", search["http_p50_over_healthz"] <= 2.0),
        ("customer open HTTP p50 ≤ 3× healthz", open_["http_p50_over_healthz"] <= 3.0),
        ("customer open HTTP p95 ≤ 25 ms", open_["http_p95_ms"] <= 25.0),
    ]
    if result["customers"] == 1_000_000:
        checks.insert(0, ("search server p95 ≤ 5 ms at 1M", search["server_p95_ms"] <= 5.0))
    return [f"{'MET ' if ok else 'MISSED'} {label}" for label, ok in checks]


def render(results: list[dict[str, object]]) -> str:
    lines = [
        f"API latency, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {results[0]['database']}, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "",
        "| customers | operation | HTTP p50 ms | HTTP p95 ms | HTTP p99 ms | server p50 ms | server p95 ms "
        "| p50 / healthz | n |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        rows = result["rows"]
        assert isinstance(rows, dict)
        for name, row in rows.items():
            lines.append(
                f"| {result['customers']:,} | {name} | {row['http_p50_ms']} | {row['http_p95_ms']} | "
                f"{row['http_p99_ms']} | {row['server_p50_ms']} | {row['server_p95_ms']} | "
                f"{row['http_p50_over_healthz']} | {row['n']} |"
            )
    lines.append("")
    for result in results:
        lines.append(f"{result['customers']:,} customers ({result['months']} months of history): "
                     + "; ".join(verdicts(result)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="comma-separated customer counts (default 10000,100000,1000000)")
    parser.add_argument("--requests", type=int, default=400, help="measured requests per operation")
    parser.add_argument("--seed", type=int, default=7, help="which customers are asked for")
    parser.add_argument("--postgres", metavar="ADMIN_URL", default=None,
                        help="run on PostgreSQL: a URL of the server's maintenance database, e.g. "
                             "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = [measure(size, args.requests, args.seed, args.postgres) for size in sizes]
    table = render(results)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = "api_latency_postgresql" if args.postgres else "api_latency"
    (RESULTS / f"{stem}.md").write_text(table + "\n", encoding="utf-8")
    (RESULTS / f"{stem}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
