"""`GET /v1/accounts/{id}/bills` and `GET /v1/accounts/{id}/bills/{bill_id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Response

from backend.accounts.service import get_account
from backend.billing import queries
from backend.billing.schemas import BillDetail, BillOut
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import CUSTOMER_DATA, READ_RESPONSES, AccountId, entity_id
from backend.deps import SessionDep

router = APIRouter(prefix="/v1/accounts/{account_id}/bills", tags=["bills"], dependencies=CUSTOMER_DATA)


@router.get("", response_model=Page[BillOut], responses=READ_RESPONSES)
def list_bills(
    account_id: AccountId,
    session: SessionDep,
    limit: Annotated[int, limit_query(24)] = 24,
    cursor: CursorQuery = None,
) -> Response:
    """The account's bills, newest first. Answered as JSON made straight from what it read."""
    body = queries.bills_json(connection=session.connection(), account_id=account_id, limit=limit, cursor=cursor)
    return Response(content=body, media_type="application/json")


@router.get("/{bill_id}", response_model=BillDetail, responses=READ_RESPONSES)
def get_bill(
    account_id: AccountId, bill_id: Annotated[int, entity_id("Bill id")], session: SessionDep
) -> BillDetail:
    """One bill with its lines in order (Σ lines = total_fen)."""
    account = get_account(session=session, account_id=account_id)
    return queries.get_bill(session=session, account_id=account_id, bill_id=bill_id,
                            overdue_since=account.overdue_since)
