"""FastAPI dependencies: the request's session, clock, settings, user, roles and context.

A route declares what it needs with the `Annotated` aliases:

    def handler(session: SessionDep, user: UserDep, ctx: ContextDep) -> ...

and guards a role with `dependencies=[Depends(require_roles("supervisor"))]` or
`user: Annotated[User, Depends(require_roles("supervisor", "admin"))]`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from backend.auth.models import User
from backend.auth.service import resolve_token
from backend.clock import BusinessClock
from backend.common.context import RequestContext
from backend.db import begin_writes_for_method
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


def _finish(session: Session, request: Request, *, commit: bool) -> None:
    """Commit (or roll back) and close; after a rollback, or a commit that failed, run the
    request's rollback callbacks."""
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
        session.close()


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: committed when the handler returns, rolled back when it raises.

    Declared with scope="function" (see `SessionDep`) so the commit happens before the response
    is sent: a client is never told of a write that then fails to commit. Making a session does
    no I/O, so it happens on the event loop; the commit or rollback (database I/O) runs on the
    thread pool, one hop instead of the two a plain generator dependency costs.
    """
    session = get_session_factory(request)()
    begin_writes_for_method(session, request.method)  # SQLite: a write request begins IMMEDIATE
    try:
        yield session
    except BaseException:
        await run_in_threadpool(_finish, session, request, commit=False)
        raise
    await run_in_threadpool(_finish, session, request, commit=True)


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


def current_user(
    request: Request,
    session: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(bearer_token)],
) -> User:
    """The user behind the request's bearer token; 401 `unauthorized` otherwise."""
    if token is None:
        raise Unauthorized("Sign in and send the access token as 'Authorization: Bearer <token>'.")
    user = resolve_token(session=session, token=token, now=clock.now(), demo_mode=settings.demo_mode)
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
