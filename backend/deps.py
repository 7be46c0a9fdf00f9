"""FastAPI dependencies: the request's session, clock, settings, user, roles and context.

A route declares what it needs with the `Annotated` aliases:

    def handler(session: SessionDep, user: UserDep, ctx: ContextDep) -> ...

and guards a role with `dependencies=[Depends(require_roles("supervisor"))]` or
`user: Annotated[User, Depends(require_roles("supervisor", "admin"))]`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from backend.auth.checked_tokens import CheckedTokens
from backend.auth.models import User
from backend.auth.service import live_owner, read_token_owner_row, resolve_token_row, token_digest
from backend.clock import BusinessClock
from backend.common.context import RequestContext
from backend.db import autocommit_engine, begin_writes_for_method
from backend.errors import Forbidden, Unauthorized
from backend.settings import Settings

log = logging.getLogger(__name__)

__all__ = [
    "ClockDep",
    "ContextDep",
    "RequestContext",
    "SessionDep",
    "SettingsDep",
    "UserDep",
    "bearer_token",
    "current_user",
    "get_clock",
    "get_session",
    "get_settings",
    "before_the_handler",
    "in_one_call",
    "on_rollback",
    "request_context",
    "require_roles",
]


# Dependencies that do no I/O are `async def`: FastAPI then runs them on the event loop.
# A plain `def` dependency costs a hop to the thread pool and back on every request.


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def get_clock(request: Request) -> BusinessClock:
    return request.app.state.clock  # type: ignore[no-any-return]


def get_session_factory(request: Request) -> sessionmaker[Session]:
    return request.app.state.session_factory  # type: ignore[no-any-return]


def on_rollback(request: Request, callback: Callable[[], None]) -> None:
    """Run `callback` after the request's transaction has been rolled back (or failed to commit).

    Used to undo work done outside the request's transaction, e.g. an idempotency claim.
    """
    callbacks: list[Callable[[], None]] | None = getattr(request.state, "after_rollback", None)
    if callbacks is None:
        callbacks = []
        request.state.after_rollback = callbacks
    callbacks.append(callback)


def _run_rollback_callbacks(request: Request) -> None:
    for callback in getattr(request.state, "after_rollback", None) or ():
        try:
            callback()
        except Exception:  # the original error matters more; keep going
            log.exception("after-rollback callback failed")


def _finish(session: Session, request: Request, *, commit: bool, close: bool = True) -> None:
    """Commit (or roll back) and, with `close`, close; after a rollback, or a commit that
    failed, run the request's rollback callbacks."""
    try:
        if commit:
            try:
                session.commit()
                return
            except BaseException:
                session.rollback()
                _run_rollback_callbacks(request)
                raise
        session.rollback()
        _run_rollback_callbacks(request)
    finally:
        if close:
            session.close()


class _RequestSession:
    """The request's session, whether the handler's own thread-pool call already ended its
    transaction, and the work that call does before the handler (see `in_one_call`)."""

    __slots__ = ("before", "committed", "request", "session")

    def __init__(self, session: Session, request: Request) -> None:
        self.session = session
        self.request = request
        self.committed: bool | None = None  # None: not ended by the handler's call
        self.before: list[Callable[[], None]] = []

    def run_before(self) -> None:
        work, self.before = self.before, []
        for step in work:
            step()

    def end(self, *, commit: bool) -> None:
        """Commit or roll back on the calling thread; the connection goes back to the pool. The
        session stays open, so the response can still read what the handler loaded."""
        if self.committed is not None:
            return
        self.committed = False
        _finish(self.session, self.request, commit=commit, close=False)
        self.committed = commit


_request_session: ContextVar[_RequestSession | None] = ContextVar("creditdesk_request_session", default=None)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: committed when the handler returns, rolled back when it raises.

    Making a session does no I/O, so it happens on the event loop, and the session takes a
    connection only when the handler first uses it. A plain `def` handler (every route of
    `create_app`, see `in_one_call`) commits or rolls back at the end of its own thread-pool
    call, so the connection goes back to the pool before the request waits for anything else:
    the request never sits "idle in transaction" while it queues for the next thread. The commit
    still happens before the response is sent: a client is never told of a write that then
    fails to commit. Whatever is still open here (a handler not wrapped, or a lazy load while
    the response was built) is committed or rolled back here, on the thread pool.
    """
    session = get_session_factory(request)()
    # SQLite: a write request begins IMMEDIATE; a GET only reads (PostgreSQL: in autocommit).
    begin_writes_for_method(session, request.method)
    slot = _RequestSession(session, request)
    token = _request_session.set(slot)
    try:
        try:
            yield session
        except BaseException:
            if slot.committed is None or session.in_transaction():
                # Not ended yet, or used again after the handler's commit: roll that back. After
                # a commit, the rollback callbacks do not run: what they undo has been kept.
                await run_in_threadpool(_finish, session, request, commit=False, close=False)
            raise
        if session.in_transaction():
            await run_in_threadpool(_finish, session, request, commit=True, close=False)
    finally:
        session.close()  # no transaction is open: no I/O
        try:
            _request_session.reset(token)
        except ValueError:  # exited in another context; the request's context ends anyway
            pass


def in_one_call(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """`endpoint` (a plain `def` handler) followed, in the same thread-pool call, by the commit
    of the request's session (the rollback when it raises), and preceded by the work registered
    with `before_the_handler`. `create_app` wraps every such route."""

    @functools.wraps(endpoint)
    def run(*args: Any, **kwargs: Any) -> Any:
        slot = _request_session.get()
        try:
            if slot is not None:
                slot.run_before()
            result = endpoint(*args, **kwargs)
        except BaseException:
            if slot is not None:
                slot.end(commit=False)
            raise
        if slot is not None:
            slot.end(commit=True)
        return result

    run.creditdesk_in_one_call = True  # type: ignore[attr-defined]
    return run


def before_the_handler(request: Request, work: Callable[[], None]) -> bool:
    """Have `work` run at the start of the handler's own thread-pool call (`in_one_call`), so it
    costs no thread-pool call of its own (docs/load.md, "The writes"); what it raises is what the
    handler raised. False when the request's handler is not run that way (an `async def` one, or
    one added after `create_app`): then the caller runs `work` itself."""
    slot = _request_session.get()
    route = request.scope.get("route")
    if slot is None or slot.request.scope is not request.scope or not getattr(
        getattr(route, "endpoint", None), "creditdesk_in_one_call", False
    ):
        return False
    slot.before.append(work)
    return True


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
ClockDep = Annotated[BusinessClock, Depends(get_clock)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

_bearer = HTTPBearer(auto_error=False, description="An access token from POST /v1/auth/token")


async def bearer_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str | None:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        return None
    return credentials.credentials


# What a user whose password an admin set may still do: see who they are, choose a password, sign out.
PASSWORD_CHANGE_PATHS = frozenset({"/v1/me", "/v1/me/password", "/v1/auth/logout"})


class PasswordChangeRequired(Forbidden):
    code = "password_change_required"
    title = "Choose a new password"


def _token_owner_row(factory: sessionmaker[Session], token: str) -> dict[str, Any] | None:
    """The token's owner row, read on a connection of its own that is back in the pool before
    the handler runs (one statement, no transaction on PostgreSQL)."""
    bind = factory.kw.get("bind")
    if isinstance(bind, Engine):
        return read_token_owner_row(engine=autocommit_engine(bind), token=token)
    with factory() as session:  # bound to a connection (tests): read on it
        return resolve_token_row(session=session, token=token)


async def current_user(
    request: Request,
    clock: ClockDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(bearer_token)],
) -> User:
    """The user behind the request's bearer token; 401 `unauthorized` otherwise.

    A serving process that keeps recently checked tokens (`backend.auth.checked_tokens`)
    answers from them on the event loop. Otherwise the token is read in one thread-pool call
    with a connection of its own (taken and given back within that call), never on the
    request's session: that session must not hold a connection while the request waits for
    the thread that runs the handler. Either way the token's expiry and revocation and the
    user's state are judged on every request (`live_owner`)."""
    if token is None:
        raise Unauthorized("Sign in and send the access token as 'Authorization: Bearer <token>'.")
    checked: CheckedTokens | None = getattr(request.app.state, "checked_tokens", None)
    digest = token_digest(token) if checked is not None else ""
    row = checked.get(digest) if checked is not None else None
    if row is not None:
        user = live_owner(row, now=clock.now(), demo_mode=settings.demo_mode)
    else:
        generation = checked.generation if checked is not None else 0
        row = await run_in_threadpool(_token_owner_row, get_session_factory(request), token)
        user = live_owner(row, now=clock.now(), demo_mode=settings.demo_mode)
        if user is not None and checked is not None and row is not None:
            checked.keep(digest, row, generation)
    if user is None:
        raise Unauthorized("The access token is invalid, expired or revoked. Sign in again.")
    if user.must_change_password and request.url.path not in PASSWORD_CHANGE_PATHS:
        raise PasswordChangeRequired("Choose a new password first (POST /v1/me/password).")
    request.state.user = user
    return user


UserDep = Annotated[User, Depends(current_user)]


def require_roles(*roles: str) -> Callable[[User], Awaitable[User]]:
    """A dependency that returns the current user if their role is one of `roles`, else 403."""
    allowed = frozenset(roles)

    async def check_role(user: UserDep) -> User:
        if user.role not in allowed:
            raise Forbidden(f"Your role ({user.role}) may not do this.")
        return user

    check_role.__name__ = f"require_roles_{'_'.join(sorted(allowed))}"
    return check_role


async def request_context(request: Request, user: UserDep, clock: ClockDep) -> RequestContext:
    return RequestContext(
        user=user,
        request_id=getattr(request.state, "request_id", None),
        idempotency_key=request.headers.get("idempotency-key"),
        clock=clock,
    )


ContextDep = Annotated[RequestContext, Depends(request_context)]
