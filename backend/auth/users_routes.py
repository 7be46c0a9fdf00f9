"""`GET/POST /v1/users`, `POST /v1/users/{id}/actions/{disable,enable,reset_password,change_role}`
(admins), and `POST /v1/me/password` (anyone signed in)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from starlette.responses import Response

from backend.auth import users
from backend.auth.models import Role
from backend.auth.schemas import UserOut
from backend.auth.users_schemas import ChangeRoleIn, ManagedUserOut, NewUserIn, OwnPasswordIn, ResetPasswordIn
from backend.common.idempotency import IdempotencyDep
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import entity_id, problem_responses
from backend.deps import ContextDep, SessionDep, require_roles

router = APIRouter(prefix="/v1", tags=["users"])
ADMIN = [Depends(require_roles(Role.ADMIN.value))]
UserId = Annotated[int, entity_id("User id")]

WRITE_RESPONSES = problem_responses(
    400, 401, 403, 404, 409, 422,
    s400="Idempotency-Key missing",
    s409="The last enabled admin cannot be disabled or demoted, or the same request is still in flight",
    s422="Validation failed (e.g. a password under 12 characters), or the Idempotency-Key was used with another body",
)


@router.get("/users", response_model=Page[ManagedUserOut], dependencies=ADMIN,
            responses=problem_responses(401, 403, 422))
def list_users(
    session: SessionDep, limit: Annotated[int, limit_query(100)] = 100, cursor: CursorQuery = None
) -> Page[ManagedUserOut]:
    """Every user, by username. Admins."""
    rows, next_cursor = users.list_users(session=session, limit=limit, cursor=cursor)
    return Page[ManagedUserOut](items=[ManagedUserOut.model_validate(u) for u in rows], next_cursor=next_cursor)


@router.post("/users", status_code=201, response_model=ManagedUserOut, dependencies=ADMIN,
             responses=WRITE_RESPONSES)
def create_user(body: NewUserIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep) -> Response:
    """Add a user; they choose their own password at the first sign-in. Admins; audited."""
    user = users.add_user(
        session=session, ctx=ctx, username=body.username, display_name=body.display_name, role=body.role,
        password=body.password,
    )
    return idem.complete(ManagedUserOut.model_validate(user), status_code=201)


@router.post("/users/{user_id}/actions/disable", response_model=ManagedUserOut, dependencies=ADMIN,
             responses=WRITE_RESPONSES)
def disable_user(user_id: UserId, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep) -> Response:
    """Disable a user: they cannot sign in and their tokens stop at once. Not the last enabled admin."""
    user = users.set_enabled(session=session, ctx=ctx, user_id=user_id, enabled=False)
    return idem.complete(ManagedUserOut.model_validate(user))


@router.post("/users/{user_id}/actions/enable", response_model=ManagedUserOut, dependencies=ADMIN,
             responses=WRITE_RESPONSES)
def enable_user(user_id: UserId, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep) -> Response:
    """Enable a disabled user again (and lift a lockout)."""
    user = users.set_enabled(session=session, ctx=ctx, user_id=user_id, enabled=True)
    return idem.complete(ManagedUserOut.model_validate(user))


@router.post("/users/{user_id}/actions/change_role", response_model=ManagedUserOut, dependencies=ADMIN,
             responses=WRITE_RESPONSES)
def change_role(
    user_id: UserId, body: ChangeRoleIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Give a user another role; it applies to their next request. Not demoting the last enabled admin."""
    user = users.change_role(session=session, ctx=ctx, user_id=user_id, role=body.role)
    return idem.complete(ManagedUserOut.model_validate(user))


@router.post("/users/{user_id}/actions/reset_password", response_model=ManagedUserOut, dependencies=ADMIN,
             responses=WRITE_RESPONSES)
def reset_password(
    user_id: UserId, body: ResetPasswordIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Set a temporary password; the user's sessions end and they must choose a new one at sign-in."""
    user = users.reset_password(session=session, ctx=ctx, user_id=user_id, password=body.password)
    return idem.complete(ManagedUserOut.model_validate(user))


@router.post("/me/password", response_model=UserOut, responses=problem_responses(
    400, 401, 422, s400="The body is not JSON", s422="The current password is wrong, or the new one is not allowed"))
def change_own_password(body: OwnPasswordIn, session: SessionDep, ctx: ContextDep) -> UserOut:
    """Replace your own password (required after an admin set it). Audited; no Idempotency-Key
    (like sign-in, it is not replayed)."""
    user = users.change_own_password(
        session=session, ctx=ctx, current_password=body.current_password, new_password=body.new_password
    )
    return UserOut.model_validate(user)
