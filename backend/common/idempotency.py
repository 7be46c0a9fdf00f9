"""Idempotent writes: the `Idempotency-Key` header (DESIGN.md §4, Conventions).

A write route takes `idem: IdempotencyDep` and ends with `return idem.complete(result)`:

    @router.post("/v1/accounts/{account_id}/notes", status_code=201, response_model=NoteOut,
                 responses=IDEMPOTENCY_RESPONSES)
    def add_note(account_id: int, body: NoteIn, session: SessionDep, ctx: ContextDep,
                 idem: IdempotencyDep) -> Response:
        note = notes_service.add_note(session=session, ...)
        return idem.complete(NoteOut.model_validate(note))

The dependency checks the key on the event loop (400 missing, 422 not a UUID); the claim of
(user, key) is made at the start of the handler's own thread-pool call, before the handler, and
committed on its own (on PostgreSQL one INSERT in autocommit, docs/load.md "The writes"), so a
concurrent duplicate sees the claim: it gets 409 `idempotency_in_flight`
while the first runs, the stored response (with `Idempotent-Replayed: true`) once it is done,
and 422 `idempotency_key_reused` if its body differs. `complete` stores the response in the
request's own transaction, so the stored response exists exactly when the work committed. If
the handler fails or the commit fails, the claim is released after the rollback and the key can
be retried. A claim left behind by a crashed process is taken over after `STALE_CLAIM_AFTER`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.responses import Response

from backend.common.models import IdempotencyKey
from backend.db import autocommit_engine
from backend.deps import ClockDep, SessionDep, UserDep, before_the_handler, get_session_factory, on_rollback
from backend.errors import Conflict, EarlyResponse, Problem

IN_FLIGHT = "in_flight"
DONE = "done"
REPLAYED_HEADER = "Idempotent-Replayed"
# A claim still in flight after this long belongs to a request that died with its process.
STALE_CLAIM_AFTER = timedelta(seconds=60)
DEFAULT_RETENTION = timedelta(days=7)

_UUID_PATTERN = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# Response headers worth replaying (the rest are recomputed per response).
_REPLAYED_HEADERS = {"etag", "location"}


class IdempotencyKeyMissing(Problem):
    status = 400
    code = "idempotency_key_missing"
    title = "Idempotency-Key header required"


class IdempotencyKeyInvalid(Problem):
    status = 422
    code = "idempotency_key_invalid"
    title = "Idempotency-Key must be a UUID"


class IdempotencyKeyReused(Problem):
    status = 422
    code = "idempotency_key_reused"
    title = "Idempotency-Key already used for another request"


class IdempotencyInFlight(Conflict):
    code = "idempotency_in_flight"
    title = "The same request is still being processed"


_PROBLEM_CONTENT: dict[str, dict[str, Any]] = {"application/problem+json": {}}
# Pass as `responses=` on idempotent routes so the OpenAPI lists these outcomes.
IDEMPOTENCY_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Idempotency-Key missing", "content": _PROBLEM_CONTENT},
    409: {"description": "The same request is still in flight", "content": _PROBLEM_CONTENT},
    422: {
        "description": "Validation failed, or the key was used with another body",
        "content": _PROBLEM_CONTENT,
    },
}


def fingerprint(method: str, path: str, body: bytes) -> str:
    digest = hashlib.sha256()
    digest.update(method.upper().encode())
    digest.update(b"\n")
    digest.update(path.encode())
    digest.update(b"\n")
    digest.update(body)
    return digest.hexdigest()


async def request_fingerprint(request: Request) -> str:
    """sha256 of the request's method, path (with query) and raw body."""
    path = request.url.path
    if request.url.query:
        path = f"{path}?{request.url.query}"
    return fingerprint(request.method, path, await request.body())


def parse_idempotency_key(raw: str | None) -> str:
    if raw is None or not raw.strip():
        raise IdempotencyKeyMissing(
            "Send an 'Idempotency-Key' header with a new UUID for each change you make."
        )
    if not _UUID_PATTERN.match(raw.strip()):
        raise IdempotencyKeyInvalid(
            "The 'Idempotency-Key' header must be a UUID such as 3f2b7c1e-8d4a-4b8e-9a61-2c0f5d7e9b13.",
            errors={"header.Idempotency-Key": ["must be a UUID"]},
        )
    return raw.strip().lower()


def replay_response(record: IdempotencyKey) -> Response:
    headers = dict(record.response_headers or {})
    headers[REPLAYED_HEADER] = "true"
    status = record.status_code or 200
    if status == 204:
        return Response(status_code=status, headers=headers)
    return JSONResponse(record.response_body, status_code=status, headers=headers)


def _insert_claim(session: Session, values: Mapping[str, Any]) -> bool:
    """Insert the claim unless the key exists; True when this call inserted it."""
    dialect = session.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        # RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT DO NOTHING.
        statement = insert(IdempotencyKey).values(**values).on_conflict_do_nothing()
        return session.execute(statement.returning(IdempotencyKey.key)).first() is not None
    try:
        with session.begin_nested():
            session.add(IdempotencyKey(**values))
        return True
    except IntegrityError:
        return False


def claim_key(
    *, session: Session, user_id: int, key: str, request_fingerprint: str, now: datetime
) -> IdempotencyKey | None:
    """Claim (user_id, key) for a request and commit. Returns None when claimed; otherwise the
    stored record of a finished identical request (to replay). Raises 422 for another body and
    409 while the first request is in flight. `session` must be a fresh session of its own (in
    autocommit on PostgreSQL, where each statement below commits itself)."""
    values = {
        "user_id": user_id,
        "key": key,
        "request_fingerprint": request_fingerprint,
        "state": IN_FLIGHT,
        "created_at": now,
        "claimed_at": now,
    }
    for _attempt in range(3):
        if _insert_claim(session, values):
            session.commit()
            return None
        existing = session.get(IdempotencyKey, (user_id, key), populate_existing=True)
        if existing is None:  # released between our insert and our read: try again
            session.rollback()
            continue
        if existing.request_fingerprint != request_fingerprint:
            session.rollback()
            raise IdempotencyKeyReused(
                "This Idempotency-Key was already used for a different request. Use a new key for a new change."
            )
        if existing.state == DONE:
            session.expunge(existing)  # comes back loaded: a rollback would expire its fields
            session.rollback()
            return existing
        if existing.claimed_at > now - STALE_CLAIM_AFTER:
            session.rollback()
            raise IdempotencyInFlight("The same request is still being processed. Retry in a moment.")
        # A claim abandoned by a crashed request: take it over, unless someone else just did.
        taken = session.execute(
            update(IdempotencyKey)
            .where(
                IdempotencyKey.user_id == user_id,
                IdempotencyKey.key == key,
                IdempotencyKey.state == IN_FLIGHT,
                IdempotencyKey.claimed_at == existing.claimed_at,
            )
            .values(claimed_at=now)
        )
        session.commit()
        if taken.rowcount:  # type: ignore[attr-defined]
            return None
    raise IdempotencyInFlight("The same request is still being processed. Retry in a moment.")


def release_key(*, session: Session, user_id: int, key: str) -> None:
    """Drop an in-flight claim whose request failed, so the key can be retried. Commits."""
    session.execute(
        delete(IdempotencyKey).where(
            IdempotencyKey.user_id == user_id, IdempotencyKey.key == key, IdempotencyKey.state == IN_FLIGHT
        )
    )
    session.commit()


def purge_idempotency_keys(
    *, session: Session, now: datetime, retention: timedelta = DEFAULT_RETENTION
) -> int:
    """Delete keys older than `retention` (7 days); returns how many. Runs in the caller's transaction."""
    result = session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < now - retention))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass
class Idempotency:
    """The claimed key of the current request; finish the handler with `complete`."""

    key: str
    user_id: int
    session: Session
    default_status: int = 200
    completed: bool = field(default=False, init=False)

    def complete(
        self, result: Any, *, status_code: int | None = None, headers: Mapping[str, str] | None = None
    ) -> Response:
        """Store `result` (a pydantic model, dataclass, dict or list; None for 204) as this key's
        response in the request's transaction, and return it as the JSON response to send."""
        status = status_code or self.default_status
        body = None if status == 204 else jsonable_encoder(result)
        kept_headers = {k: v for k, v in (headers or {}).items() if k.lower() in _REPLAYED_HEADERS}
        self.session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.user_id == self.user_id, IdempotencyKey.key == self.key)
            .values(state=DONE, status_code=status, response_body=body, response_headers=kept_headers or None)
        )
        self.completed = True
        if status == 204:
            return Response(status_code=204, headers=dict(headers or {}))
        return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _claim_session(factory: sessionmaker[Session]) -> Session:
    """A session of its own for the claim or its release. On PostgreSQL it runs in autocommit:
    each statement commits itself, so the claim, one INSERT, is one round trip (no BEGIN, no
    COMMIT), and the rare paths (read the key; take a stale claim over with a guarded UPDATE)
    hold statement by statement. SQLite keeps a transaction (`autocommit_engine`)."""
    bind = factory.kw.get("bind")
    if isinstance(bind, Engine):
        return factory(bind=autocommit_engine(bind))
    return factory()  # bound to a connection (tests): claim on it


async def idempotency(
    request: Request,
    user: UserDep,
    session: SessionDep,
    clock: ClockDep,
    request_hash: Annotated[str, Depends(request_fingerprint)],
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key", description="A new UUID per change; resend the same one to retry safely."
        ),
    ] = None,
) -> AsyncIterator[Idempotency]:
    """Check the key here, on the event loop (400/422 before any work); claim it at the start of
    the handler's own thread-pool call (`before_the_handler`), not in a call of its own. The claim
    commits before the handler runs, so a concurrent duplicate sees it. A request whose body or
    parameters are invalid is answered 422 before the handler's call, so it claims nothing. A
    handler not run by `in_one_call` (an `async def` one, or one added after `create_app`) is
    claimed for here, in a thread-pool call of its own, before the body is checked."""
    key = parse_idempotency_key(idempotency_key)
    factory = get_session_factory(request)
    user_id = user.id

    def release() -> None:
        release_session = _claim_session(factory)
        try:
            release_key(session=release_session, user_id=user_id, key=key)
        finally:
            release_session.close()

    def claim() -> None:
        claim_session = _claim_session(factory)
        try:
            stored = claim_key(
                session=claim_session, user_id=user_id, key=key, request_fingerprint=request_hash, now=clock.now()
            )
        finally:
            claim_session.close()
        if stored is not None:
            raise EarlyResponse(replay_response(stored))
        # Runs after the request's transaction is rolled back, so it never waits on that transaction's locks.
        on_rollback(request, release)

    if not before_the_handler(request, claim):
        await run_in_threadpool(claim)
    route = request.scope.get("route")
    default_status = getattr(route, "status_code", None) or 200
    handle = Idempotency(key=key, user_id=user_id, session=session, default_status=default_status)
    yield handle
    if not handle.completed:
        raise RuntimeError(
            f"{request.method} {request.url.path} took an Idempotency-Key but never called complete()"
        )


IdempotencyDep = Annotated[Idempotency, Depends(idempotency, scope="function")]
