"""A call center's load on one backend: how many agents it serves at p99 ≤ 100 ms with no errors.

    pip install -e '.[bench]'                          # Locust; not a console dependency
    python -m bench.load --mode sqlite                 # embedded default: SQLite, one process
    python -m bench.load --mode postgres --workers 1 --postgres postgresql+psycopg://postgres@127.0.0.1:5432/postgres
    python -m bench.load --mode postgres --workers 2 --postgres …
    python -m bench.load --storm 500 --postgres …      # 500 sign-ins within 60 s

The demo data (2,000 customers × 12 months, as `serve --demo` makes it) is generated once per
database (SQLite: bench/.cache/; PostgreSQL: a database `test_load_bench_<customers>` on the
server of `--postgres`). A real backend is started (`python -m backend serve --demo
--workers N`), and Locust (as a library, on this machine, one process) runs simulated users
with think time, as the console uses the API:

- agents: one action every 2 s, in turn: search by account number, open the customer in one
  round trip (`include=accounts,current_bills,plans`), its bills, a page of transactions; in
  about one action of twenty, a note instead;
- dispute handlers (one per 25 agents): every 10 s take the next case (`queue_empty` is fine)
  and read it;
- supervisors (one per 25 agents): every 60 s refresh the queue, the approvals and the stats.

The number of agents steps up (`--steps`); each step runs `--step-seconds` after everyone has
signed in. Reported per step: the p50/p95/p99 of each operation, errors, requests per second,
the CPU of the server (all its processes) and of the generator, and the load average of the
machine (the machine is shared: read every figure beside it). The ceiling is the largest step
with p99 ≤ 100 ms on every operation and no errors. Results go to bench/results/load.md
(appended: one section per run) and bench/results/load.json.
"""

from __future__ import annotations

# Locust runs on gevent: it patches the standard library first, before anything else imports it.
from locust import FastHttpUser, between, events, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import gevent
import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
P99_TARGET_MS = 100.0
# What the console asks when an agent opens a customer (console/api.py, `get_customer`).
INCLUDE = "accounts,current_bills,plans,alerts"
DEMO_PASSWORD = "demo"
# One user per simulated person, as in a call center (made once per bench database): a shared
# login signing in many times at once would meet the lockout, which counts a sign-in in flight
# as a failure until its password is checked (docs/reliability.md, "Lockout counted atomically").
BENCH_USERS = {"agent": ("bench-agent", 1000), "dispute_handler": ("bench-handler", 40),
               "supervisor": ("bench-super", 40)}


def _names(role: str) -> tuple[str, ...]:
    prefix, count = BENCH_USERS[role]
    return tuple(f"{prefix}-{i:04d}" for i in range(1, count + 1))


AGENTS = _names("agent")
HANDLERS = _names("dispute_handler")
SUPERVISORS = _names("supervisor")

# What the simulated users pick from, filled before the run (account numbers, ids of customers).
WORKLOAD: dict[str, list[Any]] = {"accounts": []}
_user_numbers = itertools.count()
SIGNED_IN = [0]  # users past their sign-in (measured apart: the sign-in storm)
SIGN_IN_FAILED = [0]  # users whose sign-in failed (they stop: a step without them is not valid)
# A sign-in answered 503 `overloaded` is tried again after Retry-After, as the console does
# (README "Overload is an answer"), at most this many times.
SIGN_IN_TRIES = 5


def _pick(names: tuple[str, ...]) -> str:
    return names[next(_user_numbers) % len(names)]


def paced(period: float) -> Callable[[Any], float]:
    """One action every `period` seconds, each user at a phase of its own drawn at random.

    Locust's `constant_pacing` keeps the phase of the moment a user started, and a step starts
    its users within a second or two, so they all act within the same millisecond every period:
    a burst no call center makes (agents on different calls act independently) that measured
    the queue behind the burst, not the server (p50 34 ms against 5 ms with the same users
    spread out, 10 agents). Here each user's actions are `period` apart on its own clock."""

    def wait(user: Any) -> float:
        now = time.monotonic()
        due = getattr(user, "_paced_next", None)
        due = now + random.uniform(0, period) if due is None else due + period
        user._paced_next = due
        return max(0.0, due - now)

    return wait


class SignedIn(FastHttpUser):
    abstract = True
    usernames: tuple[str, ...] = AGENTS

    def on_start(self) -> None:
        username = _pick(self.usernames)
        for attempt in range(1, SIGN_IN_TRIES + 1):
            with self.client.post(
                "/v1/auth/token", json={"username": username, "password": DEMO_PASSWORD}, name="sign in",
                catch_response=True,
            ) as response:
                if response.status_code == 503 and attempt < SIGN_IN_TRIES:
                    response.success()
                    retry_after = float(response.headers.get("retry-after") or 2)
                elif response.status_code != 200:
                    response.failure(f"sign-in {response.status_code}")
                    SIGN_IN_FAILED[0] += 1
                    self.stop()
                    return
                else:
                    token = response.json()["access_token"]
                    break
            gevent.sleep(retry_after)
        SIGNED_IN[0] += 1
        self.headers = {"Authorization": f"Bearer {token}"}


class Agent(SignedIn):
    """An agent on the phone: one action every 2 s."""

    wait_time = paced(2)
    weight = 25

    def on_start(self) -> None:
        super().on_start()
        self.rng = random.Random()
        self.step = 0
        self.account: tuple[int, int, str] = self.rng.choice(WORKLOAD["accounts"])

    @task
    def act(self) -> None:
        account_id, customer_id, number = self.account
        if self.rng.random() < 0.05:
            self.client.post(
                f"/v1/accounts/{account_id}/notes",
                json={"body": "Customer called about the bill; explained the minimum payment.", "channel": "phone"},
                headers={**self.headers, "Idempotency-Key": str(uuid.uuid4())},
                name="note",
            )
            return
        step = self.step % 4
        self.step += 1
        if step == 0:  # the next caller
            self.account = self.rng.choice(WORKLOAD["accounts"])
            account_id, customer_id, number = self.account
            self.client.get("/v1/customers", params={"q": number}, headers=self.headers, name="search")
        elif step == 1:
            self.client.get(
                f"/v1/customers/{customer_id}", params={"include": INCLUDE}, headers=self.headers, name="open"
            )
        elif step == 2:
            self.client.get(f"/v1/accounts/{account_id}/bills", headers=self.headers, name="bills")
        else:
            self.client.get(
                f"/v1/accounts/{account_id}/transactions", params={"limit": 50}, headers=self.headers,
                name="transactions",
            )


class Handler(SignedIn):
    """A dispute handler working the queue: takes the next case and reads it."""

    usernames = HANDLERS
    wait_time = between(8, 12)
    weight = 1

    @task
    def work(self) -> None:
        with self.client.post(
            "/v1/cases/take-next", json={}, headers={**self.headers, "Idempotency-Key": str(uuid.uuid4())},
            name="take next", catch_response=True,
        ) as response:
            if response.status_code == 404:  # queue_empty: a fine answer
                response.success()
                return
            if response.status_code != 200:
                return
            case_id = response.json()["id"]
        self.client.get(f"/v1/cases/{case_id}", headers=self.headers, name="case")


class Supervisor(SignedIn):
    """A supervisor's console: queue, approvals and stats refreshed every 60 s."""

    usernames = SUPERVISORS
    wait_time = paced(60)
    weight = 1

    @task
    def refresh(self) -> None:
        self.client.get("/v1/cases", params={"limit": 50}, headers=self.headers, name="queue")
        self.client.get("/v1/cases", params={"queue": "approvals", "limit": 50}, headers=self.headers,
                        name="approvals")
        self.client.get("/v1/cases/stats", headers=self.headers, name="stats")


# -- the database and the server ---------------------------------------------------------------


def ensure_database(customers: int, pg_admin_url: str | None) -> str:
    from bench.api_latency import _generate
    from bench.api_latency import ensure_database as ensure_sqlite

    if pg_admin_url is None:
        return ensure_sqlite(customers)
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"test_load_bench_{customers}"
    url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
            check = create_engine(url)
            with check.connect() as db:
                ready = db.execute(text("SELECT to_regclass('bench_ready') IS NOT NULL")).scalar_one()
            check.dispose()
            if ready:
                admin.dispose()
                return url
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    _generate(url, customers, name)
    marker = create_engine(url)
    with marker.begin() as db:
        db.execute(text("CREATE TABLE bench_ready (at timestamptz DEFAULT now())"))
        db.execute(text("ANALYZE"))
    marker.dispose()
    return url


def ensure_users(database_url: str) -> None:
    """The bench's users (BENCH_USERS), demo users with the demo password, made once."""
    from sqlalchemy import create_engine, select

    from backend.auth.models import User
    from backend.auth.passwords import hash_password
    from backend.auth.service import create_user
    from backend.db import make_sessionmaker

    engine = create_engine(database_url)
    with make_sessionmaker(engine)() as session:
        existing = set(session.scalars(select(User.username).where(User.username.like("bench-%"))))
        wanted = [(role, name) for role in BENCH_USERS for name in _names(role) if name not in existing]
        if wanted:
            password_hash = hash_password(DEMO_PASSWORD)  # one argon2 run, not one per user
            for role, name in wanted:
                create_user(session=session, username=name, display_name=name, role=role,
                            password=DEMO_PASSWORD, password_hash=password_hash, is_demo=True)
            session.commit()
    engine.dispose()


def load_workload(database_url: str) -> None:
    from sqlalchemy import create_engine, text

    ensure_users(database_url)
    engine = create_engine(database_url)
    with engine.connect() as db:
        WORKLOAD["accounts"] = [
            tuple(row) for row in db.execute(text("SELECT id, customer_id, account_number FROM accounts"))
        ]
    engine.dispose()


@dataclass
class Server:
    base_url: str
    process: subprocess.Popen[bytes]

    def processes(self) -> list[psutil.Process]:
        parent = psutil.Process(self.process.pid)
        return [parent, *parent.children(recursive=True)]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_server(database_url: str, workers: int) -> Server:
    from bench.api_latency import TODAY, free_port

    port = free_port()
    env = {**os.environ, "CREDITDESK_BUSINESS_DATE": TODAY.isoformat()}
    process = subprocess.Popen(
        [sys.executable, "-m", "backend", "serve", "--demo", "--database-url", database_url, "--port", str(port),
         "--workers", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    import urllib.request

    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the backend exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return Server(base_url, process)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the backend did not start within 300 s")


# -- measuring ---------------------------------------------------------------------------------


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


@dataclass
class Step:
    agents: int
    users: int
    seconds: float
    requests: int
    errors: int
    rps: float
    server_cpu: float  # cores busy (1.0 = one core)
    generator_cpu: float
    database_cpu: float  # PostgreSQL's processes (0 on SQLite: it runs inside the server)
    machine_cpu: float  # every process on the machine
    load_average: tuple[float, float, float]
    operations: dict[str, dict[str, float]] = field(default_factory=dict)
    error_samples: list[str] = field(default_factory=list)
    signed_in: int = 0  # of `users`, when the step began: fewer, and the step measured a smaller load

    @property
    def worst_p99(self) -> float:
        return max((op["p99"] for op in self.operations.values()), default=float("nan"))

    @property
    def ok(self) -> bool:
        return self.errors == 0 and self.worst_p99 <= P99_TARGET_MS and self.signed_in >= self.users


def run_step(env: Environment, server: Server, agents: int, step_seconds: float, warmup: float) -> Step:
    runner = env.runner
    assert runner is not None
    users = agents + 2 * max(1, agents // 25)  # agents, handlers and supervisors by weight
    # 25 new users a second: their sign-ins (argon2, ~40 ms of a core each) stay within what the
    # server can verify, so the ramp does not measure a sign-in storm (that is `--storm`).
    runner.start(users, spawn_rate=25)
    deadline = time.monotonic() + 120
    while (runner.user_count < users or SIGNED_IN[0] + SIGN_IN_FAILED[0] < users) and time.monotonic() < deadline:
        gevent.sleep(0.5)
    gevent.sleep(warmup)
    signed_in = SIGNED_IN[0]
    env.stats.reset_all()
    server_processes = server.processes()
    database_processes = [p for p in psutil.process_iter(["name"]) if p.info["name"] in ("postgres", "postmaster")]
    me = psutil.Process()
    server_before, me_before = cpu_seconds(server_processes), cpu_seconds([me])
    database_before = cpu_seconds(database_processes)
    machine_before = psutil.cpu_times()
    began = time.monotonic()
    gevent.sleep(step_seconds)
    elapsed = time.monotonic() - began
    server_cpu = (cpu_seconds(server_processes) - server_before) / elapsed
    generator_cpu = (cpu_seconds([me]) - me_before) / elapsed
    database_cpu = (cpu_seconds(database_processes) - database_before) / elapsed
    machine_after = psutil.cpu_times()
    machine_cpu = ((machine_after.user + machine_after.system + machine_after.nice)
                   - (machine_before.user + machine_before.system + machine_before.nice)) / elapsed
    load = os.getloadavg()
    operations = {}
    for (name, _method), entry in sorted(env.stats.entries.items()):
        if entry.num_requests == 0 or name == "sign in":
            continue
        operations[name] = {
            "count": entry.num_requests,
            "failures": entry.num_failures,
            "p50": float(entry.get_response_time_percentile(0.50)),
            "p95": float(entry.get_response_time_percentile(0.95)),
            "p99": float(entry.get_response_time_percentile(0.99)),
        }
    total = env.stats.total
    samples = [f"{e.name}: {e.error}" for e in list(env.stats.errors.values())[:5]]
    return Step(
        agents=agents, users=users, seconds=round(elapsed, 1), requests=total.num_requests,
        errors=total.num_failures, rps=round(total.num_requests / elapsed, 1), server_cpu=round(server_cpu, 2),
        generator_cpu=round(generator_cpu, 2), database_cpu=round(database_cpu, 2),
        machine_cpu=round(machine_cpu, 2), load_average=(round(load[0], 2), round(load[1], 2), round(load[2], 2)),
        operations=operations, error_samples=samples, signed_in=signed_in,
    )


def ramp(server: Server, steps: list[int], step_seconds: float, warmup: float) -> list[Step]:
    env = Environment(user_classes=[Agent, Handler, Supervisor], host=server.base_url, events=events)
    env.create_local_runner()
    results = []
    try:
        for agents in steps:
            step = run_step(env, server, agents, step_seconds, warmup)
            results.append(step)
            print(format_step(step), flush=True)
            if step.worst_p99 > 4 * P99_TARGET_MS or step.errors > step.requests * 0.01:
                break  # far past the ceiling: the next step tells nothing more
    finally:
        assert env.runner is not None
        env.runner.quit()
    return results


def storm(server: Server, count: int, within: float) -> dict[str, Any]:
    """`count` sign-ins spread evenly over `within` seconds, each on its own connection, each
    by another agent (a shift starting)."""
    import urllib.error
    import urllib.request

    latencies: list[float] = []
    failures: list[str] = []

    def sign_in(username: str) -> None:
        body = json.dumps({"username": username, "password": DEMO_PASSWORD}).encode()
        request = urllib.request.Request(
            server.base_url + "/v1/auth/token", data=body, headers={"Content-Type": "application/json"}
        )
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                answer.read()
            latencies.append((time.perf_counter() - began) * 1000)
        except urllib.error.HTTPError as error:
            failures.append(f"{error.code}")
        except OSError as error:
            failures.append(str(error))

    server_processes = server.processes()
    before = cpu_seconds(server_processes)
    began = time.monotonic()
    greenlets = []
    for i in range(count):
        gevent.sleep(max(0.0, began + i * within / count - time.monotonic()))
        greenlets.append(gevent.spawn(sign_in, AGENTS[i % len(AGENTS)]))  # each agent signs in once
    gevent.joinall(greenlets)
    elapsed = time.monotonic() - began
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 1) if ordered else float("nan")

    return {
        "sign_ins": count, "within_s": within, "took_s": round(elapsed, 1), "ok": len(latencies),
        "errors": len(failures), "error_samples": failures[:5], "p50": pct(0.5), "p95": pct(0.95), "p99": pct(0.99),
        "server_cpu": round((cpu_seconds(server_processes) - before) / elapsed, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# -- reporting ---------------------------------------------------------------------------------


def format_step(step: Step) -> str:
    ops = ", ".join(f"{name} {op['p50']:.0f}/{op['p95']:.0f}/{op['p99']:.0f}" for name, op in step.operations.items())
    verdict = "OK" if step.ok else "over"
    return (
        f"{step.agents:4d} agents ({step.signed_in} of {step.users} users signed in): {step.rps:6.1f} req/s, {step.errors} errors, "
        f"worst p99 {step.worst_p99:.0f} ms [{verdict}]; CPU cores: server {step.server_cpu:.2f}, "
        f"database {step.database_cpu:.2f}, generator {step.generator_cpu:.2f}, machine {step.machine_cpu:.2f} of "
        f"{os.cpu_count()}; load {step.load_average[0]:.2f} | p50/p95/p99 ms: {ops}"
    )


def report(label: str, steps: list[Step], storm_result: dict[str, Any] | None, args: argparse.Namespace) -> str:
    ceiling = max((s.agents for s in steps if s.ok), default=0)
    lines = [
        f"## {label}: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        f"{os.cpu_count()} cores shared with other work (load average beside each figure), Python "
        f"{sys.version.split()[0]}, {args.customers:,} customers, generator on the same machine.",
        "",
    ]
    if steps:
        lines += [
            f"Ceiling (p99 ≤ {P99_TARGET_MS:.0f} ms on every operation, 0 errors, every user signed in): "
            f"**{ceiling} agents**"
            + (" (no step met it)" if not ceiling else ""),
            "",
            "| agents | users (signed in) | req/s | errors | worst p99 ms | CPU: server | database | generator | whole machine "
            "(cores) | load avg 1m |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for s in steps:
            lines.append(
                f"| {s.agents} | {s.users} ({s.signed_in}) | {s.rps} | {s.errors} | {s.worst_p99:.0f} | {s.server_cpu} | "
                f"{s.database_cpu} | {s.generator_cpu} | {s.machine_cpu} | {s.load_average[0]} |"
            )
        lines += ["", "p50 / p95 / p99 (ms) per operation:", ""]
        names = sorted({name for s in steps for name in s.operations})
        lines += ["| agents | " + " | ".join(names) + " |", "|---:|" + "---|" * len(names)]
        for s in steps:
            cells = [
                f"{s.operations[n]['p50']:.0f} / {s.operations[n]['p95']:.0f} / {s.operations[n]['p99']:.0f}"
                if n in s.operations else "" for n in names
            ]
            lines.append(f"| {s.agents} | " + " | ".join(cells) + " |")
        errors = [e for s in steps for e in s.error_samples]
        if errors:
            lines += ["", "Errors seen: " + "; ".join(sorted(set(errors))[:8])]
    if storm_result:
        lines += [
            "",
            f"Sign-in storm: {storm_result['sign_ins']} sign-ins spread over {storm_result['within_s']:.0f} s: "
            f"{storm_result['ok']} OK, {storm_result['errors']} errors, took {storm_result['took_s']} s; "
            f"p50/p95/p99 {storm_result['p50']}/{storm_result['p95']}/{storm_result['p99']} ms; "
            f"server CPU {storm_result['server_cpu']} cores; load {storm_result['load_average'][0]}",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--postgres", metavar="ADMIN_URL", default=None,
                        help="a PostgreSQL server to make the bench database on (needed for --mode postgres)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--steps", default="50,100,200,300,400,500,600,800")
    parser.add_argument("--step-seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--storm", type=int, default=0, help="only a sign-in storm of this many (in --storm-seconds)")
    parser.add_argument("--storm-seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    pg = args.postgres if args.mode == "postgres" or (args.storm and args.postgres) else None
    if args.mode == "postgres" and pg is None:
        parser.error("--mode postgres needs --postgres ADMIN_URL")

    database_url = ensure_database(args.customers, pg)
    load_workload(database_url)
    server = start_server(database_url, args.workers)
    label = f"{'PostgreSQL' if pg else 'SQLite'}, {args.workers} worker{'s' if args.workers > 1 else ''}"
    try:
        if args.storm:
            steps: list[Step] = []
            storm_result: dict[str, Any] | None = storm(server, args.storm, args.storm_seconds)
            label = f"Sign-in storm, {label}"
            print(storm_result, flush=True)
        else:
            steps = ramp(server, [int(s) for s in args.steps.split(",")], args.step_seconds, args.warmup)
            storm_result = None
    finally:
        server.stop()
    text = report(label, steps, storm_result, args)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    with (RESULTS / "load.md").open("a", encoding="utf-8") as out:
        out.write("\n" + text)
    record = {"label": label, "at": datetime.now(timezone.utc).isoformat(), "storm": storm_result,
              "steps": [{**s.__dict__, "worst_p99": s.worst_p99, "ok": s.ok} for s in steps]}
    history = RESULTS / "load.json"
    runs = json.loads(history.read_text()) if history.exists() else []
    runs.append(record)
    history.write_text(json.dumps(runs, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
