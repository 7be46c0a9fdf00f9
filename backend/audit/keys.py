"""What anchors the audit chain outside the database (docs/reliability.md, "Audit").

- The key: every record's hash is an HMAC-SHA256 keyed with a secret that is not in the
  database, so someone who can write the database cannot recompute the hashes of records they
  edited. It comes from `CREDITDESK_AUDIT_KEY` (at least 32 characters), else from the file
  `CREDITDESK_AUDIT_KEY_FILE`, else from `audit.key` in the data directory (`CREDITDESK_DATA_DIR`
  or the user data directory), created with 32 random bytes on first use. Keep it like a
  password: back it up with the database's backups but not next to them; without it the chain
  cannot be verified.
- The anchor: `verify-audit` writes the count and the head (last id and hash) it verified to
  `CREDITDESK_AUDIT_ANCHOR_FILE` or `audit-anchors.json` in the data directory, one entry per
  database, and checks the next run against it: records deleted from the end (and the head moved
  back) or a rewritten past are found even if the rest of the chain was made consistent.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs

from backend.settings import APP_NAME

KEY_ENV = "CREDITDESK_AUDIT_KEY"
KEY_FILE_ENV = "CREDITDESK_AUDIT_KEY_FILE"
ANCHOR_FILE_ENV = "CREDITDESK_AUDIT_ANCHOR_FILE"
DATA_DIR_ENV = "CREDITDESK_DATA_DIR"
MIN_KEY_CHARS = 32


class AuditKeyError(RuntimeError):
    """The audit key is missing or unusable."""


def data_dir() -> Path:
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(configured) if configured else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def key_file() -> Path:
    configured = os.environ.get(KEY_FILE_ENV, "").strip()
    return Path(configured) if configured else data_dir() / "audit.key"


@lru_cache(maxsize=8)
def _key_from_file(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
    text = path.read_text(encoding="ascii").strip()
    if len(text) < MIN_KEY_CHARS:
        raise AuditKeyError(f"The audit key in {path} is shorter than {MIN_KEY_CHARS} characters.")
    return text.encode("ascii")


def audit_key() -> bytes:
    """The key of the audit chain's HMAC (see the module's docstring)."""
    configured = os.environ.get(KEY_ENV, "")
    if configured:
        if len(configured) < MIN_KEY_CHARS:
            raise AuditKeyError(f"{KEY_ENV} must be at least {MIN_KEY_CHARS} characters.")
        return configured.encode("utf-8")
    return _key_from_file(key_file())


@dataclass(frozen=True)
class Anchor:
    """What `verify-audit` last verified of one database: how many records, and the last one."""

    record_count: int
    last_id: int | None
    last_hash: str
    verified_at: str


def anchor_file() -> Path:
    configured = os.environ.get(ANCHOR_FILE_ENV, "").strip()
    return Path(configured) if configured else data_dir() / "audit-anchors.json"


def _anchors() -> dict[str, dict[str, object]]:
    path = anchor_file()
    if not path.exists():
        return {}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def read_anchor(database: str) -> Anchor | None:
    entry = _anchors().get(database)
    if not isinstance(entry, dict):
        return None
    return Anchor(**entry)  # type: ignore[arg-type]


def write_anchor(database: str, anchor: Anchor) -> None:
    anchors = _anchors()
    anchors[database] = asdict(anchor)
    path = anchor_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(anchors, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)
