"""Users, logins, lockout and bearer tokens.

Tokens are opaque random strings (`secrets.token_urlsafe(32)`); only their sha256 is stored.
A token lives `settings.token_lifetime_hours` and can be revoked. `login_max_failures` failed
logins within `login_failure_window_minutes` lock the user for `login_lockout_minutes`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, bindparam, delete, exists, func, select
from sqlalchemy.orm import Session, make_transient_to_detached

from backend.auth.models import ROLES, AuthToken, LoginFailure, User
from backend.auth.passwords import (
    burn_verification_time,
    check_password,
    hash_password,
)
from backend.errors import Conflict, Unauthorized, ValidationFailed
from backend.settings import Settings

DEMO_PASSWORD = "demo"

# (username, display name, role); the demo mode's login dialog offers these.
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    ("agent1", "Agent One", "agent"),
    ("agent2", "Agent Two", "agent"),
    ("handler1", "Handler One", "dispute_handler"),
    ("super1", "Supervisor One", "supervisor"),
    ("super2", "Supervisor Two", "supervisor"),
    ("admin1", "Admin One", "admin"),
)

USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
PASSWORD_MIN_LENGTH = 12


def password_problems(username: str, password: str) -> list[str]:
    """Why `password` may not be `username`'s new password (DESIGN §3 Users): empty when it may."""
    problems = []
    if len(password) < PASSWORD_MIN_LENGTH:
        problems.append(f"at least {PASSWORD_MIN_LENGTH} characters")
    if password.strip().casefold() == username.casefold():
        problems.append("must not be the username")
    return problems


class LoginRefused(Unauthorized):
    """A refused login. The route commits before raising it so the failure count persists."""


class InvalidCredentials(LoginRefused):
    code = "invalid_credentials"
    title = "Wrong username or password"


class AccountLocked(LoginRefused):
    code = "account_locked"
    title = "Account locked"


class DemoUserDisabled(LoginRefused):
    code = "demo_user_disabled"
    title = "Demo users are disabled"


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expires_at: datetime
    user: User


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def get_user_by_username(*, session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == username)).one_or_none()


def create_user(
    *,
    session: Session,
    username: str,
    display_name: str,
    role: str,
    password: str,
    is_demo: bool = False,
    now: datetime | None = None,
    password_hash: str | None = None,
) -> User:
    """Add a user with an argon2id hash of `password` (or a precomputed `password_hash`)."""
    errors: dict[str, list[str]] = {}
    if not USERNAME_PATTERN.match(username):
        errors["username"] = ["1–64 letters, digits, '.', '_' or '-', starting with a letter or digit"]
    if role not in ROLES:
        errors["role"] = [f"one of {', '.join(ROLES)}"]
    if not display_name.strip():
        errors["display_name"] = ["must not be empty"]
    if password_hash is None and password_problems(username, password):
        errors["password"] = password_problems(username, password)
    if errors:
        raise ValidationFailed("The user is not valid.", errors=errors)
    if get_user_by_username(session=session, username=username) is not None:
        raise Conflict(f"A user named {username!r} already exists.", code="username_taken")
    user = User(
        username=username,
        display_name=display_name.strip(),
        role=role,
        password_hash=password_hash or hash_password(password),
        is_demo=is_demo,
        active=True,
        locked_until=None,
        created_at=now or utc_now(),
    )
    session.add(user)
    session.flush()
    return user


@dataclass(frozen=True)
class LoginAttempt:
    """A claimed attempt: the user's hash to verify, and the failure row it already counts as."""

    user_id: int
    username: str
    password_hash: str
    reservation_id: int


def _lock_user(session: Session, user_id: int | None = None, username: str | None = None) -> User | None:
    """The user row, locked until the transaction ends (PostgreSQL FOR UPDATE; SQLite: the login
    request's transaction began IMMEDIATE, see backend.db.writes) and read fresh."""
    query = select(User).with_for_update().execution_options(populate_existing=True)
    query = query.where(User.id == user_id) if user_id is not None else query.where(User.username == username)
    return session.scalars(query).one_or_none()


def _failures_in_window(session: Session, settings: Settings, user_id: int, now: datetime) -> int:
    window_start = now - timedelta(minutes=settings.login_failure_window_minutes)
    return int(session.scalar(
        select(func.count()).select_from(LoginFailure)
        .where(LoginFailure.user_id == user_id, LoginFailure.at > window_start)
    ) or 0)


def _locked(user: User, now: datetime) -> AccountLocked:
    assert user.locked_until is not None
    return AccountLocked(
        f"Too many failed logins. Try again after {user.locked_until.isoformat()}.",
        extra={"locked_until": user.locked_until.isoformat()},
    )


def reserve_login_attempt(*, session: Session, settings: Settings, username: str, now: datetime) -> LoginAttempt | None:
    """Step 1 of a sign-in, in one locked step: refuse a locked user, else claim an attempt.

    The attempt is counted as a failure before the password is checked (a success takes it back),
    so of any number of guesses at once at most `login_max_failures` are ever checked: the next
    one finds them counted, locks the user and is refused unchecked. Returns None for an unknown
    or inactive username. The caller commits (also when this raises) before verifying."""
    user = _lock_user(session, username=username)
    if user is None or not user.active:
        return None
    if user.locked_until is not None and user.locked_until > now:
        raise _locked(user, now)
    if _failures_in_window(session, settings, user.id, now) >= settings.login_max_failures:
        _lock_out(session, settings, user, now)
        raise _locked(user, now)
    reservation = LoginFailure(user_id=user.id, at=now)
    session.add(reservation)
    session.flush()
    return LoginAttempt(user.id, user.username, user.password_hash, reservation.id)


def _lock_out(session: Session, settings: Settings, user: User, now: datetime) -> None:
    user.locked_until = now + timedelta(minutes=settings.login_lockout_minutes)
    # The lock is the consequence of these failures; after it the user starts afresh.
    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id))
    record_auth_event(session=session, action="auth.lockout", user=user, now=now,
                      after={"locked_until": user.locked_until})


def finish_login_attempt(
    *, session: Session, settings: Settings, attempt: LoginAttempt, password_ok: bool, now: datetime,
    upgraded_hash: str | None = None,
) -> IssuedToken:
    """Step 2 of a sign-in, after the password was checked outside any transaction: record the
    outcome under the user's row lock and issue a token, or raise a `LoginRefused` (the caller
    commits then too). A lock placed while this attempt was being checked refuses it even with
    the right password."""
    user = _lock_user(session, user_id=attempt.user_id)
    if user is None or not user.active:
        raise InvalidCredentials("Wrong username or password.")
    if not password_ok:
        record_auth_event(session=session, action="auth.login_failed", user=user, now=now)
        locked = user.locked_until is not None and user.locked_until > now
        if not locked and _failures_in_window(session, settings, user.id, now) >= settings.login_max_failures:
            _lock_out(session, settings, user, now)
        raise InvalidCredentials("Wrong username or password.")
    # The right password takes its attempt back.
    session.execute(delete(LoginFailure).where(LoginFailure.id == attempt.reservation_id))
    if user.locked_until is not None and user.locked_until > now:
        raise _locked(user, now)
    if user.is_demo and not settings.demo_mode:
        raise DemoUserDisabled("Demo users can sign in only when the backend runs in demo mode.")
    # A success resets the count of the failures before it.
    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id,
                                               LoginFailure.id < attempt.reservation_id))
    user.locked_until = None
    if upgraded_hash is not None and user.password_hash == attempt.password_hash:
        user.password_hash = upgraded_hash  # made with older argon2 parameters: upgraded now
    issued = issue_token(
        session=session, user=user, now=now, lifetime=timedelta(hours=settings.token_lifetime_hours)
    )
    record_auth_event(session=session, action="auth.login", user=user, now=now)
    return issued


def authenticate(
    *,
    session: Session,
    settings: Settings,
    username: str,
    password: str,
    now: datetime,
) -> IssuedToken:
    """Check the password and issue a token, or raise a `LoginRefused`.

    Three steps: claim an attempt (committed), verify the argon2 hash with no transaction open,
    record the outcome. An unknown or inactive username is answered exactly like a wrong
    password. The caller must commit even when this raises.
    """
    attempt = reserve_login_attempt(session=session, settings=settings, username=username, now=now)
    session.commit()
    if attempt is None:
        burn_verification_time(password)
        record_auth_event(session=session, action="auth.login_failed", user=None, now=now, username=username[:64])
        raise InvalidCredentials("Wrong username or password.")
    check = check_password(attempt.password_hash, password)  # argon2, with no connection held
    return finish_login_attempt(session=session, settings=settings, attempt=attempt,
                                password_ok=check.matches, now=now, upgraded_hash=check.upgraded_hash)


def record_auth_event(*, session: Session, action: str, user: User | None, now: datetime,
                      after: dict[str, object] | None = None, username: str | None = None) -> None:
    """Audit a sign-in, failed sign-in, lockout or sign-out (`auth.*`), the user as actor and entity."""
    from backend.audit.service import record_audit  # the audit package reads users: import late

    record_audit(
        session=session,
        action=action,
        entity_type="user",
        entity_id=user.id if user is not None else (username or ""),
        actor_id=user.id if user is not None else None,
        actor_role=user.role if user is not None else None,
        at=now,
        after=after if after is not None else {"username": user.username if user is not None else username},
    )


def issue_token(*, session: Session, user: User, now: datetime, lifetime: timedelta) -> IssuedToken:
    token = secrets.token_urlsafe(32)
    expires_at = now + lifetime
    session.add(
        AuthToken(token_hash=token_digest(token), user_id=user.id, created_at=now, expires_at=expires_at)
    )
    session.flush()
    return IssuedToken(access_token=token, expires_at=expires_at, user=user)


# Every request runs this lookup: the statement is built once (building it costs more than running it).
_TOKEN_OWNER_COLUMNS = (
    select(*User.__table__.columns, AuthToken.expires_at.label("token_expires_at"),
           AuthToken.revoked_at.label("token_revoked_at"))
    .join(AuthToken, AuthToken.user_id == User.id)
    .where(AuthToken.token_hash == bindparam("digest"))
)


def read_token_owner(*, engine: Engine, token: str, now: datetime, demo_mode: bool = True) -> User | None:
    """The active user a live (unexpired, unrevoked) token belongs to, or None. Every request's
    bearer token is checked here (or in the process's recently checked tokens,
    `backend.auth.checked_tokens`), so it is cheap: one statement on a pooled connection, outside
    any transaction where the database allows it (PostgreSQL in autocommit: no BEGIN and no
    ROLLBACK round trip), and the row turned into a detached `User` without a session."""
    return live_owner(read_token_owner_row(engine=engine, token=token), now=now, demo_mode=demo_mode)


def read_token_owner_row(*, engine: Engine, token: str) -> dict[str, Any] | None:
    """The row `live_owner` judges: the token's user's columns, with the token's expiry and
    revocation; None for no such token."""
    if not token or len(token) > 512:
        return None
    with engine.connect() as connection:
        row = connection.execute(_TOKEN_OWNER_COLUMNS, {"digest": token_digest(token)}).mappings().one_or_none()
    return dict(row) if row is not None else None


def resolve_token(*, session: Session, token: str, now: datetime, demo_mode: bool = True) -> User | None:
    """`read_token_owner` on a session's connection (a session bound to a connection, as in tests)."""
    return live_owner(resolve_token_row(session=session, token=token), now=now, demo_mode=demo_mode)


def resolve_token_row(*, session: Session, token: str) -> dict[str, Any] | None:
    """`read_token_owner_row` on a session's connection."""
    if not token or len(token) > 512:
        return None
    row = session.execute(_TOKEN_OWNER_COLUMNS, {"digest": token_digest(token)}).mappings().one_or_none()
    return dict(row) if row is not None else None


def live_owner(row: Mapping[str, Any] | None, *, now: datetime, demo_mode: bool) -> User | None:
    """The user of a token owner row, if the token is live (not revoked, not expired) and the
    user may sign in (active; a demo user only in demo mode); a new detached `User` each time."""
    if row is None:
        return None
    if row["token_revoked_at"] is not None or row["token_expires_at"] <= now or not row["active"]:
        return None
    if row["is_demo"] and not demo_mode:
        return None
    user = User(**{column.key: row[column.name] for column in User.__table__.columns})
    make_transient_to_detached(user)  # as if loaded by a session that has closed
    return user


def revoke_token(*, session: Session, token: str, now: datetime) -> bool:
    """Revoke a token; True when it existed and was live."""
    record = session.get(AuthToken, token_digest(token))
    if record is None or record.revoked_at is not None:
        return False
    record.revoked_at = now
    session.flush()
    return True


def revoke_user_tokens(*, session: Session, user_id: int, now: datetime) -> None:
    for record in session.scalars(
        select(AuthToken).where(AuthToken.user_id == user_id, AuthToken.revoked_at.is_(None))
    ):
        record.revoked_at = now
    session.flush()


@lru_cache(maxsize=1)
def _demo_password_hash() -> str:
    # One hash shared by all demo users: seeding stays fast and the password is public anyway.
    return hash_password(DEMO_PASSWORD)


def ensure_demo_users(*, session: Session, now: datetime | None = None) -> list[User]:
    """Create the demo users that are missing (password `demo`); returns the ones created."""
    existing = set(
        session.scalars(select(User.username).where(User.username.in_([u for u, _, _ in DEMO_USERS])))
    )
    created = []
    for username, display_name, role in DEMO_USERS:
        if username in existing:
            continue
        created.append(
            create_user(
                session=session,
                username=username,
                display_name=display_name,
                role=role,
                password="",
                password_hash=_demo_password_hash(),
                is_demo=True,
                now=now,
            )
        )
    return created


def demo_users_exist(*, session: Session) -> bool:
    return bool(session.scalar(select(exists().where(User.is_demo.is_(True)))))
