"""Access tokens this process has checked recently, and how it hears that one has changed.

Every signed-in request needs its token's owner. Reading it from the database costs a statement
and a hop to the thread pool before the handler's own hop; under a call center's load that was
a sixth of a worker's CPU, and every hop is another wait for the interpreter (docs/load.md, "The
token check"). So a serving process keeps, for `seconds`, the row it read for each token it
checked, and answers the next request with the same token from it, on the event loop.

Kept only where every change is heard at once, so that a sign-out, a disabled user, a new role
or a password change counts from the next request, on every process:

- in this process, a commit that changes a user or a token forgets that user's tokens
  (`_forget_after_commit`);
- on PostgreSQL, the same transaction sends `NOTIFY creditdesk_token_changes` with the user's
  id, delivered only if it commits, and every serving process listens (`TokenChangeListener`)
  and forgets that user's tokens;
- while a process is not listening (starting, or its listening connection was lost) it keeps
  nothing and checks every token in the database; when it listens again it starts empty.

`seconds` bounds what no commit of this application announces (a row changed by hand in psql).
The expiry, the revocation and the user's `active` and demo flags are read again from the kept
row on every request (`backend.auth.service.live_owner`). A read that began before any token
was forgotten is not kept (`generation`), so a read racing a sign-out cannot bring the old row
back. SQLite has no such channel between processes, so `serve` on SQLite checks every token in
the database.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from backend.auth.models import AuthToken, User

log = logging.getLogger(__name__)

CHANNEL = "creditdesk_token_changes"
# Tokens kept at most; past it the oldest are dropped (a call center has a few thousand agents).
MAX_KEPT = 20_000


class CheckedTokens:
    """Token digest → the owner row read for it, each for `seconds`. Reads (`get`) happen on the
    event loop without a lock: a dict lookup is atomic under the GIL. Changes take the lock."""

    def __init__(self, seconds: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._rows: dict[str, tuple[dict[str, Any], float]] = {}
        self._lock = threading.Lock()
        self.generation = 0  # advances whenever anything is forgotten
        self.listening = False  # only a listening cache is read or filled
        _every_cache.add(self)

    def get(self, digest: str) -> dict[str, Any] | None:
        if not self.listening:
            return None
        kept = self._rows.get(digest)
        if kept is None or self._clock() - kept[1] >= self.seconds:
            return None
        return kept[0]

    def keep(self, digest: str, row: dict[str, Any], generation: int) -> None:
        """Keep `row`, read for `digest` by a check that began at `generation`, unless anything
        was forgotten since (then the row may predate the change that made it forgotten)."""
        with self._lock:
            if not self.listening or generation != self.generation:
                return
            if len(self._rows) >= MAX_KEPT:
                for oldest in list(self._rows)[: MAX_KEPT // 10]:
                    del self._rows[oldest]
            self._rows[digest] = (row, self._clock())

    def forget_users(self, user_ids: Iterable[int]) -> None:
        wanted = set(user_ids)
        with self._lock:
            self.generation += 1
            for digest in [d for d, (row, _at) in self._rows.items() if row["id"] in wanted]:
                del self._rows[digest]

    def forget_all(self) -> None:
        with self._lock:
            self.generation += 1
            self._rows.clear()

    def set_listening(self, listening: bool) -> None:
        """Start or stop keeping tokens; either way, start empty."""
        with self._lock:
            self.generation += 1
            self._rows.clear()
            self.listening = listening

    def __len__(self) -> int:
        return len(self._rows)


_every_cache: weakref.WeakSet[CheckedTokens] = weakref.WeakSet()


# -- hearing the changes ------------------------------------------------------------------------

_CHANGED_USERS = "creditdesk_token_owners_changed"  # Session.info key: user ids this transaction changed


def _changed_owner_ids(session: Session) -> set[int]:
    """The users whose row, or one of whose tokens, this flush changes or deletes. (A new token
    or user is in no cache.)"""
    ids: set[int] = set()
    for instance in (*session.dirty, *session.deleted):
        if isinstance(instance, User) and instance.id is not None:
            if instance in session.deleted or session.is_modified(instance):
                ids.add(instance.id)
        elif isinstance(instance, AuthToken) and instance.user_id is not None:
            if instance in session.deleted or session.is_modified(instance):
                ids.add(instance.user_id)
    return ids


@event.listens_for(Session, "after_flush")
def _announce_changed_owners(session: Session, _context: Any) -> None:
    ids = _changed_owner_ids(session)
    if not ids:
        return
    session.info.setdefault(_CHANGED_USERS, set()).update(ids)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # Delivered to every listener when (and only if) this transaction commits.
        connection.execute(text("SELECT pg_notify(:channel, :ids)"),
                           {"channel": CHANNEL, "ids": ",".join(map(str, sorted(ids)))})


@event.listens_for(Session, "after_commit")
def _forget_after_commit(session: Session) -> None:
    ids = session.info.pop(_CHANGED_USERS, None)
    if ids:
        for cache in list(_every_cache):
            cache.forget_users(ids)


@event.listens_for(Session, "after_rollback")
def _nothing_changed(session: Session) -> None:
    session.info.pop(_CHANGED_USERS, None)


def parse_owner_ids(payload: str) -> list[int]:
    return [int(part) for part in payload.split(",") if part.strip().isdigit()]


class TokenChangeListener:
    """A daemon thread with a connection of its own (not from the pool) that LISTENs on
    `CHANNEL` and forgets the users it hears of. While it is not listening, the cache keeps
    nothing; after a lost connection it tries again every `retry_seconds`."""

    def __init__(self, database_url: str, cache: CheckedTokens, *, retry_seconds: float = 1.0) -> None:
        url = make_url(database_url)
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._cache = cache
        self._retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="token-change-listener", daemon=True)
        self.connection: Any = None  # the listening psycopg connection, while there is one

    def start(self) -> TokenChangeListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True,
                                     application_name="creditdesk token listener") as connection:
                    self.connection = connection
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._cache.set_listening(True)
                    while not self._stop.is_set():
                        for heard in connection.notifies(timeout=1.0):
                            self._cache.forget_users(parse_owner_ids(heard.payload))
            except Exception as error:  # a lost connection: check every token until heard again
                self._cache.set_listening(False)
                if not self._stop.is_set():
                    log.warning("token change listener lost its connection (%s); retrying", error)
                    self._stop.wait(self._retry_seconds)
            finally:
                self.connection = None
                self._cache.set_listening(False)
