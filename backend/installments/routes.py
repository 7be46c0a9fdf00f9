"""`GET /v1/accounts/{id}/installment-plans`, `GET /v1/installment-plans/{id}` and its `/payoff-quote`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Response
from pydantic_core import to_json

from backend.accounts.models import Account
from backend.accounts.service import get_account
from backend.common.pagination import Page
from backend.common.routing import CUSTOMER_DATA, READ_RESPONSES, AccountId, entity_id, problem_responses
from backend.deps import ContextDep, SessionDep
from backend.installments import service
from backend.installments.payoff import plan_for_payoff, quote_payoff
from backend.installments.schemas import InstallmentPlanOut, PayoffQuoteOut

router = APIRouter(prefix="/v1", tags=["installments"], dependencies=CUSTOMER_DATA)


@router.get(
    "/accounts/{account_id}/installment-plans",
    response_model=Page[InstallmentPlanOut],
    responses=READ_RESPONSES,
)
def list_plans(account_id: AccountId, session: SessionDep) -> Response:
    """All the account's plans with their schedules, newest first, in one page (`next_cursor` null)."""
    get_account(session=session, account_id=account_id)
    plans = service.plans_of(session.connection(), account_ids=[account_id])
    return Response(content=to_json({"items": plans, "next_cursor": None}), media_type="application/json")


@router.get("/installment-plans/{plan_id}", response_model=InstallmentPlanOut, responses=READ_RESPONSES)
def get_plan(
    plan_id: Annotated[int, entity_id("Installment plan id")], session: SessionDep
) -> Response:
    """One plan with its schedule."""
    plan = service.get_plan(reader=session.connection(), plan_id=plan_id)
    return Response(content=to_json(plan), media_type="application/json")


@router.get(
    "/installment-plans/{plan_id}/payoff-quote",
    response_model=PayoffQuoteOut,
    responses=problem_responses(
        401, 403, 404, 409, 422, s404="No such plan",
        s409="The plan has ended (`plan_ended`) or its payoff is already set up (`payoff_in_force`)",
    ),
)
def payoff_quote(
    plan_id: Annotated[int, entity_id("Installment plan id")], session: SessionDep, ctx: ContextDep
) -> PayoffQuoteOut:
    """What paying the plan off early means today: the principal still owed of the periods not
    yet billed (it becomes due at once, on `due_date`), their fees waived, and what the billed
    periods still owe. Changes nothing; set it up as a `plan_payoff` arrangement."""
    plan = plan_for_payoff(session, plan_id)
    account = session.get(Account, plan.account_id)
    assert account is not None  # a plan's account is never deleted
    quote = quote_payoff(session=session, plan=plan, account=account, today=ctx.clock.today())
    return PayoffQuoteOut(**vars(quote))
