"""`GET /v1/customers`, `GET /v1/customers/{id}`, `POST /v1/customers/{id}/reveal`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from backend.common.pagination import CursorQuery, Page, limit_query
from backend.common.routing import (
    CUSTOMER_DATA,
    READ_RESPONSES,
    WITHOUT_NUL,
    CustomerId,
    comma_list_pattern,
    problem_responses,
)
from backend.customers import service
from backend.customers.schemas import CustomerHit, CustomerProfile, RevealOut, RevealRequest
from backend.deps import ClockDep, ContextDep, SessionDep, SettingsDep

router = APIRouter(prefix="/v1/customers", tags=["customers"], dependencies=CUSTOMER_DATA)

# Search and open are the reads of every call. Each answers JSON made straight from what it
# read (a `Response`: FastAPI neither re-validates nor re-serializes it); the documented
# `response_model` is what that JSON is.


@router.get("", response_model=Page[CustomerHit], responses=problem_responses(401, 403, 422))
def search_customers(
    session: SessionDep,
    clock: ClockDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=service.SEARCH_MAX_LENGTH,
            pattern=WITHOUT_NUL,
            examples=["王", "13812345678", "HB0000000001", "1234"],
            description="A full phone number (11 digits), an account number (HB…/JB…), a national ID "
            "(full or its last 4) or the start of a name.",
        ),
    ],
    limit: Annotated[int, limit_query(20)] = 20,
    cursor: CursorQuery = None,
) -> Response:
    """Find customers without revealing personal data. Names match by prefix, the rest exactly."""
    body = service.search_json(
        connection=session.connection(), q=q, limit=limit, cursor=cursor, today=clock.today()
    )
    return Response(content=body, media_type="application/json")


@router.get("/{customer_id}", response_model=CustomerProfile, responses=READ_RESPONSES)
def get_customer(
    customer_id: CustomerId,
    session: SessionDep,
    clock: ClockDep,
    include: Annotated[
        str | None,
        Query(
            max_length=100,
            pattern=comma_list_pattern(service.INCLUDES),
            description="Comma list of `accounts` (account overviews), `current_bills` (each "
            "account's latest bill), `plans` (installment plans with schedules) and `alerts` (live and "
            "waiting arrangements, open disputes and fraud reports, freezes, last contact): the customer "
            "workspace in one call.",
        ),
    ] = None,
) -> Response:
    """The masked profile, flags and accounts, with what `include` asks for."""
    includes = service.parse_includes(include)
    body = service.customer_profile(session=session, customer_id=customer_id, includes=includes, today=clock.today())
    return Response(content=body, media_type="application/json")


@router.post(
    "/{customer_id}/reveal",
    response_model=RevealOut,
    responses=problem_responses(
        400, 401, 403, 404, 422, 429, s429="Reveal limit per hour reached (`reveal_limit`)"
    ),
)
def reveal(
    customer_id: CustomerId, body: RevealRequest, session: SessionDep, ctx: ContextDep, settings: SettingsDep
) -> RevealOut:
    """Show one masked field in full. Takes a reason, writes an audit record (`customer.reveal`,
    with the field and the reason, never the value) and is limited per user per hour.

    A read: it needs no `Idempotency-Key`, and repeating it reveals (and audits) again."""
    return service.reveal_field(
        session=session,
        customer_id=customer_id,
        field=body.field,
        reason=body.reason,
        ctx=ctx,
        per_hour=settings.reveals_per_user_per_hour,
    )
