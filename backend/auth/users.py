"""Managing users (DESIGN.md §3 "Users and policy", docs/admin.md): create, change role, disable
and enable, reset a password; a user's own password change.

Rules:
- a password is at least `MIN_PASSWORD_LENGTH` characters and is not the username;
- a password an admin chose (at creation or reset) must be replaced by the user at the next
  sign-in (`must_change_password`; `backend.deps.current_user` holds the user to that);
- the last enabled admin cannot be disabled or demoted. Two admins demoting each other at the same
  moment must not leave none: every such change first locks the rows of the enabled admins (in id
  order, so two requests never wait on each other crosswise; on SQLite by taking the database's
  write lock first), counts them under that lock, and checks that the actor is still one of them;
- a disabled user's tokens stop at once (`read_token_owner` and `resolve_token` refuse an inactive user) and are revoked;
- every change writes an audit record (never a password or its hash).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.audit.service import record_audit, snapshot
from backend.auth.models import ROLES, Role, User
from backend.auth.passwords import hash_password, verify_password
from backend.auth.service import create_user, revoke_user_tokens
from backend.common.context import RequestContext
from backend.common.pagination import decode_cursor, page_of
from backend.errors import Conflict, Forbidden, NotFound, ValidationFailed

MIN_PASSWORD_LENGTH = 12
USERS_CURSOR = "users"
# What the audit trail keeps of a user: never the password hash.
AUDITED_FIELDS = ("username", "display_name", "role", "active", "must_change_password")


class LastAdmin(Conflict):
    code = "last_admin"
    title = "The last admin must stay"


class WeakPassword(ValidationFailed):
    code = "weak_password"
    title = "The password is not allowed"


class WrongPassword(ValidationFailed):
    code = "wrong_current_password"
    title = "The current password is wrong"


def password_problem(password: str, username: str) -> str | None:
    """Why `password` may not be used by `username`, as a sentence; None when it may."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password must be at least {MIN_PASSWORD_LENGTH} characters long."
    if password.strip().casefold() == username.strip().casefold():
        return "The password must not be the username."
    return None


def _check_password(password: str, username: str, field: str = "body.password") -> None:
    problem = password_problem(password, username)
    if problem is not None:
        raise WeakPassword(problem, errors={field: [problem]})


def _audit_user(
    session: Session, ctx: RequestContext, action: str, user: User, before: dict[str, object] | None
) -> None:
    after = snapshot(user, *AUDITED_FIELDS)
    if before is not None:
        before, after = (
            {k: v for k, v in before.items() if before[k] != after[k]},
            {k: v for k, v in after.items() if before[k] != after[k]},
        )
    record_audit(session=session, ctx=ctx, action=action, entity_type="user", entity_id=user.id,
                 before=before, after=after)


def list_users(*, session: Session, limit: int, cursor: str | None) -> tuple[Sequence[User], str | None]:
    """Users by username, a page at a time."""
    query = select(User)
    if cursor is not None:
        (after,) = decode_cursor(cursor, USERS_CURSOR, (str,))
        query = query.where(User.username > after)
    rows = session.scalars(query.order_by(User.username).limit(limit + 1)).all()
    return page_of(rows, limit=limit, kind=USERS_CURSOR, key=lambda user: (user.username,))


def add_user(
    *, session: Session, ctx: RequestContext, username: str, display_name: str, role: str, password: str
) -> User:
    """Create a user who must choose their own password at the first sign-in."""
    _check_password(password, username)
    user = create_user(
        session=session, username=username, display_name=display_name, role=role, password=password,
        now=ctx.clock.now(),
    )
    user.must_change_password = True
    session.flush()
    _audit_user(session, ctx, "user.created", user, None)
    return user


def _lock_enabled_admins(session: Session, target_id: int) -> list[int]:
    """Lock the enabled admins' rows (and, on SQLite, the database) until the transaction ends;
    their ids, as they are now."""
    if session.get_bind().dialect.name == "sqlite":
        # pysqlite begins the transaction at the first write: write first, so the count below is
        # read under the write lock and no other writer can change it before we commit.
        session.execute(update(User).where(User.id == target_id).values(role=User.role))
    return list(
        session.scalars(
            select(User.id)
            .where(User.role == Role.ADMIN.value, User.active.is_(True))
            .order_by(User.id)
            .with_for_update()
        )
    )


def _locked_target(session: Session, ctx: RequestContext, user_id: int, *, admin_rule: bool) -> tuple[User, list[int]]:
    admins = _lock_enabled_admins(session, user_id) if admin_rule else []
    if admin_rule and ctx.user.id not in admins:
        # Demoted or disabled by another admin while this request waited for the lock.
        raise Forbidden("You are no longer an enabled admin.")
    user = session.get(User, user_id, with_for_update=True, populate_existing=True)
    if user is None:
        raise NotFound(f"There is no user {user_id}.")
    return user, admins


def _refuse_last_admin(user: User, admins: list[int], what: str) -> None:
    if user.id in admins and len(admins) <= 1:
        raise LastAdmin(f"{user.username} is the last enabled admin and cannot be {what}. Make another admin first.")


def change_role(*, session: Session, ctx: RequestContext, user_id: int, role: str) -> User:
    if role not in ROLES:
        raise ValidationFailed(f"The role must be one of {', '.join(ROLES)}.", errors={"body.role": [f"one of {', '.join(ROLES)}"]})
    user, admins = _locked_target(session, ctx, user_id, admin_rule=True)
    if user.role == role:
        return user
    if role != Role.ADMIN.value:
        _refuse_last_admin(user, admins, "demoted")
    before = snapshot(user, *AUDITED_FIELDS)
    user.role = role
    session.flush()
    _audit_user(session, ctx, "user.role_changed", user, before)
    return user


def set_enabled(*, session: Session, ctx: RequestContext, user_id: int, enabled: bool) -> User:
    """Enable or disable a user; a disabled user's tokens are revoked (and refused at once anyway)."""
    user, admins = _locked_target(session, ctx, user_id, admin_rule=not enabled)
    if user.active == enabled:
        return user
    if not enabled:
        _refuse_last_admin(user, admins, "disabled")
    before = snapshot(user, *AUDITED_FIELDS)
    user.active = enabled
    if enabled:
        user.locked_until = None
    else:
        revoke_user_tokens(session=session, user_id=user.id, now=ctx.clock.now())
    session.flush()
    _audit_user(session, ctx, "user.enabled" if enabled else "user.disabled", user, before)
    return user


def reset_password(*, session: Session, ctx: RequestContext, user_id: int, password: str) -> User:
    """Set a password the user must replace at the next sign-in; ends their sessions and any lockout."""
    user, _admins = _locked_target(session, ctx, user_id, admin_rule=False)
    _check_password(password, user.username)
    before = snapshot(user, *AUDITED_FIELDS)
    user.password_hash = hash_password(password)
    user.must_change_password = True
    user.locked_until = None
    revoke_user_tokens(session=session, user_id=user.id, now=ctx.clock.now())
    session.flush()
    _audit_user(session, ctx, "user.password_reset", user, before)
    return user


def change_own_password(*, session: Session, ctx: RequestContext, current_password: str, new_password: str) -> User:
    """The signed-in user replaces their password (knowing the current one)."""
    user = session.get(User, ctx.user.id, with_for_update=True, populate_existing=True)
    if user is None:  # deleted under the request; cannot happen through the API
        raise NotFound("There is no such user.")
    if not verify_password(user.password_hash, current_password):
        raise WrongPassword(
            "The current password is wrong.", errors={"body.current_password": ["is wrong"]}
        )
    _check_password(new_password, user.username, "body.new_password")
    if new_password == current_password:
        message = "The new password must differ from the current one."
        raise WeakPassword(message, errors={"body.new_password": [message]})
    before = snapshot(user, *AUDITED_FIELDS)
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    session.flush()
    _audit_user(session, ctx, "user.password_changed", user, before)
    return user
