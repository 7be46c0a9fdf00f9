"""The rules of repayment arrangements (DESIGN.md §3), as pure functions over plain values.

What an agent may grant alone, what needs a supervisor, what is refused outright, the schedules
and costs quoted, and the end-of-day judgements (promise kept or broken, hardship plan broken
after missed payments). Nothing here touches the database; the limits come from `Policy`.

Rolling windows count business dates: an earlier arrangement that went live on day `d` is in the
window of `today` when `0 <= (today - d).days < window_days` (so with 90 days, one from 89 days
ago counts and one from 90 days ago does not).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from backend.billing import rules as billing
from backend.billing.rules import Components, ScheduledPeriod
from backend.common.money import fen_text
from backend.settings import Policy


class ArrangementType(StrEnum):
    BILL_INSTALLMENT = "bill_installment"
    DUE_DATE_EXTENSION = "due_date_extension"
    HARDSHIP_PLAN = "hardship_plan"
    FEE_WAIVER = "fee_waiver"
    PROMISE_TO_PAY = "promise_to_pay"
    PLAN_PAYOFF = "plan_payoff"


class Status(StrEnum):
    PENDING_APPROVAL = "pending_approval"
    ACTIVE = "active"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    KEPT = "kept"
    BROKEN = "broken"
    COMPLETED = "completed"


class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    CANCEL = "cancel"


ARRANGEMENT_TYPES: tuple[str, ...] = tuple(t.value for t in ArrangementType)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
APPROVER_ROLE = "supervisor"
# Live arrangements a supervisor may cancel: the ones with an ongoing obligation.
CANCELLABLE_WHEN_ACTIVE = frozenset({ArrangementType.PROMISE_TO_PAY, ArrangementType.HARDSHIP_PLAN})
# Fee-waiver components and the transaction type that credits each.
WAIVER_POSTING_TYPE = {"penalty_interest": "fee_waiver", "interest": "fee_waiver", "fees": "fee_reversal"}


class Refusal(Exception):  # noqa: N818 - a rule's answer, not a bug
    """The arrangement cannot be made as asked. `field` names the term at fault (for 422), and
    `conflict` marks a refusal because of the account's state rather than the terms (409)."""

    def __init__(self, code: str, message: str, *, field: str | None = None, conflict: bool = False,
                 extra: dict[str, Any] | None = None, params: dict[str, Any] | None = None) -> None:
        self.code = code
        self.message = message
        self.field = field
        self.conflict = conflict
        self.extra = extra or {}
        # What the code's sentence needs (docs/api-wording.md): `extra` and these, in the problem's `params`.
        self.params = {**self.extra, **(params or {})}
        super().__init__(message)


@dataclass(frozen=True)
class ApprovalReason:
    """Why a supervisor must approve: which limit of the agent's authority is exceeded."""

    code: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)  # docs/api-wording.md


@dataclass(frozen=True)
class QuoteResult:
    """A quote: the schedule (if any), its cost, what happens to the account, and whether an
    agent's authority covers it. Money in fen."""

    type: ArrangementType
    principal_fen: int = 0  # converted, restructured, waived or promised
    fee_fen: int = 0
    waived_fen: int = 0
    schedule: tuple[ScheduledPeriod, ...] = ()
    approval_reasons: tuple[ApprovalReason, ...] = ()
    effects: dict[str, Any] = field(default_factory=dict)

    @property
    def needs_approval(self) -> bool:
        return bool(self.approval_reasons)

    @property
    def total_fen(self) -> int:
        """What the customer pays under the schedule (principal + fee), or the amount at stake."""
        return self.principal_fen + self.fee_fen


def in_window(earlier: date, today: date, window_days: int) -> bool:
    return 0 <= (today - earlier).days < window_days


def first_due_date(today: date, due_day: int) -> date:
    """The due date of the next statement after `today`: a plan made today bills its first period there."""
    return billing.due_date_for(billing.first_of_next_month(today), due_day)


# --- bill_installment -------------------------------------------------------------------------

def bill_convertible(open_parts: Components, disputed_fen: int) -> Components:
    """What a bill installment converts: the bill's unpaid non-installment balance (interest,
    fees and purchase principal still owed on the latest bill), less the money of that bill under
    open dispute (no fee is charged on an amount the customer disputes; it stays on the bill).
    Disputed money elsewhere on the account takes nothing off (docs/rules.md, "Disputes")."""
    return Components(
        interest_fen=max(0, open_parts.interest_fen),
        fees_fen=max(0, open_parts.fees_fen),
        installments_fen=0,
        principal_fen=max(0, open_parts.principal_fen - max(0, disputed_fen)),
    )


def quote_bill_installment(*, parts: Components, terms: int, first_due: date) -> QuoteResult:
    """A bill installment of `parts` over `terms` months with the installment fee table; always
    within an agent's authority."""
    if terms not in billing.INSTALLMENT_FEE_BP:
        raise Refusal("invalid_terms", f"Terms must be one of {sorted(billing.INSTALLMENT_FEE_BP)}.", field="terms",
                      params={"allowed_terms": sorted(billing.INSTALLMENT_FEE_BP)})
    principal = parts.total_fen
    if principal <= 0:
        raise Refusal("nothing_to_convert", "The bill has no unpaid balance to convert.", conflict=True)
    schedule = tuple(billing.installment_schedule(principal, terms, first_due))
    return QuoteResult(
        type=ArrangementType.BILL_INSTALLMENT,
        principal_fen=principal,
        fee_fen=sum(p.fee_fen for p in schedule),
        schedule=schedule,
        effects={"converted_fen": principal, "first_due_date": first_due},
    )


# --- due_date_extension -----------------------------------------------------------------------

def extension_reasons(days: int, policy: Policy) -> tuple[ApprovalReason, ...]:
    """1..agent max days alone; up to the maximum with a supervisor; more is refused."""
    if days < 1:
        raise Refusal("invalid_days", "An extension is at least 1 day.", field="days", params={"min_days": 1})
    if days > policy.extension_max_days:
        raise Refusal(
            "over_limit",
            f"A due date can be moved by at most {policy.extension_max_days} days.",
            field="days",
            params={"max_days": policy.extension_max_days},
        )
    if days > policy.extension_agent_max_days:
        return (ApprovalReason(
            "extension_days",
            f"{days} days is over the {policy.extension_agent_max_days} days an agent may grant alone "
            f"(up to {policy.extension_max_days} with a supervisor).",
            {"days": days, "agent_max_days": policy.extension_agent_max_days, "max_days": policy.extension_max_days},
        ),)
    return ()


def check_extension_window(previous_on: date | None, today: date, policy: Policy) -> None:
    """Once per rolling window: refused while an earlier extension is in it, naming its date."""
    if previous_on is not None and in_window(previous_on, today, policy.extension_window_days):
        next_allowed = previous_on + timedelta(days=policy.extension_window_days)
        raise Refusal(
            "extension_window",
            f"The due date was already extended on {previous_on.isoformat()}; one extension per "
            f"{policy.extension_window_days} days, the next from {next_allowed.isoformat()}.",
            conflict=True,
            extra={"previous_extension_on": previous_on.isoformat(), "next_allowed_on": next_allowed.isoformat()},
            params={"window_days": policy.extension_window_days},
        )


def quote_due_date_extension(
    *, days: int, due_date: date, next_statement_date: date, previous_on: date | None, today: date, policy: Policy
) -> QuoteResult:
    reasons = extension_reasons(days, policy)
    check_extension_window(previous_on, today, policy)
    if today > due_date:
        raise Refusal("due_date_passed", "The bill's due date has passed; it can no longer be extended.",
                      conflict=True)
    new_due = due_date + timedelta(days=days)
    if new_due >= next_statement_date:
        raise Refusal("over_limit", "The new due date must fall before the next statement date.", field="days")
    return QuoteResult(
        type=ArrangementType.DUE_DATE_EXTENSION,
        approval_reasons=reasons,
        effects={"current_due_date": due_date, "new_due_date": new_due},
    )


# --- hardship_plan ----------------------------------------------------------------------------

def hardship_reasons(months: int, penalty_waiver_fen: int, policy: Policy) -> tuple[ApprovalReason, ...]:
    """3..agent max months alone, up to the maximum with a supervisor; a penalty waiver over the
    agent's amount needs a supervisor as well."""
    if not policy.hardship_min_months <= months <= policy.hardship_max_months:
        raise Refusal(
            "invalid_months",
            f"A hardship plan runs {policy.hardship_min_months} to {policy.hardship_max_months} months.",
            field="months",
            params={"min_months": policy.hardship_min_months, "max_months": policy.hardship_max_months},
        )
    reasons: list[ApprovalReason] = []
    if months > policy.hardship_agent_max_months:
        reasons.append(ApprovalReason(
            "hardship_months",
            f"{months} months is over the {policy.hardship_agent_max_months} months an agent may grant alone.",
            {"months": months, "agent_max_months": policy.hardship_agent_max_months},
        ))
    if penalty_waiver_fen > policy.hardship_agent_penalty_waiver_fen:
        reasons.append(ApprovalReason(
            "hardship_penalty_waiver",
            f"A penalty waiver of {fen_text(penalty_waiver_fen)} is over the "
            f"{fen_text(policy.hardship_agent_penalty_waiver_fen)} an agent may grant alone.",
            {"waiver_fen": penalty_waiver_fen, "agent_limit_fen": policy.hardship_agent_penalty_waiver_fen},
        ))
    return tuple(reasons)


def hardship_parts(open_parts: Components, disputed_fen: int, penalty_waiver_fen: int) -> Components:
    """What a hardship plan restructures: everything the latest bill still owes (its past-due
    amount and the rest of the billed balance, installment dues included), less the money of that
    bill under open dispute and less the penalty interest waived. Charges posted since that statement are
    not overdue and bill as usual."""
    return Components(
        interest_fen=max(0, open_parts.interest_fen - penalty_waiver_fen),
        fees_fen=max(0, open_parts.fees_fen),
        installments_fen=max(0, open_parts.installments_fen),
        principal_fen=max(0, open_parts.principal_fen - max(0, disputed_fen)),
    )


def quote_hardship_plan(
    *, overdue: bool, open_parts: Components, disputed_fen: int, months: int, penalty_waiver_fen: int,
    first_due: date, policy: Policy,
) -> QuoteResult:
    if not overdue:
        raise Refusal("not_overdue", "A hardship plan is only for an account that is overdue.", conflict=True)
    reasons = hardship_reasons(months, penalty_waiver_fen, policy)
    if penalty_waiver_fen > max(0, open_parts.interest_fen):
        raise Refusal(
            "over_owed",
            f"The penalty waiver cannot exceed the interest and penalty interest owed on the bill "
            f"({fen_text(max(0, open_parts.interest_fen))}).",
            field="penalty_waiver_fen",
            params={"subject": "penalty_waiver", "owed_fen": max(0, open_parts.interest_fen)},
        )
    parts = hardship_parts(open_parts, disputed_fen, penalty_waiver_fen)
    if parts.total_fen < months:
        raise Refusal("nothing_to_restructure", "There is too little overdue balance for a plan of this length.",
                      conflict=True)
    schedule = tuple(billing.level_schedule(parts.total_fen, months, first_due))
    return QuoteResult(
        type=ArrangementType.HARDSHIP_PLAN,
        principal_fen=parts.total_fen,
        waived_fen=penalty_waiver_fen,
        schedule=schedule,
        approval_reasons=reasons,
        effects={"restructured_fen": parts.total_fen, "first_due_date": first_due, "penalty_interest_stops": True},
    )


# --- fee_waiver -------------------------------------------------------------------------------

def fee_waiver_reasons(amount_fen: int, waived_in_window_fen: int, policy: Policy) -> tuple[ApprovalReason, ...]:
    """Up to the agent's limit per account per rolling window alone (this waiver plus the live
    ones before it in the window); more with a supervisor."""
    total = amount_fen + waived_in_window_fen
    if total > policy.fee_waiver_agent_limit_fen:
        return (ApprovalReason(
            "fee_waiver_amount",
            f"{fen_text(total)} waived in {policy.fee_waiver_window_days} days (this one and "
            f"{fen_text(waived_in_window_fen)} before) is over the {fen_text(policy.fee_waiver_agent_limit_fen)} "
            "an agent may waive alone.",
            {"total_fen": total, "window_days": policy.fee_waiver_window_days,
             "before_fen": waived_in_window_fen, "agent_limit_fen": policy.fee_waiver_agent_limit_fen},
        ),)
    return ()


def quote_fee_waiver(
    *, amount_fen: int, component: str, owed_fen: int, waived_in_window_fen: int, policy: Policy
) -> QuoteResult:
    """`owed_fen`: what the latest bill still owes of the component (interest and penalty interest
    share one part of a bill)."""
    if component not in WAIVER_POSTING_TYPE:
        raise Refusal("invalid_component", "Waive penalty_interest, interest or fees.", field="component")
    if amount_fen <= 0:
        raise Refusal("invalid_amount", "The amount must be positive.", field="amount_fen")
    if amount_fen > owed_fen:
        raise Refusal(
            "over_owed",
            f"The bill owes {fen_text(max(0, owed_fen))} of {component.replace('_', ' ')}; "
            "a waiver cannot exceed it.",
            field="amount_fen",
            params={"subject": "fee_waiver", "component": component, "owed_fen": max(0, owed_fen)},
        )
    return QuoteResult(
        type=ArrangementType.FEE_WAIVER,
        principal_fen=amount_fen,
        waived_fen=amount_fen,
        approval_reasons=fee_waiver_reasons(amount_fen, waived_in_window_fen, policy),
        effects={"posting_type": WAIVER_POSTING_TYPE[component], "waived_in_window_fen": waived_in_window_fen},
    )


# --- promise_to_pay ---------------------------------------------------------------------------

def quote_promise(*, amount_fen: int, promised_date: date, owed_fen: int, today: date, policy: Policy) -> QuoteResult:
    """A promised date from today to today + the policy's days; at most what the account owes."""
    latest = today + timedelta(days=policy.promise_max_days)
    if not today <= promised_date <= latest:
        raise Refusal(
            "invalid_promised_date",
            f"The promised date must be from {today.isoformat()} to {latest.isoformat()}.",
            field="promised_date",
            params={"earliest": today.isoformat(), "latest": latest.isoformat()},
        )
    if amount_fen <= 0:
        raise Refusal("invalid_amount", "The amount must be positive.", field="amount_fen")
    if amount_fen > owed_fen:
        raise Refusal(
            "over_owed", f"The account owes {fen_text(max(0, owed_fen))}; a promise cannot exceed it.",
            field="amount_fen",
            params={"subject": "promise_to_pay", "owed_fen": max(0, owed_fen)},
        )
    return QuoteResult(
        type=ArrangementType.PROMISE_TO_PAY,
        principal_fen=amount_fen,
        effects={"promised_date": promised_date, "promised_amount_fen": amount_fen},
    )


# --- plan_payoff -----------------------------------------------------------------------------

def quote_plan_payoff(payoff: Any) -> QuoteResult:
    """An early payoff (`backend.installments.payoff.PayoffQuote`): the principal of the periods
    not yet billed becomes due on `due_date`, their fees are waived; always within an agent's
    authority. Refused when every period is billed already (paying the bill ends the plan)."""
    if payoff.principal_fen <= 0:
        raise Refusal(
            "nothing_to_pay_off",
            f"Every period of plan {payoff.plan_id} is billed already: paying the bill "
            f"({fen_text(payoff.billed_unpaid_fen)} still owed on it) ends the plan.",
            conflict=True,
        )
    return QuoteResult(
        type=ArrangementType.PLAN_PAYOFF,
        principal_fen=payoff.principal_fen,
        waived_fen=payoff.fee_waived_fen,
        schedule=(ScheduledPeriod(1, payoff.due_date, payoff.principal_fen, 0),),
        effects={
            "plan_id": payoff.plan_id, "due_date": payoff.due_date, "payoff_fen": payoff.payoff_fen,
            "billed_unpaid_fen": payoff.billed_unpaid_fen, "fee_waived_fen": payoff.fee_waived_fen,
            "on_current_bill": payoff.on_current_bill, "periods_billed_now": payoff.periods_billed_now,
        },
    )


# --- end of day -------------------------------------------------------------------------------

def promise_outcome(*, amount_fen: int, repaid_fen: int, promised_date: date, day: date) -> Status | None:
    """At the end of `day`: kept when the repayments since the promise through the promised date
    reach the amount; broken when the promised date has ended without that; else undecided."""
    if day < promised_date:
        return None
    return Status.KEPT if repaid_fen >= amount_fen else Status.BROKEN


def missed_payments(periods: Iterable[tuple[date, str]], day: date) -> int:
    """Periods (due date, status) whose due date has ended by the end of `day` unpaid."""
    return sum(1 for due, status in periods if due <= day and status != "paid")


def hardship_broken(periods: Sequence[tuple[date, str]], day: date, policy: Policy) -> bool:
    return missed_payments(periods, day) >= policy.hardship_missed_payments_to_break


# --- who may do what --------------------------------------------------------------------------

def allowed_actions(
    *, status: str, arrangement_type: str, role: str, is_proposer: bool
) -> list[str]:
    """The actions the caller may take now. Approve and reject: a supervisor who did not propose
    it (four eyes), while it waits. Cancel: the proposer or a supervisor while it waits; a
    supervisor on a live promise to pay or hardship plan."""
    actions: list[str] = []
    if status == Status.PENDING_APPROVAL:
        if role == APPROVER_ROLE and not is_proposer:
            actions += [Action.APPROVE.value, Action.REJECT.value]
        if is_proposer or role == APPROVER_ROLE:
            actions.append(Action.CANCEL.value)
    elif status == Status.ACTIVE and arrangement_type in CANCELLABLE_WHEN_ACTIVE and role == APPROVER_ROLE:
        actions.append(Action.CANCEL.value)
    return actions
