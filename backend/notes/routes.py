"""`GET /v1/accounts/{id}/notes` and `POST /v1/accounts/{id}/notes`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from starlette.responses import Response

from backend.accounts.service import get_account
from backend.common.idempotency import IdempotencyDep
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import (
    CUSTOMER_DATA,
    READ_RESPONSES,
    AccountId,
    problem_responses,
)
from backend.deps import ContextDep, SessionDep
from backend.notes import service
from backend.notes.schemas import NoteIn, NoteOut

router = APIRouter(prefix="/v1/accounts/{account_id}/notes", tags=["notes"], dependencies=CUSTOMER_DATA)


@router.get("", response_model=Page[NoteOut], responses=READ_RESPONSES)
def list_notes(
    account_id: AccountId,
    session: SessionDep,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[NoteOut]:
    """The account's contact notes, newest first."""
    get_account(session=session, account_id=account_id)
    return service.list_notes(session=session, account_id=account_id, limit=limit, cursor=cursor)


@router.post(
    "",
    status_code=201,
    response_model=NoteOut,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        422,
        s400="Idempotency-Key missing",
        s409="The same request is still in flight",
        s422="Validation failed, or the Idempotency-Key was used with another body",
    ),
)
def add_note(
    account_id: AccountId, body: NoteIn, session: SessionDep, ctx: ContextDep, idem: IdempotencyDep
) -> Response:
    """Write a contact note as the signed-in user. Requires an `Idempotency-Key`; audited."""
    account = get_account(session=session, account_id=account_id)
    return idem.complete(service.add_note(session=session, account=account, note=body, ctx=ctx))


