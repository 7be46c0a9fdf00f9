"""Backend settings, read from the environment (prefix CREDITDESK_)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "CreditDesk"


# The console's data directory (console/paths.py reads the same variable): a backend started
# from the command line with it set uses the database there, not a second one in the home directory.
DATA_DIR_ENV = "CREDITDESK_DATA_DIR"


def default_database_url() -> str:
    """The SQLite file in `CREDITDESK_DATA_DIR`, else in the user data directory."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    data_dir = Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'creditdesk.sqlite3'}"


@dataclass(frozen=True)
class Policy:
    """The limits of DESIGN.md §3 that the business may change: agents' authority over repayment
    arrangements and the four-eyes threshold for dispute outcomes. Money in fen.

    Override any of them with `CREDITDESK_POLICY`, a JSON object of these field names,
    e.g. `{"fee_waiver_agent_limit_fen": 10000}`.
    """

    # due_date_extension: days an agent may grant alone / at most with a supervisor; once per window.
    extension_agent_max_days: int = 3
    extension_max_days: int = 10
    extension_window_days: int = 365
    # hardship_plan: months an agent may grant alone; the range with a supervisor; the penalty
    # waiver an agent may include alone; missed payments that break the plan.
    hardship_agent_max_months: int = 12
    hardship_min_months: int = 3
    hardship_max_months: int = 60
    hardship_agent_penalty_waiver_fen: int = 20_000
    hardship_missed_payments_to_break: int = 2
    # fee_waiver: what an agent may waive alone per account over the rolling window.
    fee_waiver_agent_limit_fen: int = 5_000
    fee_waiver_window_days: int = 90
    # promise_to_pay: how far out the promised date may be.
    promise_max_days: int = 14
    # disputes: outcomes above this need a supervisor's approval (four eyes).
    dispute_outcome_approval_over_fen: int = 200_000
    # disputes SLA: acknowledge (business days), decide (days), extensions (days in total).
    dispute_acknowledge_business_days: int = 1
    dispute_decide_days: int = 15
    dispute_handler_extension_days: int = 30
    dispute_supervisor_extension_days: int = 60
    # fraud SLA: first review (hours) and decision (days).
    fraud_first_review_hours: int = 4
    fraud_decide_days: int = 7
    # arrangements awaiting approval: the approvals queue's deadline (business days).
    approval_business_days: int = 1

    @classmethod
    def from_json(cls, text: str) -> Policy:
        import json

        values = json.loads(text)
        if not isinstance(values, dict):
            raise ValueError("CREDITDESK_POLICY must be a JSON object")
        known = set(cls.__dataclass_fields__)
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"CREDITDESK_POLICY has unknown limits: {', '.join(sorted(unknown))}")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values.values()):
            raise ValueError("CREDITDESK_POLICY limits must be non-negative integers")
        return cls(**values)


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=default_database_url)
    # Allow demo users (password "demo") to log in; only for the embedded console or `serve --demo`.
    demo_mode: bool = False
    token_lifetime_hours: int = 8
    login_max_failures: int = 5
    login_failure_window_minutes: int = 15
    login_lockout_minutes: int = 15
    reveals_per_user_per_hour: int = 20
    idempotency_retention_days: int = 7
    # Request bodies over this are refused with 413 before they are read (CREDITDESK_MAX_BODY_BYTES).
    max_body_bytes: int = 1_048_576
    policy: Policy = field(default_factory=Policy)
    # Concurrency, chosen together (README "Load"): at most `db_connections` requests of a
    # worker are in flight at once (the others wait at the door for `db_wait_seconds`, then get
    # 503 `overloaded`); each in-flight request runs its database work one thread-pool call at a
    # time, holding at most one connection; the thread pool and the connection pool both have
    # `db_connections` places, so no thread ever waits for a connection. Few: a worker runs Python
    # one thread at a time (the GIL), so more requests in flight only take turns more often; at
    # 500 simulated agents on 2 workers, 4 places kept p99 near 100 ms where 20 let it reach
    # 0.4–1.9 s (docs/load.md, "Requests in flight").
    db_connections: int = 4
    db_wait_seconds: float = 5.0
    # SQLite: how long a writer waits for another's write lock before 503 `overloaded`.
    sqlite_busy_seconds: float = 5.0
    # A serving process on PostgreSQL answers a token it checked less than this long ago without
    # reading it again; every change to a user or a token is heard at once, this only bounds what
    # is changed outside the application (`backend.auth.checked_tokens`). 0: read every time.
    token_check_seconds: float = 30.0
    # Where the token change listener connects: PostgreSQL itself. Set it when
    # `database_url` points at pgbouncer in transaction pooling, which does not pass LISTEN on.
    listen_database_url: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        url = os.environ.get("CREDITDESK_DATABASE_URL")
        if url:
            values["database_url"] = url
        if os.environ.get("CREDITDESK_DEMO", "").lower() in {"1", "true", "yes"}:
            values["demo_mode"] = True
        reveals = os.environ.get("CREDITDESK_REVEALS_PER_HOUR")
        if reveals:
            values["reveals_per_user_per_hour"] = int(reveals)
        max_body = os.environ.get("CREDITDESK_MAX_BODY_BYTES")
        if max_body:
            values["max_body_bytes"] = int(max_body)
        connections = os.environ.get("CREDITDESK_DB_CONNECTIONS")
        if connections:
            values["db_connections"] = max(1, int(connections))
        wait = os.environ.get("CREDITDESK_DB_WAIT_SECONDS")
        if wait:
            values["db_wait_seconds"] = float(wait)
        busy = os.environ.get("CREDITDESK_SQLITE_BUSY_SECONDS")
        if busy:
            values["sqlite_busy_seconds"] = float(busy)
        token_check = os.environ.get("CREDITDESK_TOKEN_CHECK_SECONDS")
        if token_check:
            values["token_check_seconds"] = max(0.0, float(token_check))
        listen_url = os.environ.get("CREDITDESK_LISTEN_DATABASE_URL")
        if listen_url:
            values["listen_database_url"] = listen_url
        policy = os.environ.get("CREDITDESK_POLICY")
        if policy:
            values["policy"] = Policy.from_json(policy)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
