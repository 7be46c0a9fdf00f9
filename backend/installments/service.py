"""Reading installment plans with their schedules."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload

from backend.errors import NotFound
from backend.installments.models import InstallmentPlan
from backend.installments.schemas import InstallmentPeriodOut, InstallmentPlanOut

# Periods whose principal the customer no longer owes (through the plan: a `cancelled` period of a
# broken hardship plan went back on the account's balance).
SETTLED_PERIOD_STATUSES = frozenset({"paid", "waived", "cancelled"})


def plan_out(plan: InstallmentPlan) -> InstallmentPlanOut:
    """A plan with its schedule (its `periods` must be loaded)."""
    return InstallmentPlanOut(
        id=plan.id,
        account_id=plan.account_id,
        kind=plan.kind,  # type: ignore[arg-type]
        principal_fen=plan.principal_fen,
        fee_fen=plan.fee_fen,
        terms=plan.terms,
        status=plan.status,  # type: ignore[arg-type]
        description=plan.description,
        created_at=plan.created_at,
        daily_rate_ppm=plan.daily_rate_ppm,
        payoff_on=plan.payoff_on,
        remaining_principal_fen=sum(
            p.principal_fen for p in plan.periods if p.status not in SETTLED_PERIOD_STATUSES
        ),
        schedule=[InstallmentPeriodOut.model_validate(p) for p in plan.periods],
    )


def _with_periods(plans: Iterable[InstallmentPlan]) -> list[InstallmentPlanOut]:
    return [plan_out(plan) for plan in plans]


_PLANS_OF = (  # built once: every customer open runs it
    select(InstallmentPlan)
    .where(InstallmentPlan.account_id.in_(bindparam("account_ids", expanding=True)))
    .options(selectinload(InstallmentPlan.periods))
    .order_by(InstallmentPlan.account_id, InstallmentPlan.created_at.desc(), InstallmentPlan.id.desc())
)


def plans_for_accounts(*, session: Session, account_ids: Collection[int]) -> list[InstallmentPlanOut]:
    """The plans of all the accounts, by account then newest first; two queries for all."""
    if not account_ids:
        return []
    return _with_periods(session.scalars(_PLANS_OF, {"account_ids": list(account_ids)}))


def get_plan(*, session: Session, plan_id: int) -> InstallmentPlanOut:
    query = (
        select(InstallmentPlan)
        .where(InstallmentPlan.id == plan_id)
        .options(selectinload(InstallmentPlan.periods))
    )
    plan = session.scalars(query).one_or_none()
    if plan is None:
        raise NotFound(f"There is no installment plan {plan_id}.")
    return plan_out(plan)
