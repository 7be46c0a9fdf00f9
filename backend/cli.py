"""`python -m backend <command>`: migrate, seed, serve, eod, create-user, verify-audit."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from backend.auth.models import ROLES
from backend.db import make_engine, make_sessionmaker, transaction
from backend.settings import Settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_REFUSED = 2


def _session_factory(database_url: str) -> sessionmaker[Session]:
    return make_sessionmaker(make_engine(database_url))


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("expected YYYY-MM-DD") from exc


def cmd_migrate(args: argparse.Namespace) -> int:
    from backend.migrate import upgrade

    upgrade(args.database_url)
    print("Database is at the newest schema.")
    return EXIT_OK


def cmd_seed(args: argparse.Namespace) -> int:
    from backend.auth.service import ensure_demo_users
    from backend.migrate import upgrade
    from backend.seed.cases import seed_caseload
    from backend.seed.demo import rewind_sequences, seed_demo

    upgrade(args.database_url)
    factory = _session_factory(args.database_url)
    seed_demo(factory, customers=args.customers, seed=args.seed, months=args.months, today=args.today,
              batch_size=args.batch_size, workers=args.workers)
    with transaction(factory) as session:
        rewind_sequences(session)  # ids a run killed in this transaction drew are taken again
        ensure_demo_users(session=session)
    cases = seed_caseload(factory, today=args.today)
    print(f"Seeded {args.customers} customers (seed {args.seed}), the demo users and {cases} cases.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from backend.auth.service import demo_users_exist
    from backend.migrate import schema_is_current, upgrade

    settings = Settings.from_env(database_url=args.database_url, demo_mode=bool(args.demo) or None)
    if settings.demo_mode:
        upgrade(settings.database_url)  # a demo backend makes itself ready
    elif not schema_is_current(settings.database_url):
        # Several workers (or servers) starting at once must not race on migrations: the
        # schema is brought up to date once, by whoever deploys, before serving.
        print(
            "Refusing to start: the database schema is older than this version of CreditDesk. "
            "Run `python -m backend migrate` (with the same --database-url) first, then start again.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    engine = make_engine(settings.database_url, pool_size=1)
    factory = make_sessionmaker(engine)
    if settings.demo_mode:
        prepare_demo(factory)
    with transaction(factory) as session:
        has_demo_users = demo_users_exist(session=session)
    if has_demo_users and not settings.demo_mode:
        engine.dispose()
        print(
            "Refusing to start: this database has demo users (password 'demo'). "
            "Start with --demo for a demo backend, or use a database without demo users.",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    workers = args.workers or os.cpu_count() or 1
    connections = connections_per_worker(engine, settings.db_connections, workers)
    engine.dispose()
    # Each worker builds its app from the environment (`backend.app.app_from_env`).
    os.environ["CREDITDESK_DATABASE_URL"] = settings.database_url
    os.environ["CREDITDESK_DB_CONNECTIONS"] = str(connections)
    if settings.demo_mode:
        os.environ["CREDITDESK_DEMO"] = "1"
    mode = " (demo mode)" if settings.demo_mode else ""
    print(
        f"CreditDesk servicing API listening on http://{args.host}:{args.port}{mode}: "
        f"{workers} worker{'s' if workers > 1 else ''}, {connections} database connections each",
        flush=True,
    )
    uvicorn.run(
        "backend.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=workers,
        log_level=args.log_level,
        access_log=args.log_level == "debug",
        server_header=False,
    )
    return EXIT_OK


# Connections left for everything but the workers: `migrate`, `eod`, psql, monitoring.
RESERVED_CONNECTIONS = 10
# Each worker's own connection besides its pool: the token change listener (backend/auth/checked_tokens.py).
LISTENER_CONNECTIONS = 1


def connections_per_worker(engine: Engine, wanted: int, workers: int) -> int:
    """How many pooled connections each of `workers` processes gets: `wanted`
    (`CREDITDESK_DB_CONNECTIONS`), but on PostgreSQL no more than an equal share of
    `max_connections`, less the superuser reserve and `RESERVED_CONNECTIONS`, and less each
    worker's listening connection, so that all workers together stay under the server's limit.
    (Past that: pgbouncer, see the README.)"""
    if engine.dialect.name != "postgresql":
        return wanted
    with engine.connect() as connection:
        limit = int(connection.exec_driver_sql("SHOW max_connections").scalar_one())
        reserved = int(connection.exec_driver_sql("SHOW superuser_reserved_connections").scalar_one())
    share = (limit - reserved - RESERVED_CONNECTIONS) // workers - LISTENER_CONNECTIONS
    if share < 1:
        raise SystemExit(
            f"PostgreSQL allows {limit} connections: too few for {workers} workers. "
            "Start fewer workers, raise max_connections, or put pgbouncer in front."
        )
    return max(1, min(wanted, share))


DEMO_SEED = 1
DEMO_MONTHS = 12


def prepare_demo(
    factory: sessionmaker[Session],
    customers: int = 2000,
    *,
    workers: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> bool:
    """Make a demo backend ready: demo data on an empty database, the demo users, and end of
    day caught up to yesterday (a demo database reopened days later has days to close).

    `progress` gets a sentence at each step (default: printed); returns True when it seeded."""
    from datetime import timedelta

    from sqlalchemy import func, select

    from backend.auth.service import ensure_demo_users
    from backend.billing.eod import run_end_of_day
    from backend.clock import BusinessClock
    from backend.customers.models import Customer
    from backend.seed.cases import seed_caseload
    from backend.seed.demo import seed_demo

    report = progress or (lambda message: print(message, flush=True))
    with transaction(factory) as session:
        existing = int(session.execute(select(func.count(Customer.id))).scalar_one())
    seeding = existing < customers
    if seeding:
        # A first start stopped part-way (the window closed, the machine slept) finishes here.
        report(f"First start: generating the demo data ({customers} customers, 12 months)…")
        seed_demo(
            factory,
            customers=customers,
            seed=DEMO_SEED,
            months=DEMO_MONTHS,
            workers=workers,
            progress=lambda done: report(f"Generating the demo data… {existing + done} of {customers} customers."),
        )
    with transaction(factory) as session:
        ensure_demo_users(session=session)
    if seed_caseload(factory, at=BusinessClock.from_env().now()):  # only where there is none yet
        report("Opened the demo caseload.")
    report("Catching up end of day…")
    with transaction(factory) as session:
        summary = run_end_of_day(session, BusinessClock.from_env().today() - timedelta(days=1))
    if summary.accounts:
        report(f"Caught up end of day for {summary.accounts} accounts.")
    return seeding


def cmd_eod(args: argparse.Namespace) -> int:
    from backend.billing.eod import run_end_of_day_in_batches

    factory = _session_factory(args.database_url)
    summary = run_end_of_day_in_batches(factory, args.date)
    print(
        f"End of day done for {args.date.isoformat()}: {summary.accounts} accounts closed, "
        f"{summary.statements} statements cut, {summary.postings} postings, "
        f"{summary.newly_overdue} newly overdue."
    )
    from backend.billing.reconcile import reconcile

    with transaction(factory) as session:  # report only: end of day is done either way
        print("\n".join(reconcile(session, args.date + timedelta(days=1)).lines()))
    return EXIT_OK


def cmd_create_user(args: argparse.Namespace) -> int:
    from backend.audit.service import record_audit
    from backend.auth.service import create_user
    from backend.errors import Problem

    password = args.password
    if password is None:
        password = getpass.getpass(f"Password for {args.username}: ")
        if getpass.getpass("Repeat the password: ") != password:
            print("The passwords differ; no user created.", file=sys.stderr)
            return EXIT_FAILED
    if not password:
        print("The password must not be empty.", file=sys.stderr)
        return EXIT_FAILED
    factory = _session_factory(args.database_url)
    try:
        with transaction(factory) as session:
            user = create_user(
                session=session,
                username=args.username,
                display_name=args.display_name or args.username,
                role=args.role,
                password=password,
            )
            user_id = user.id
            record_audit(session=session, action="user.create", entity_type="user", entity_id=user.id,
                         after={"username": user.username, "display_name": user.display_name, "role": user.role,
                                "active": True}, actor_role="system")
    except Problem as problem:
        details = "; ".join(f"{field}: {', '.join(msgs)}" for field, msgs in (problem.errors or {}).items())
        print(f"{problem.detail or problem.title}{' ' + details if details else ''}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Created user {args.username} ({args.role}) with id {user_id}.")
    return EXIT_OK


def cmd_verify_audit(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from sqlalchemy.engine import make_url

    from backend.audit.keys import Anchor, anchor_file, read_anchor, write_anchor
    from backend.audit.service import check_audit_chain

    database = make_url(args.database_url).render_as_string(hide_password=True)
    anchor = read_anchor(database)
    factory = _session_factory(args.database_url)
    with transaction(factory) as session:
        report = check_audit_chain(session, anchor=anchor)
    if not report.ok:
        print(f"BROKEN: the audit chain breaks at record {report.first_broken_id}.")
        if anchor is not None and report.first_broken_id == anchor.last_id:
            print(f"(The last verification, {anchor.verified_at}, saw {anchor.record_count} records ending at "
                  f"record {anchor.last_id}; see {anchor_file()}.)")
        return EXIT_FAILED
    write_anchor(database, Anchor(record_count=report.record_count, last_id=report.last_id,
                                  last_hash=report.last_hash,
                                  verified_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
    print(f"OK: the audit chain of {report.record_count} records verifies.")
    return EXIT_OK


def cmd_reconcile(args: argparse.Namespace) -> int:
    """Check the book's invariants (docs/rules.md, "Reconciliation"); non-zero on any break."""
    from backend.billing.reconcile import reconcile
    from backend.clock import BusinessClock

    factory = _session_factory(args.database_url)
    with transaction(factory) as session:
        result = reconcile(session, BusinessClock.from_env().today())
    print("\n".join(result.lines()))
    return EXIT_OK if result.ok else EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m backend", description="CreditDesk servicing backend")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, handler: Callable[[argparse.Namespace], int], help_text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "--database-url",
            default=None,
            help="SQLAlchemy URL (default: CREDITDESK_DATABASE_URL or the embedded SQLite file)",
        )
        sub.set_defaults(handler=handler)
        return sub

    add("migrate", cmd_migrate, "create or upgrade the schema")

    seed = add("seed", cmd_seed, "generate the deterministic demo data and the demo users")
    seed.add_argument("--customers", type=_positive_int, default=2000)
    seed.add_argument("--seed", type=int, default=1)
    seed.add_argument("--months", type=_positive_int, default=12, help="months of history")
    seed.add_argument("--today", type=_iso_date, default=None, help="business date the history ends on")
    seed.add_argument("--batch-size", type=_positive_int, default=500, help="customers stored per transaction")
    seed.add_argument("--workers", type=_positive_int, default=None, help="simulation processes")

    serve = add("serve", cmd_serve, "run the HTTP API (the schema must be current; --demo migrates)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="demo mode: demo users may sign in")
    serve.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        help="worker processes (default 1; 0: one per CPU core); each gets an equal share of "
        "PostgreSQL's max_connections, at most CREDITDESK_DB_CONNECTIONS (default 4)",
    )
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )

    eod = add("eod", cmd_eod, "run the end-of-day job for one business date")
    eod.add_argument("--date", type=_iso_date, required=True)

    create_user = add("create-user", cmd_create_user, "add a user")
    create_user.add_argument("username")
    create_user.add_argument("--role", required=True, choices=ROLES)
    create_user.add_argument("--display-name", default=None)
    create_user.add_argument("--password", default=None, help="default: ask on the terminal")

    add("verify-audit", cmd_verify_audit, "check the audit trail's hash chain")
    add("reconcile", cmd_reconcile, "check that the book reconciles (bills, balances, plans, claims)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.database_url is None:
        args.database_url = Settings.from_env().database_url
    return int(args.handler(args))
