"""Reading installment plans with their schedules."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import bindparam, select

from backend.db import Reader
from backend.errors import NotFound
from backend.installments.models import InstallmentPeriod, InstallmentPlan

# Periods whose principal the customer no longer owes (through the plan: a `cancelled` period of a
# broken hardship plan went back on the account's balance).
SETTLED_PERIOD_STATUSES = frozenset({"paid", "waived", "cancelled"})


# A plan and its schedule as `InstallmentPlanOut` shows them, read as plain rows (docs/load.md,
# "The hot reads": every customer open lists the plans). Built once, by account and by plan.
_PLAN_COLUMNS = (
    InstallmentPlan.id, InstallmentPlan.account_id, InstallmentPlan.kind, InstallmentPlan.principal_fen,
    InstallmentPlan.fee_fen, InstallmentPlan.terms, InstallmentPlan.status, InstallmentPlan.description,
    InstallmentPlan.created_at, InstallmentPlan.daily_rate_ppm, InstallmentPlan.payoff_on,
)
_PERIOD_COLUMNS = (
    InstallmentPeriod.plan_id, InstallmentPeriod.period, InstallmentPeriod.due_date, InstallmentPeriod.principal_fen,
    InstallmentPeriod.fee_fen, InstallmentPeriod.paid_fen, InstallmentPeriod.status,
)
_PLAN_ORDER = (InstallmentPlan.account_id, InstallmentPlan.created_at.desc(), InstallmentPlan.id.desc())
_PLANS = {
    "account_ids": select(*_PLAN_COLUMNS)
    .where(InstallmentPlan.account_id.in_(bindparam("account_ids", expanding=True)))
    .order_by(*_PLAN_ORDER),
    "plan_id": select(*_PLAN_COLUMNS).where(InstallmentPlan.id == bindparam("plan_id")),
}
_PERIODS = {
    "account_ids": select(*_PERIOD_COLUMNS)
    .where(InstallmentPeriod.account_id.in_(bindparam("account_ids", expanding=True)))
    .order_by(InstallmentPeriod.plan_id, InstallmentPeriod.period),
    "plan_id": select(*_PERIOD_COLUMNS)
    .where(InstallmentPeriod.plan_id == bindparam("plan_id"))
    .order_by(InstallmentPeriod.period),
}


def plans_of(reader: Reader, *, account_ids: Collection[int] = (), plan_id: int | None = None) -> list[dict[str, Any]]:
    """The plans of the accounts (by account, then newest first), or the one plan `plan_id`, each
    with its schedule: `InstallmentPlanOut`'s fields as plain values, two queries for all."""
    key, params = ("plan_id", {"plan_id": plan_id}) if plan_id is not None else (
        "account_ids", {"account_ids": list(account_ids)})
    if key == "account_ids" and not account_ids:
        return []
    schedules: dict[int, list[dict[str, Any]]] = {}
    for row in reader.execute(_PERIODS[key], params):
        schedules.setdefault(row.plan_id, []).append({
            "period": row.period, "due_date": row.due_date, "principal_fen": row.principal_fen,
            "fee_fen": row.fee_fen, "total_fen": row.principal_fen + row.fee_fen, "paid_fen": row.paid_fen,
            "status": row.status,
        })
    plans = []
    for row in reader.execute(_PLANS[key], params):
        plan = row._asdict()
        schedule = plan["schedule"] = schedules.get(row.id, [])
        plan["remaining_principal_fen"] = sum(
            p["principal_fen"] for p in schedule if p["status"] not in SETTLED_PERIOD_STATUSES)
        plans.append(plan)
    return plans


def get_plan(*, reader: Reader, plan_id: int) -> dict[str, Any]:
    """One plan with its schedule (`InstallmentPlanOut`'s fields); 404 if there is none."""
    plans = plans_of(reader, plan_id=plan_id)
    if not plans:
        raise NotFound(f"There is no installment plan {plan_id}.")
    return plans[0]
