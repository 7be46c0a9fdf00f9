"""Where the console keeps its files: the user data directory.

`platformdirs.user_data_dir("CreditDesk")` (e.g. `~/.local/share/CreditDesk`), or the
directory in the environment variable `CREDITDESK_DATA_DIR` (tests and screenshots set it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import platformdirs

__all__ = ["APP_NAME", "DATA_DIR_ENV", "data_dir", "database_path", "log_dir", "outbox_path"]

APP_NAME: Final = "CreditDesk"
DATA_DIR_ENV: Final = "CREDITDESK_DATA_DIR"


def data_dir(*, create: bool = True) -> Path:
    """The user data directory (created unless `create=False`)."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    path = Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    """The embedded backend's SQLite file."""
    return data_dir() / "creditdesk.sqlite3"


def outbox_path() -> Path:
    """The offline outbox's SQLite file (writes waiting for the backend)."""
    return data_dir() / "outbox.sqlite3"


def log_dir() -> Path:
    """Where the console writes its log files."""
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
