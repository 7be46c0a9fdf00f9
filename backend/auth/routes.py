"""`POST /v1/auth/token`, `POST /v1/auth/logout`, `GET /v1/me`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from backend.auth import service
from backend.auth.schemas import TokenRequest, TokenResponse, UserOut
from backend.common.routing import problem_responses
from backend.deps import ClockDep, SessionDep, SettingsDep, UserDep, bearer_token

router = APIRouter(prefix="/v1", tags=["auth"])


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    responses=problem_responses(
        400, 401, 422, s400="The body is not JSON", s401="Wrong username or password, or the user is locked"
    ),
)
def create_token(
    body: TokenRequest, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> TokenResponse:
    """Sign in with username and password; returns a bearer token valid for one shift."""
    # The attempt is claimed and committed before argon2 runs: no connection is held while it does.
    try:
        issued = service.authenticate(
            session=session,
            settings=settings,
            username=body.username,
            password=body.password,
            now=clock.now(),
        )
    except service.LoginRefused:
        session.commit()  # the failed attempt counts towards the lockout
        raise
    return TokenResponse(
        access_token=issued.access_token,
        expires_at=issued.expires_at,
        user=UserOut.model_validate(issued.user),
    )


@router.post("/auth/logout", status_code=204, response_class=Response, responses=problem_responses(401))
def logout(
    user: UserDep, session: SessionDep, clock: ClockDep, token: Annotated[str | None, Depends(bearer_token)]
) -> Response:
    """Revoke the token this request was made with."""
    assert token is not None  # current_user has checked it
    if service.revoke_token(session=session, token=token, now=clock.now()):
        service.record_auth_event(session=session, action="auth.logout", user=user, now=clock.now())
    return Response(status_code=204)


@router.get("/me", response_model=UserOut, responses=problem_responses(401))
async def me(user: UserDep) -> UserOut:
    return UserOut.model_validate(user)
