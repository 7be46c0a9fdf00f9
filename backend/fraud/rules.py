"""The rules of fraud reports as pure functions: the state machine, who may act, the SLA
deadlines, which transactions may be reported, and when the account is frozen or unfrozen.

DESIGN.md §3 "Fraud reports": `new → investigating → confirmed | not_fraud → closed`;
first review within `fraud_first_review_hours`, decision within `fraud_decide_days` of filing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from backend.cases.sla import add_calendar_days


class FraudCategory(StrEnum):
    ACCOUNT_TAKEOVER = "account_takeover"
    LOST_DEVICE = "lost_device"
    IDENTITY_THEFT = "identity_theft"
    SCAM = "scam"
    UNKNOWN_TRANSACTIONS = "unknown_transactions"


class FraudStatus(StrEnum):
    NEW = "new"
    INVESTIGATING = "investigating"
    CONFIRMED = "confirmed"
    NOT_FRAUD = "not_fraud"
    CLOSED = "closed"


class FraudAction(StrEnum):
    START_REVIEW = "start_review"
    CONFIRM = "confirm"
    NOT_FRAUD = "not_fraud"
    CLOSE = "close"


CATEGORIES: tuple[str, ...] = tuple(c.value for c in FraudCategory)
STATUSES: tuple[str, ...] = tuple(s.value for s in FraudStatus)
ACTIONS: tuple[str, ...] = tuple(a.value for a in FraudAction)

# (from, action) → to. Anything else is an invalid transition.
TRANSITIONS: dict[tuple[FraudStatus, FraudAction], FraudStatus] = {
    (FraudStatus.NEW, FraudAction.START_REVIEW): FraudStatus.INVESTIGATING,
    (FraudStatus.INVESTIGATING, FraudAction.CONFIRM): FraudStatus.CONFIRMED,
    (FraudStatus.INVESTIGATING, FraudAction.NOT_FRAUD): FraudStatus.NOT_FRAUD,
    (FraudStatus.CONFIRMED, FraudAction.CLOSE): FraudStatus.CLOSED,
    (FraudStatus.NOT_FRAUD, FraudAction.CLOSE): FraudStatus.CLOSED,
}

# Who acts on fraud reports (DESIGN.md §3 Roles); agents file them but do not move them.
ACTING_ROLES = frozenset({"dispute_handler", "supervisor"})
FILING_ROLES = frozenset({"agent", "dispute_handler", "supervisor"})

# Statuses in which a report is still "live": its freeze and its claim on its transactions hold.
OPEN_STATUSES = frozenset({FraudStatus.NEW, FraudStatus.INVESTIGATING, FraudStatus.CONFIRMED})

# A lost device or a taken-over login may be reported before anything was spent with it;
# the other categories are about transactions, so at least one must be named.
CATEGORIES_WITHOUT_TRANSACTIONS = frozenset({FraudCategory.ACCOUNT_TAKEOVER, FraudCategory.LOST_DEVICE})
# What a customer can say "that was not me" about: money taken out in their name. Fees,
# interest and credits follow from those and are not reported one by one.
REPORTABLE_TRANSACTION_TYPES = frozenset({"purchase", "loan_disbursement"})
MAX_TRANSACTIONS = 100


class InvalidFraudTransition(Exception):
    """`action` is not allowed from `status`."""

    def __init__(self, status: str, action: str) -> None:
        self.status = status
        self.action = action
        super().__init__(f"cannot {action} a fraud report that is {status}")


def next_status(status: str, action: str) -> FraudStatus:
    """The status `action` moves a report in `status` to; raises `InvalidFraudTransition`."""
    try:
        target = TRANSITIONS.get((FraudStatus(status), FraudAction(action)))
    except ValueError:
        target = None
    if target is None:
        raise InvalidFraudTransition(status, action)
    return target


def actions_from(status: str) -> list[str]:
    """The actions the state machine allows from `status`, in the order of `ACTIONS`."""
    return [action for action in ACTIONS if (FraudStatus(status), FraudAction(action)) in TRANSITIONS]


def allowed_actions(status: str, role: str) -> list[str]:
    """What a user of `role` may do to a report in `status` (empty for agents and admins)."""
    if role not in ACTING_ROLES:
        return []
    return actions_from(status)


def first_review_due(filed_at: datetime, hours: int) -> datetime:
    """When the first review is due: `hours` after filing."""
    return filed_at + timedelta(hours=hours)


def decision_due(filed_at: datetime, days: int) -> datetime:
    """When the decision is due: `days` calendar days after filing (same local time)."""
    return add_calendar_days(filed_at, days)


def case_due_at(status: str, *, first_review_due_at: datetime, decision_due_at: datetime) -> datetime | None:
    """The case's next SLA milestone in `status`: the first review while `new`, the decision
    while `investigating`, none once decided (only closing the report is left)."""
    if status == FraudStatus.NEW:
        return first_review_due_at
    if status == FraudStatus.INVESTIGATING:
        return decision_due_at
    return None


def transactions_required(category: str) -> bool:
    return FraudCategory(category) not in CATEGORIES_WITHOUT_TRANSACTIONS


@dataclass(frozen=True)
class FreezeDecision:
    """What filing does to the account: its new status, and whether the report holds the freeze."""

    account_status: str
    holds_freeze: bool

    def changes(self, before: str) -> bool:
        return self.account_status != before


def freeze_on_filing(
    *, account_status: str, freeze_requested: bool, held_by_other_report: bool
) -> FreezeDecision:
    """Filing freezes an active account unless the agent unticked it. A report on an account
    another open report already froze shares that freeze. A frozen account with no fraud report
    behind it (frozen for another reason), or a closed or charged-off one, is left as it is,
    and the report holds nothing, so deciding it never unfreezes what it did not freeze."""
    if not freeze_requested:
        return FreezeDecision(account_status, holds_freeze=False)
    if account_status == "active":
        return FreezeDecision("frozen", holds_freeze=True)
    if account_status == "frozen" and held_by_other_report:
        return FreezeDecision("frozen", holds_freeze=True)
    return FreezeDecision(account_status, holds_freeze=False)


def releases_freeze(action: str, status_before: str) -> bool:
    """Whether `action` from `status_before` lets go of the report's freeze: `not_fraud` does at
    once; a confirmed report keeps the account frozen until it is closed (the customer's
    credentials are reissued in between), and `close` then lets go."""
    if action == FraudAction.NOT_FRAUD:
        return True
    return action == FraudAction.CLOSE and status_before == FraudStatus.CONFIRMED


def unfreeze_after_release(*, account_status: str, other_holders: int) -> bool:
    """After a report lets go of its freeze: unfreeze when no other open report holds it."""
    return account_status == "frozen" and other_holders == 0


def duplicates(values: Collection[int]) -> list[int]:
    """The values listed more than once, in ascending order."""
    seen: set[int] = set()
    repeated: set[int] = set()
    for value in values:
        (repeated if value in seen else seen).add(value)
    return sorted(repeated)
