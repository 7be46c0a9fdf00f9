"""The offline outbox (DESIGN.md §5): writes that could not reach the backend, kept until they land.

    outbox = Outbox(paths.outbox_path(), server_url=server_key, username="agent1")
    result = outbox.post(client, "/v1/disputes", body, label="Dispute on transaction 41")
    if isinstance(result, Queued): ...   # kept; tell the agent it will be sent
    else: result.body                    # the server's answer

How nothing is lost and nothing lands twice:
- Write-ahead: the write is stored (status `sending`) with its Idempotency-Key and body BEFORE the
  first request, so a crash in the middle of it loses nothing; the same key and the same body
  bytes are sent on every attempt, so the server applies it once and replays its answer after.
- The first attempt happens at once in `post()`: it lands (`Delivered`, the entry is kept as
  `delivered` with the answer for 7 days, as long as the backend keeps keys), or the backend cannot
  be reached (`Queued`: the entry waits as `pending` with a back-off), or the backend refused it
  (the entry is removed and the `ApiError` raised, so the form that sent it shows why and keeps the
  input).
- `drain(client)` sends the due entries oldest first, one at a time, and stops at the first sign
  that the backend is unreachable. Offline, 502/503/504 and 409 "the same request is in flight"
  retry later with exponential back-off and jitter (2 s, 4 s, … at most 5 min); 401 waits for the
  user to sign in again; other 5xx are retried a few times, then refused; any other 4xx is
  `refused`: kept with the server's sentence, shown to the user and never retried by itself (the
  user may discard it or send it again, with the same key and body).
- Entries belong to one server and one user: another user's writes wait until they sign in.

SQLite in WAL mode with a busy timeout; one engine per outbox; every change is a short
transaction, so the console's pool threads can post while the drainer drains.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Final

from sqlalchemy import (
    DateTime,
    Dialect,
    Integer,
    String,
    Text,
    TypeDecorator,
    create_engine,
    delete,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from console.api import ApiClient, new_idempotency_key
from console.errors import ApiError, Offline, ServerError, Unauthorized

__all__ = [
    "BACKOFF_CAP",
    "BACKOFF_FIRST",
    "DELIVERED_KEPT_FOR",
    "Delivered",
    "DrainResult",
    "Outbox",
    "OutboxCounts",
    "OutboxEntry",
    "OutboxRecord",
    "Queued",
    "backoff_delay",
    "send",
]

log = logging.getLogger(__name__)

# Statuses of an entry.
SENDING: Final = "sending"  # stored, the first attempt under way (or the console died during it)
PENDING: Final = "pending"  # waiting for its next attempt
DELIVERED: Final = "delivered"  # landed; kept a while with the server's answer
REFUSED: Final = "refused"  # the backend said no: waits for the user, never retried by itself
WAITING_STATUSES: Final = frozenset({SENDING, PENDING})

# Why an entry waits (the kind of its last failure).
OFFLINE: Final = "offline"  # the backend could not be reached
UNAVAILABLE: Final = "unavailable"  # 502/503/504: a proxy is there, the backend is not
IN_FLIGHT: Final = "in_flight"  # 409: the same request is still being processed
SIGNED_OUT: Final = "signed_out"  # 401: the session ended; waits for the user to sign in again
SERVER_ERROR: Final = "server_error"  # another 5xx
UNREACHABLE_KINDS: Final = frozenset({OFFLINE, UNAVAILABLE, SIGNED_OUT})

BACKOFF_FIRST: Final = timedelta(seconds=2)
BACKOFF_CAP: Final = timedelta(minutes=5)
BACKOFF_JITTER: Final = 0.2  # ± this share of the delay, so many consoles do not retry in step
SERVER_ERRORS_BEFORE_REFUSING: Final = 5
DELIVERED_KEPT_FOR: Final = timedelta(days=7)  # the backend keeps idempotency keys 7 days
# A `sending` entry older than this belongs to an attempt that died with its console (a request
# takes well under this, retries included; the backend takes over a dead claim after 60 s too).
SENDING_STALE_AFTER: Final = timedelta(seconds=60)
BUSY_TIMEOUT_SECONDS: Final = 30.0


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def backoff_delay(attempts: int, *, jitter: float = 0.5) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt (1, 2, …): 2 s, 4 s, 8 s, … at most
    5 min, spread by ± 20 % (`jitter` in [0, 1): 0.5 is the middle; never over the cap)."""
    exponent = max(0, attempts - 1)
    base = BACKOFF_CAP.total_seconds() if exponent >= 16 else min(
        BACKOFF_CAP.total_seconds(), BACKOFF_FIRST.total_seconds() * (2**exponent)
    )
    spread = 1.0 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * min(max(jitter, 0.0), 1.0)
    return timedelta(seconds=min(BACKOFF_CAP.total_seconds(), base * spread))


class _UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on SQLite (which stores it without its offset)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class _Base(DeclarativeBase):
    pass


class OutboxEntry(_Base):
    """One write waiting for (or refused by, or delivered to) the backend."""

    __tablename__ = "outbox_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(_UtcDateTime())
    server_url: Mapped[str] = mapped_column(String(500), index=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    body_json: Mapped[str] = mapped_column(Text)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    if_match: Mapped[str | None] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    server_errors: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(_UtcDateTime(), default=None)
    next_attempt_at: Mapped[datetime | None] = mapped_column(_UtcDateTime(), default=None)
    waiting_for: Mapped[str | None] = mapped_column(String(20), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    error_status: Mapped[int | None] = mapped_column(Integer, default=None)
    error_code: Mapped[str | None] = mapped_column(String(100), default=None)
    response_json: Mapped[str | None] = mapped_column(Text, default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(_UtcDateTime(), default=None)


@dataclass(frozen=True)
class Delivered:
    """The write landed; `body` is the server's JSON answer (None for an empty one)."""

    body: Any


@dataclass(frozen=True)
class Queued:
    """The backend could not be reached: the write is kept in the outbox and will be retried."""

    entry_id: int
    idempotency_key: str
    label: str


@dataclass(frozen=True)
class OutboxRecord:
    """What the user sees of one entry (a plain copy, safe to hand to the GUI thread).

    `status` is `sending`, `pending`, `delivered` or `refused`; `waiting_for` why a waiting entry
    waits (`offline`, `unavailable`, `in_flight`, `signed_out`, `server_error`); `last_error` the
    sentence of the last failure (for a refused entry: the backend's reason)."""

    id: int
    label: str
    method: str
    path: str
    idempotency_key: str
    created_at: datetime
    status: str
    attempts: int
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None
    waiting_for: str | None
    last_error: str | None
    error_status: int | None
    error_code: str | None
    delivered_at: datetime | None
    response: Any = None

    @property
    def waiting(self) -> bool:
        return self.status in WAITING_STATUSES

    @property
    def refused(self) -> bool:
        return self.status == REFUSED

    @property
    def stale_version(self) -> bool:
        """Refused because the record changed meanwhile (412): sending it again cannot help."""
        return self.status == REFUSED and self.error_status == 412

    @classmethod
    def of(cls, entry: OutboxEntry) -> OutboxRecord:
        return cls(
            id=entry.id,
            label=entry.label,
            method=entry.method,
            path=entry.path,
            idempotency_key=entry.idempotency_key,
            created_at=entry.created_at,
            status=entry.status,
            attempts=entry.attempts,
            last_attempt_at=entry.last_attempt_at,
            next_attempt_at=entry.next_attempt_at,
            waiting_for=entry.waiting_for,
            last_error=entry.last_error,
            error_status=entry.error_status,
            error_code=entry.error_code,
            delivered_at=entry.delivered_at,
            response=json.loads(entry.response_json) if entry.response_json else None,
        )


@dataclass(frozen=True)
class OutboxCounts:
    """How many of the user's writes wait, and how many the backend refused."""

    waiting: int = 0
    refused: int = 0

    @property
    def empty(self) -> bool:
        return self.waiting == 0 and self.refused == 0


@dataclass
class DrainResult:
    """What one `drain` did: the entries that landed, the ones refused now, how many still wait,
    and why it stopped early (`offline`: the backend is unreachable; `signed_out`: 401)."""

    delivered: list[OutboxRecord] = field(default_factory=list)
    refused: list[OutboxRecord] = field(default_factory=list)
    retry_later: list[OutboxRecord] = field(default_factory=list)
    offline: bool = False
    signed_out: bool = False

    @property
    def attempted(self) -> int:
        return len(self.delivered) + len(self.refused) + len(self.retry_later)


@dataclass(frozen=True)
class _Failure:
    """How one failed attempt is handled."""

    kind: str  # OFFLINE, UNAVAILABLE, IN_FLIGHT, SIGNED_OUT, SERVER_ERROR or REFUSED
    message: str
    status: int | None = None
    code: str | None = None


def _classify(exc: Exception) -> _Failure:
    if isinstance(exc, Offline):
        return _Failure(OFFLINE, exc.user_message)
    assert isinstance(exc, ApiError)
    if isinstance(exc, Unauthorized):
        return _Failure(SIGNED_OUT, exc.user_message, exc.status, exc.code)
    if exc.status in (502, 503, 504):
        return _Failure(UNAVAILABLE, exc.user_message, exc.status, exc.code)
    if exc.status == 409 and exc.code == "idempotency_in_flight":
        return _Failure(IN_FLIGHT, exc.user_message, exc.status, exc.code)
    if isinstance(exc, ServerError):
        return _Failure(SERVER_ERROR, exc.user_message, exc.status, exc.code)
    return _Failure(REFUSED, exc.user_message, exc.status, exc.code)


class Outbox:
    """The outbox file at `path`, as seen by `username` at the server `server_url`.

    `server_url` names the server stably (for the embedded backend, whose port changes at each
    start, `console.session.embedded_server_key`). Nothing touches the disk until first used, so an
    outbox may be made on the GUI thread; every method after that does disk I/O (and `post`/`drain`
    network I/O): call them off the GUI thread.

    `clock` gives the current UTC time (tests move it instead of sleeping); `rng` the back-off
    jitter. `add_listener(callback)` registers a callable run (on the calling thread) after an entry
    was queued, so a UI can show it at once and start draining.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        server_url: str,
        username: str,
        clock: Callable[[], datetime] = _utcnow,
        rng: random.Random | None = None,
    ) -> None:
        self.path = Path(path)
        self.server_url = server_url
        self.username = username
        self._clock = clock
        self._rng = rng or random.Random()
        self._rng_lock = threading.Lock()
        self._engine: Engine = create_engine(
            f"sqlite:///{self.path}",
            connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
        )
        event.listen(self._engine, "connect", _configure_sqlite)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._ready = False
        self._ready_lock = threading.Lock()
        self._drain_lock = threading.Lock()
        self._closed = False
        self._listeners: list[Callable[[Queued], None]] = []

    def __repr__(self) -> str:
        return f"Outbox({str(self.path)!r}, {self.server_url!r}, {self.username!r})"

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Stop using the file (a drain under way stops after its current entry)."""
        self._closed = True
        self._listeners.clear()
        self._engine.dispose()

    @property
    def closed(self) -> bool:
        return self._closed

    def _is_closed(self) -> bool:
        return self._closed

    def add_listener(self, callback: Callable[[Queued], None]) -> None:
        """Call `callback(queued)` after each write this outbox keeps (on the posting thread)."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[Queued], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _session(self) -> Session:
        if not self._ready:
            with self._ready_lock:
                if not self._ready:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    _Base.metadata.create_all(self._engine)
                    self._ready = True
        return self._sessions()

    # -- sending ---------------------------------------------------------------------------

    def post(
        self,
        client: ApiClient,
        path: str,
        body: Any,
        *,
        label: str,
        if_match: str | None = None,
        idempotency_key: str | None = None,
    ) -> Delivered | Queued:
        """POST `body` to `path`, kept first so it cannot be lost; `label` says what it is, in the
        user's words ("Note on account 6222…").

        Returns `Delivered` with the server's answer when the first attempt landed, `Queued` when
        the backend could not be reached (or is unavailable: 502/503/504, or the same request is
        still in flight) and the write waits in the outbox. A refusal (4xx, or another 5xx) is
        raised as the `ApiError` and the entry is removed: the form that sent it shows why.
        `idempotency_key` reuses a key (a retry of the same user action); a key already in the
        outbox for a waiting entry is not stored twice."""
        key = idempotency_key or new_idempotency_key()
        body_json = json.dumps(body, ensure_ascii=False)
        entry_id = self._store(path, body_json, key=key, label=label, if_match=if_match)
        if entry_id is None:  # the same key already waits in the outbox: it will be sent from there
            existing = self._record_by_key(key)
            assert existing is not None
            if existing.status == DELIVERED:
                return Delivered(existing.response)
            if existing.status == REFUSED:
                self.send_again(existing.id)
            return Queued(entry_id=existing.id, idempotency_key=key, label=existing.label)
        try:
            answer = _send_once(client, "POST", path, body_json, key=key, if_match=if_match)
        except (Offline, ApiError) as exc:
            failure = _classify(exc)
            if failure.kind in (OFFLINE, UNAVAILABLE, IN_FLIGHT):
                self._attempt_failed(entry_id, failure, self._clock())
                queued = Queued(entry_id=entry_id, idempotency_key=key, label=label)
                self._tell_listeners(queued)
                return queued
            # Refused (or the session ended: the caller signs in again and re-runs the action).
            self._remove(entry_id)
            raise
        except BaseException:
            # A bug, or the request was interrupted: whether it left is unknown; keep it to retry.
            self._attempt_failed(entry_id, _Failure(OFFLINE, "The write was interrupted."), self._clock())
            raise
        self._delivered(entry_id, answer, self._clock())
        return Delivered(answer)

    def drain(
        self,
        client: ApiClient,
        *,
        now: datetime | None = None,
        reachable: bool = False,
        everything: bool = False,
    ) -> DrainResult:
        """Send the due entries of this user, oldest first, one at a time; stop at the first sign
        that the backend cannot be reached (Offline, 502/503/504) or that the session ended (401).

        Due: `pending` with its next attempt time passed, or `sending` for over a minute (left by a
        console that died mid-request: whether it landed is unknown, its key makes that safe). `reachable=True` (the backend just answered) makes the entries that waited
        for it due now; so does the first entry that lands. `everything=True` (the user's "Try
        now") makes every waiting entry due. Refused entries are never sent here. Returns what
        happened; a concurrent drain of the same outbox returns an empty result at once."""
        if not self._drain_lock.acquire(blocking=False):
            return DrainResult()
        try:
            return self._drain(client, now or self._clock(), reachable=reachable, everything=everything)
        finally:
            self._drain_lock.release()

    def _drain(self, client: ApiClient, now: datetime, *, reachable: bool, everything: bool) -> DrainResult:
        result = DrainResult()
        if self._closed:
            return result
        self.prune(now=now)
        candidates = self._waiting_ids()
        for entry_id in candidates:
            if self._is_closed():  # closed meanwhile (log out): stop after the entry under way
                break
            entry = self._due_entry(entry_id, now, reachable=reachable, everything=everything)
            if entry is None:
                continue
            with self._session() as session, session.begin():
                row = session.get(OutboxEntry, entry_id)
                if row is None:
                    continue
                row.status = SENDING
                row.last_attempt_at = now
            try:
                answer = _send_once(
                    client, entry.method, entry.path, entry.body_json, key=entry.idempotency_key,
                    if_match=entry.if_match,
                )
            except (Offline, ApiError) as exc:
                failure = _classify(exc)
                record = self._attempt_failed(entry_id, failure, now)
                if record is None:
                    continue
                if record.status == REFUSED:
                    result.refused.append(record)
                    continue
                result.retry_later.append(record)
                if failure.kind in (OFFLINE, UNAVAILABLE):
                    result.offline = True
                    break
                if failure.kind == SIGNED_OUT:
                    result.signed_out = True
                    break
                continue
            except Exception as exc:  # a bug: keep the entry, try later, say so in the log
                log.exception("sending outbox entry %s failed", entry_id)
                record = self._attempt_failed(entry_id, _Failure(SERVER_ERROR, str(exc)), now)
                if record is not None:
                    result.retry_later.append(record)
                continue
            delivered = self._delivered(entry_id, answer, now)
            if delivered is not None:
                result.delivered.append(delivered)
            reachable = True  # it answered: what waited for it is due now
        return result

    # -- what the user sees and does ---------------------------------------------------------

    def counts(self) -> OutboxCounts:
        """How many of this user's writes wait and how many were refused."""
        with self._session() as session:
            rows = session.execute(
                select(OutboxEntry.status, func.count())
                .where(*self._mine())
                .where(OutboxEntry.status.in_([SENDING, PENDING, REFUSED]))
                .group_by(OutboxEntry.status)
            ).all()
        by_status = {str(status): int(count) for status, count in rows}
        return OutboxCounts(
            waiting=by_status.get(SENDING, 0) + by_status.get(PENDING, 0), refused=by_status.get(REFUSED, 0)
        )

    def pending_count(self) -> int:
        """How many of this user's writes wait to be sent (not counting refused ones)."""
        return self.counts().waiting

    def entries(self, *, include_delivered: bool = False) -> list[OutboxRecord]:
        """This user's entries, oldest first (waiting and refused; delivered ones on request)."""
        statuses = [SENDING, PENDING, REFUSED] + ([DELIVERED] if include_delivered else [])
        with self._session() as session:
            rows = session.scalars(
                select(OutboxEntry)
                .where(*self._mine())
                .where(OutboxEntry.status.in_(statuses))
                .order_by(OutboxEntry.created_at, OutboxEntry.id)
            ).all()
            return [OutboxRecord.of(row) for row in rows]

    def get(self, entry_id: int) -> OutboxRecord | None:
        """One of this user's entries, or None."""
        with self._session() as session:
            row = session.get(OutboxEntry, entry_id)
            if row is None or row.server_url != self.server_url or row.username != self.username:
                return None
            return OutboxRecord.of(row)

    def discard(self, entry_id: int) -> bool:
        """Remove a refused entry (the user gave it up); True if it was removed. Waiting entries
        are not discarded: one may be landing right now."""
        with self._session() as session, session.begin():
            removed = session.execute(
                delete(OutboxEntry).where(
                    OutboxEntry.id == entry_id, OutboxEntry.status == REFUSED, *self._mine()
                )
            )
        return bool(getattr(removed, "rowcount", 0))

    def send_again(self, entry_id: int, *, now: datetime | None = None) -> bool:
        """Put a refused entry back to wait, due now (the same key and body: if it did land, the
        server only replays its answer); True if it was refused and is waiting again."""
        moment = now or self._clock()
        with self._session() as session, session.begin():
            row = session.get(OutboxEntry, entry_id)
            if row is None or row.status != REFUSED or not self._is_mine(row):
                return False
            row.status = PENDING
            row.next_attempt_at = moment
            row.server_errors = 0
            row.waiting_for = None
        return True

    def try_now(self, *, now: datetime | None = None) -> int:
        """Make every waiting entry due now (the user's "Try now"); returns how many wait."""
        moment = now or self._clock()
        with self._session() as session, session.begin():
            rows = session.scalars(
                select(OutboxEntry).where(*self._mine()).where(OutboxEntry.status == PENDING)
            ).all()
            for row in rows:
                row.next_attempt_at = moment
            return len(rows)

    def prune(self, *, now: datetime | None = None) -> int:
        """Forget delivered entries older than the backend keeps their keys (7 days)."""
        cutoff = (now or self._clock()) - DELIVERED_KEPT_FOR
        with self._session() as session, session.begin():
            result = session.execute(
                delete(OutboxEntry).where(OutboxEntry.status == DELIVERED, OutboxEntry.delivered_at < cutoff)
            )
        return int(getattr(result, "rowcount", 0) or 0)

    # -- internals -------------------------------------------------------------------------

    def _mine(self) -> tuple[Any, ...]:
        return (OutboxEntry.server_url == self.server_url, OutboxEntry.username == self.username)

    def _is_mine(self, row: OutboxEntry) -> bool:
        return row.server_url == self.server_url and row.username == self.username

    def _jitter(self) -> float:
        with self._rng_lock:
            return self._rng.random()

    def _store(self, path: str, body_json: str, *, key: str, label: str, if_match: str | None) -> int | None:
        """Keep the write before it is sent (write-ahead); None if its key is already here."""
        now = self._clock()
        entry = OutboxEntry(
            created_at=now,
            server_url=self.server_url,
            username=self.username,
            method="POST",
            path=path,
            body_json=body_json,
            idempotency_key=key,
            if_match=if_match,
            label=label,
            status=SENDING,
            attempts=0,
            server_errors=0,
            last_attempt_at=now,
            next_attempt_at=now,
        )
        with self._session() as session, session.begin():
            exists = session.scalar(select(OutboxEntry.id).where(OutboxEntry.idempotency_key == key))
            if exists is not None:
                return None
            session.add(entry)
        return entry.id

    def _record_by_key(self, key: str) -> OutboxRecord | None:
        with self._session() as session:
            row = session.scalar(select(OutboxEntry).where(OutboxEntry.idempotency_key == key))
            return OutboxRecord.of(row) if row is not None else None

    def _remove(self, entry_id: int) -> None:
        with self._session() as session, session.begin():
            session.execute(delete(OutboxEntry).where(OutboxEntry.id == entry_id))

    def _waiting_ids(self) -> list[int]:
        with self._session() as session:
            return list(
                session.scalars(
                    select(OutboxEntry.id)
                    .where(*self._mine())
                    .where(OutboxEntry.status.in_([SENDING, PENDING]))
                    .order_by(OutboxEntry.created_at, OutboxEntry.id)
                ).all()
            )

    def _due_entry(self, entry_id: int, now: datetime, *, reachable: bool, everything: bool) -> OutboxEntry | None:
        with self._session() as session:
            row = session.get(OutboxEntry, entry_id)
            if row is None or not self._is_mine(row):
                return None
            if row.status == SENDING:
                started = row.last_attempt_at or row.created_at
                return row if started <= now - SENDING_STALE_AFTER else None
            if row.status != PENDING:
                return None
            if everything or row.next_attempt_at is None or row.next_attempt_at <= now:
                return row
            if reachable and row.waiting_for in UNREACHABLE_KINDS:
                return row
            return None

    def _attempt_failed(self, entry_id: int, failure: _Failure, now: datetime) -> OutboxRecord | None:
        with self._session() as session, session.begin():
            row = session.get(OutboxEntry, entry_id)
            if row is None:
                return None
            row.attempts += 1
            row.last_attempt_at = now
            row.last_error = failure.message
            row.error_status = failure.status
            row.error_code = failure.code
            if failure.kind == SERVER_ERROR:
                row.server_errors += 1
            if failure.kind == REFUSED or (
                failure.kind == SERVER_ERROR and row.server_errors >= SERVER_ERRORS_BEFORE_REFUSING
            ):
                row.status = REFUSED
                row.waiting_for = None
                row.next_attempt_at = None
                log.warning("outbox entry %s (%s) refused: %s", entry_id, row.label, failure.message)
            else:
                row.status = PENDING
                row.waiting_for = failure.kind
                if failure.kind == SIGNED_OUT:
                    row.next_attempt_at = now  # due as soon as the user has signed in again
                else:
                    row.next_attempt_at = now + backoff_delay(row.attempts, jitter=self._jitter())
            return OutboxRecord.of(row)

    def _delivered(self, entry_id: int, answer: Any, now: datetime) -> OutboxRecord | None:
        with self._session() as session, session.begin():
            row = session.get(OutboxEntry, entry_id)
            if row is None:
                return None
            row.attempts += 1
            row.status = DELIVERED
            row.last_attempt_at = now
            row.delivered_at = now
            row.next_attempt_at = None
            row.waiting_for = None
            row.last_error = None
            row.error_status = None
            row.error_code = None
            row.response_json = json.dumps(answer, ensure_ascii=False) if answer is not None else None
            return OutboxRecord.of(row)

    def _tell_listeners(self, queued: Queued) -> None:
        for callback in list(self._listeners):
            try:
                callback(queued)
            except Exception:
                log.exception("an outbox listener failed")


def _send_once(
    client: ApiClient, method: str, path: str, body_json: str, *, key: str, if_match: str | None
) -> Any:
    """One attempt (the client's own short retries included), with the stored body: the same bytes
    every time, as the server's idempotency check compares them."""
    body = json.loads(body_json)
    if method.upper() == "POST":
        return client.post_json(path, body, idempotency_key=key, if_match=if_match)
    response = client.request(method, path, json=body, idempotency_key=key, if_match=if_match)
    return None if response.status_code == 204 or not response.content else response.json()


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a write the agent was told about survives a power cut
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
    finally:
        cursor.close()


def send(
    outbox: Outbox | None,
    client: ApiClient,
    path: str,
    body: Any,
    *,
    label: str,
    if_match: str | None = None,
    idempotency_key: str | None = None,
) -> Delivered | Queued:
    """POST through `outbox` when there is one (kept if the backend cannot be reached), else
    directly (an unreachable backend raises `Offline`). The one way the console submits work."""
    if outbox is not None:
        return outbox.post(client, path, body, label=label, if_match=if_match, idempotency_key=idempotency_key)
    return Delivered(client.post_json(path, body, idempotency_key=idempotency_key, if_match=if_match))

