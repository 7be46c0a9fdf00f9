"""Users, logins, lockout and bearer tokens.

Tokens are opaque random strings (`secrets.token_urlsafe(32)`); only their sha256 is stored.
A token lives `settings.token_lifetime_hours` and can be revoked. `login_max_failures` failed
logins within `login_failure_window_minutes` lock the user for `login_lockout_minutes`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from sqlalchemy import bindparam, delete, exists, func, select
from sqlalchemy.orm import Session

from backend.auth.models import ROLES, AuthToken, LoginFailure, User
from backend.auth.passwords import (
    PasswordCheck,
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
    if password_hash is None and not password:
        errors["password"] = ["must not be empty"]
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


def check_password_of(*, session: Session, username: str, password: str) -> PasswordCheck:
    """Read `username`'s hash on `session`, END its transaction (the connection goes back to the
    pool), then verify `password`: the ~30 ms of argon2 never hold a connection. Pass the result
    to `authenticate` on a new transaction."""
    stored = session.scalar(select(User.password_hash).where(User.username == username, User.active.is_(True)))
    session.rollback()
    return check_password(stored, password)


def authenticate(
    *,
    session: Session,
    settings: Settings,
    username: str,
    password: str,
    now: datetime,
    check: PasswordCheck | None = None,
) -> IssuedToken:
    """Check the password and issue a token, or raise a `LoginRefused`.

    `check` is the password already verified with no connection held (`check_password_of`);
    without it (or if the hash changed since), the password is verified here.
    An unknown or inactive username is answered exactly like a wrong password. A failed attempt
    is written to the session, so the caller must commit even when this raises.
    """
    user = get_user_by_username(session=session, username=username)
    if user is None or not user.active:
        if check is None:
            burn_verification_time(password)
        raise InvalidCredentials("Wrong username or password.")
    if user.locked_until is not None and user.locked_until > now:
        raise AccountLocked(
            f"Too many failed logins. Try again after {user.locked_until.isoformat()}.",
            extra={"locked_until": user.locked_until.isoformat()},
        )
    matches = check.matches_hash(user.password_hash) if check is not None else None
    if matches is None:
        check = check_password(user.password_hash, password)
        matches = check.matches
    if not matches:
        _record_failure(session=session, settings=settings, user=user, now=now)
        raise InvalidCredentials("Wrong username or password.")
    if user.is_demo and not settings.demo_mode:
        raise DemoUserDisabled("Demo users can sign in only when the backend runs in demo mode.")
    if check is not None and check.upgraded_hash is not None:
        user.password_hash = check.upgraded_hash  # made with older parameters: upgraded now
    session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id))
    user.locked_until = None
    return issue_token(
        session=session, user=user, now=now, lifetime=timedelta(hours=settings.token_lifetime_hours)
    )


def _record_failure(*, session: Session, settings: Settings, user: User, now: datetime) -> None:
    session.add(LoginFailure(user_id=user.id, at=now))
    session.flush()
    window_start = now - timedelta(minutes=settings.login_failure_window_minutes)
    failures = session.scalar(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.user_id == user.id, LoginFailure.at > window_start)
    )
    if (failures or 0) >= settings.login_max_failures:
        user.locked_until = now + timedelta(minutes=settings.login_lockout_minutes)
        # The lock is the consequence of these failures; after it the user starts afresh.
        session.execute(delete(LoginFailure).where(LoginFailure.user_id == user.id))


def issue_token(*, session: Session, user: User, now: datetime, lifetime: timedelta) -> IssuedToken:
    token = secrets.token_urlsafe(32)
    expires_at = now + lifetime
    session.add(
        AuthToken(token_hash=token_digest(token), user_id=user.id, created_at=now, expires_at=expires_at)
    )
    session.flush()
    return IssuedToken(access_token=token, expires_at=expires_at, user=user)


# Every request runs this lookup: the statement is built once (building it costs more than running it).
_TOKEN_OWNER = (
    select(User, AuthToken.expires_at, AuthToken.revoked_at)
    .join(AuthToken, AuthToken.user_id == User.id)
    .where(AuthToken.token_hash == bindparam("digest"))
)


def resolve_token(*, session: Session, token: str, now: datetime, demo_mode: bool = True) -> User | None:
    """The active user a live (unexpired, unrevoked) token belongs to, or None."""
    if not token or len(token) > 512:
        return None
    row = session.execute(_TOKEN_OWNER, {"digest": token_digest(token)}).one_or_none()
    if row is None:
        return None
    user: User = row[0]
    expires_at, revoked_at = row[1], row[2]
    if revoked_at is not None or expires_at <= now or not user.active:
        return None
    if user.is_demo and not demo_mode:
        return None
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
