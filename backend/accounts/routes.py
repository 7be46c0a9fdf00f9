"""`GET /v1/accounts/{id}` and `GET /v1/accounts/{id}/transactions`."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BeforeValidator

from backend.accounts import service
from backend.accounts.schemas import AccountOverview, TransactionOut
from backend.billing.engine import TRANSACTION_TYPES
from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import CUSTOMER_DATA, READ_RESPONSES, AccountId, comma_list_pattern
from backend.deps import ClockDep, SessionDep


def _iso_date_text(value: object) -> object:
    """Only `YYYY-MM-DD`: pydantic would also read `0` or `1700000000` as a date."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("must be a date as YYYY-MM-DD")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[date, BeforeValidator(_iso_date_text)]

router = APIRouter(prefix="/v1/accounts", tags=["accounts"], dependencies=CUSTOMER_DATA)


@router.get("/{account_id}", response_model=AccountOverview, responses=READ_RESPONSES)
def get_account(account_id: AccountId, session: SessionDep, clock: ClockDep) -> AccountOverview:
    """Product, limit, used and available, status, days past due and bucket, current bill, next due."""
    return service.account_overview(session=session, account_id=account_id, today=clock.today())


@router.get("/{account_id}/transactions", response_model=Page[TransactionOut], responses=READ_RESPONSES)
def list_transactions(
    account_id: AccountId,
    session: SessionDep,
    date_from: Annotated[
        IsoDate | None, Query(alias="from", description="First business date (Asia/Shanghai), inclusive")
    ] = None,
    date_to: Annotated[
        IsoDate | None, Query(alias="to", description="Last business date (Asia/Shanghai), inclusive")
    ] = None,
    types: Annotated[
        str | None,
        Query(
            alias="type",
            max_length=400,
            pattern=comma_list_pattern(TRANSACTION_TYPES),
            description=f"Comma list of: {', '.join(TRANSACTION_TYPES)}",
        ),
    ] = None,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Response:
    """The account's transactions, newest first, with the claims disputes and fraud reports hold
    on each. Answered as JSON made straight from what it read (see `search_customers`)."""
    body = service.transactions_json(
        connection=session.connection(),
        account_id=account_id,
        date_from=date_from,
        date_to=date_to,
        types=service.parse_transaction_types(types),
        limit=limit,
        cursor=cursor,
    )
    return Response(content=body, media_type="application/json")
