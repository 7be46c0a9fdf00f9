"""Remembering a login: the token in the system keyring, one entry per server.

The entry is under service `CreditDesk`, with the server's URL (normalised) as the keyring
"username", and holds `{"username", "token", "expires_at"}` as JSON, so `recall(server_url)`
gives back who was signed in and their token. Passwords are never stored.

The embedded backend moves to a new free port on every start; key its logins with
`embedded_server_key(database_path)` instead of its URL (its tokens live in its database and
stay valid across restarts).

Without a usable keyring (the `fail` or `null` backend, an empty chainer, or errors such as
`NoKeyringError` or a locked keyring), nothing is remembered: `remember` returns False, and
`keyring_usable()` is False, so the UI can tell the user once, with `NOT_REMEMBERED_MESSAGE`.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Final, NamedTuple
from urllib.parse import urlsplit, urlunsplit

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

__all__ = [
    "KEYRING_SERVICE",
    "NOT_REMEMBERED_MESSAGE",
    "RememberedLogin",
    "embedded_server_key",
    "forget",
    "keyring_usable",
    "recall",
    "remember",
    "server_key",
]

log = logging.getLogger(__name__)

KEYRING_SERVICE: Final = "CreditDesk"
NOT_REMEMBERED_MESSAGE: Final = (
    "This computer has no usable password store, so your sign-in cannot be remembered; "
    "you will be asked for your password at each start."
)


class RememberedLogin(NamedTuple):
    """Who was signed in at a server, and their bearer token."""

    username: str
    token: str


def server_key(server_url: str) -> str:
    """The keyring entry name for a server: scheme and host in lower case, no trailing slash."""
    text = server_url.strip()
    if text.startswith("embedded:"):
        return text
    parts = urlsplit(text)
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


def embedded_server_key(database_path: Path) -> str:
    """The keyring entry name for the embedded backend on `database_path` (its port changes)."""
    return f"embedded:{Path(database_path).resolve()}"


def keyring_usable() -> bool:
    """True when the active keyring backend can store secrets (not fail/null/empty chainer)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration is just "no keyring"
        log.warning("the keyring could not be loaded", exc_info=True)
        return False
    return _usable(backend)


def _usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return True


def remember(server_url: str, username: str, token: str, *, expires_at: datetime | None = None) -> bool:
    """Store the login for `server_url`; True if it was stored, False without a usable keyring."""
    if not keyring_usable():
        return False
    value = {
        "username": username,
        "token": token,
        "expires_at": expires_at.isoformat() if expires_at is not None else None,
    }
    try:
        keyring.set_password(KEYRING_SERVICE, server_key(server_url), json.dumps(value))
    except (KeyringError, OSError, RuntimeError):
        log.warning("the keyring refused to store the login", exc_info=True)
        return False
    return True


def recall(server_url: str, *, now: datetime | None = None) -> RememberedLogin | None:
    """The remembered login for `server_url`, or None (none, unreadable, expired, or no keyring).
    An expired or unreadable entry is forgotten."""
    if not keyring_usable():
        return None
    key = server_key(server_url)
    try:
        stored = keyring.get_password(KEYRING_SERVICE, key)
    except (KeyringError, OSError, RuntimeError):
        log.warning("the keyring could not be read", exc_info=True)
        return None
    if stored is None:
        return None
    try:
        value = json.loads(stored)
        login = RememberedLogin(username=str(value["username"]), token=str(value["token"]))
        expires_at = value.get("expires_at")
        expired = expires_at is not None and datetime.fromisoformat(expires_at) <= (
            now or datetime.now(timezone.utc)
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        log.warning("forgetting an unreadable keyring entry for %s", key)
        forget(server_url)
        return None
    if expired:
        forget(server_url)
        return None
    return login


def forget(server_url: str) -> None:
    """Remove the remembered login for `server_url` (nothing happens if there is none)."""
    if not keyring_usable():
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, server_key(server_url))
    except PasswordDeleteError:
        pass
    except (KeyringError, OSError, RuntimeError):
        log.warning("the keyring could not delete the login", exc_info=True)
