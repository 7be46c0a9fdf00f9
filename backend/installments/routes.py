"""`GET /v1/accounts/{id}/installment-plans` and `GET /v1/installment-plans/{id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from backend.accounts.service import get_account
from backend.common.pagination import Page
from backend.common.routing import CUSTOMER_DATA, READ_RESPONSES, AccountId, entity_id
from backend.deps import SessionDep
from backend.installments import service
from backend.installments.schemas import InstallmentPlanOut

router = APIRouter(prefix="/v1", tags=["installments"], dependencies=CUSTOMER_DATA)


@router.get(
    "/accounts/{account_id}/installment-plans",
    response_model=Page[InstallmentPlanOut],
    responses=READ_RESPONSES,
)
def list_plans(account_id: AccountId, session: SessionDep) -> Page[InstallmentPlanOut]:
    """All the account's plans with their schedules, newest first, in one page (`next_cursor` null)."""
    get_account(session=session, account_id=account_id)
    plans = service.plans_for_accounts(session=session, account_ids=[account_id])
    return Page[InstallmentPlanOut](items=plans, next_cursor=None)


@router.get("/installment-plans/{plan_id}", response_model=InstallmentPlanOut, responses=READ_RESPONSES)
def get_plan(
    plan_id: Annotated[int, entity_id("Installment plan id")], session: SessionDep
) -> InstallmentPlanOut:
    """One plan with its schedule."""
    return service.get_plan(session=session, plan_id=plan_id)
