"""Backend settings, read from the environment (prefix CREDITDESK_)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "CreditDesk"


def default_database_url() -> str:
    data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'creditdesk.sqlite3'}"


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
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
