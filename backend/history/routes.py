"""`GET /v1/customers/{id}/history` and `GET /v1/customers/{id}/alerts`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import CUSTOMER_DATA, READ_RESPONSES, CustomerId, comma_list_pattern
from backend.deps import SessionDep
from backend.history import service
from backend.history.schemas import HISTORY_KINDS, CustomerAlerts, HistoryEntry

router = APIRouter(prefix="/v1/customers/{customer_id}", tags=["customers"], dependencies=CUSTOMER_DATA)


@router.get("/history", response_model=Page[HistoryEntry], responses=READ_RESPONSES)
def customer_history(
    customer_id: CustomerId,
    session: SessionDep,
    kind: Annotated[
        str | None,
        Query(max_length=100, pattern=comma_list_pattern(HISTORY_KINDS),
              description="Comma list of `note`, `case` (case steps), `arrangement`, `reveal`, `money` "
              "(dispute money events); all when absent."),
    ] = None,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[HistoryEntry]:
    """One contact history over every account of the customer, newest first."""
    return service.customer_history(session=session, customer_id=customer_id, kinds=service.parse_kinds(kind),
                                    limit=limit, cursor=cursor)


@router.get("/alerts", response_model=CustomerAlerts, responses=READ_RESPONSES)
def customer_alerts(customer_id: CustomerId, session: SessionDep) -> CustomerAlerts:
    """What the workspace's alert strip shows: live and waiting arrangements, open disputes and
    fraud reports with amounts, frozen accounts and why, and the last contact."""
    return service.customer_alerts(session=session, customer_id=customer_id)
