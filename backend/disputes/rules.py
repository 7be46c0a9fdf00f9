"""The rules of disputes as pure functions: categories and reasons, the state machine, who may
act, the outcome amounts and four eyes, the money each resolution moves, and the SLA deadlines.

DESIGN.md §3 "Disputes": `new → investigating ⇄ pending_customer → pending_merchant →
pending_approval → resolved`; acknowledge within 1 business day, decide within 15 days of
filing, a handler may extend once to 30 days, a supervisor to 60; the clock pauses in
`pending_customer`. Money in fen; timestamps aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from backend.cases.sla import add_business_days, add_calendar_days, resume_deadline


class DisputeCategory(StrEnum):
    FRAUD = "fraud"
    AUTHORIZATION = "authorization"
    PROCESSING_ERROR = "processing_error"
    CONSUMER_DISPUTE = "consumer_dispute"


class DisputeReason(StrEnum):
    UNAUTHORIZED = "unauthorized"
    CANCELLED_RECURRING = "cancelled_recurring"
    DUPLICATE = "duplicate"
    AMOUNT_DIFFERS = "amount_differs"
    REFUND_NOT_CREDITED = "refund_not_credited"
    REPAYMENT_NOT_CREDITED = "repayment_not_credited"
    NOT_RECEIVED = "not_received"
    NOT_AS_DESCRIBED = "not_as_described"


class DisputeStatus(StrEnum):
    NEW = "new"
    INVESTIGATING = "investigating"
    PENDING_CUSTOMER = "pending_customer"
    PENDING_MERCHANT = "pending_merchant"
    PENDING_APPROVAL = "pending_approval"
    RESOLVED = "resolved"


class Outcome(StrEnum):
    WON = "won"
    PARTIALLY_WON = "partially_won"
    LOST = "lost"
    WITHDRAWN = "withdrawn"


class DisputeAction(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    REQUEST_CUSTOMER_INFO = "request_customer_info"
    CUSTOMER_RESPONDED = "customer_responded"
    SEND_TO_MERCHANT = "send_to_merchant"
    MERCHANT_RESPONDED = "merchant_responded"
    GRANT_PROVISIONAL_CREDIT = "grant_provisional_credit"
    REVERSE_PROVISIONAL_CREDIT = "reverse_provisional_credit"
    EXTEND = "extend"
    PROPOSE_OUTCOME = "propose_outcome"
    APPROVE_OUTCOME = "approve_outcome"
    REJECT_OUTCOME = "reject_outcome"
    WITHDRAW = "withdraw"


class MoneyEventKind(StrEnum):
    PROVISIONAL_CREDIT_GRANTED = "provisional_credit_granted"
    PROVISIONAL_CREDIT_REVERSED = "provisional_credit_reversed"
    REFUND_CREDITED = "refund_credited"
    WRITTEN_OFF = "written_off"


# The transaction type each money event posts (backend/billing/engine.py COMPONENT_OF_TYPE).
TRANSACTION_TYPE_OF_EVENT: dict[MoneyEventKind, str] = {
    MoneyEventKind.PROVISIONAL_CREDIT_GRANTED: "dispute_provisional_credit",
    MoneyEventKind.PROVISIONAL_CREDIT_REVERSED: "dispute_provisional_credit_reversal",
    MoneyEventKind.REFUND_CREDITED: "dispute_refund",
    MoneyEventKind.WRITTEN_OFF: "write_off",
}

# Reasons a customer may give under each category. `unauthorized` sits under `fraud` (a
# stranger used the credit line) and under `authorization` (the customer's own payment
# credentials were charged without their consent, e.g. a merchant re-using a card on file);
# `cancelled_recurring` is an `authorization` matter when the mandate was revoked, and a
# `consumer_dispute` when the service was cancelled with the merchant.
REASONS_BY_CATEGORY: dict[DisputeCategory, tuple[DisputeReason, ...]] = {
    DisputeCategory.FRAUD: (DisputeReason.UNAUTHORIZED,),
    DisputeCategory.AUTHORIZATION: (DisputeReason.UNAUTHORIZED, DisputeReason.CANCELLED_RECURRING),
    DisputeCategory.PROCESSING_ERROR: (
        DisputeReason.DUPLICATE,
        DisputeReason.AMOUNT_DIFFERS,
        DisputeReason.REFUND_NOT_CREDITED,
        DisputeReason.REPAYMENT_NOT_CREDITED,
    ),
    DisputeCategory.CONSUMER_DISPUTE: (
        DisputeReason.NOT_RECEIVED,
        DisputeReason.NOT_AS_DESCRIBED,
        DisputeReason.CANCELLED_RECURRING,
    ),
}

CATEGORIES: tuple[str, ...] = tuple(c.value for c in DisputeCategory)
REASONS: tuple[str, ...] = tuple(r.value for r in DisputeReason)
STATUSES: tuple[str, ...] = tuple(s.value for s in DisputeStatus)
OUTCOMES: tuple[str, ...] = tuple(o.value for o in Outcome)
ACTIONS: tuple[str, ...] = tuple(a.value for a in DisputeAction)

# Debits a customer can contest: charges they owe because of a merchant or of the bank. Credits,
# repayments and the internal postings of plans (installment principal re-bills a purchase,
# which is the thing to dispute) cannot; a cash loan drawn by someone else is a fraud report.
DISPUTABLE_TRANSACTION_TYPES = frozenset(
    {"purchase", "fee", "interest", "penalty_interest", "installment_fee", "loan_interest", "adjustment"}
)

# Who files and who acts (DESIGN.md §3 Roles).
FILING_ROLES = frozenset({"agent", "dispute_handler", "supervisor"})
ACTING_ROLES = frozenset({"dispute_handler", "supervisor"})
APPROVING_ROLES = frozenset({"supervisor"})

OPEN_STATUSES = frozenset(s for s in DisputeStatus if s != DisputeStatus.RESOLVED)
# Where the investigation is under way: provisional credit may be granted or reversed there,
# and an outcome may be proposed (a case waiting on the merchant or the customer can be decided
# without them, e.g. lost when the customer never answers).
WORKING_STATUSES = frozenset(
    {DisputeStatus.INVESTIGATING, DisputeStatus.PENDING_CUSTOMER, DisputeStatus.PENDING_MERCHANT}
)

# action → (statuses it is allowed from, the status it moves to; None: it stays). `propose_outcome`
# goes to `resolved` or `pending_approval` by amount (see `proposal_status`).
TRANSITIONS: dict[DisputeAction, tuple[frozenset[DisputeStatus], DisputeStatus | None]] = {
    DisputeAction.ACKNOWLEDGE: (frozenset({DisputeStatus.NEW}), DisputeStatus.INVESTIGATING),
    DisputeAction.REQUEST_CUSTOMER_INFO: (
        frozenset({DisputeStatus.INVESTIGATING}),
        DisputeStatus.PENDING_CUSTOMER,
    ),
    DisputeAction.CUSTOMER_RESPONDED: (frozenset({DisputeStatus.PENDING_CUSTOMER}), DisputeStatus.INVESTIGATING),
    DisputeAction.SEND_TO_MERCHANT: (frozenset({DisputeStatus.INVESTIGATING}), DisputeStatus.PENDING_MERCHANT),
    DisputeAction.MERCHANT_RESPONDED: (frozenset({DisputeStatus.PENDING_MERCHANT}), DisputeStatus.INVESTIGATING),
    DisputeAction.GRANT_PROVISIONAL_CREDIT: (WORKING_STATUSES, None),
    DisputeAction.REVERSE_PROVISIONAL_CREDIT: (WORKING_STATUSES, None),
    DisputeAction.EXTEND: (OPEN_STATUSES, None),
    DisputeAction.PROPOSE_OUTCOME: (WORKING_STATUSES, None),
    DisputeAction.APPROVE_OUTCOME: (frozenset({DisputeStatus.PENDING_APPROVAL}), DisputeStatus.RESOLVED),
    DisputeAction.REJECT_OUTCOME: (frozenset({DisputeStatus.PENDING_APPROVAL}), DisputeStatus.INVESTIGATING),
    DisputeAction.WITHDRAW: (OPEN_STATUSES, DisputeStatus.RESOLVED),
}


class InvalidDisputeTransition(Exception):
    """`action` is not allowed from `status`."""

    def __init__(self, status: str, action: str) -> None:
        self.status = status
        self.action = action
        super().__init__(f"cannot {action} a dispute that is {status}")


def reasons_for(category: str) -> tuple[str, ...]:
    return tuple(r.value for r in REASONS_BY_CATEGORY[DisputeCategory(category)])


def reason_fits(category: str, reason: str) -> bool:
    """Whether `reason` is one of the reasons listed under `category`."""
    try:
        return DisputeReason(reason) in REASONS_BY_CATEGORY[DisputeCategory(category)]
    except ValueError:
        return False


def is_disputable(transaction_type: str, amount_fen: int) -> bool:
    """Only debits of the types in `DISPUTABLE_TRANSACTION_TYPES` can be disputed."""
    return amount_fen > 0 and transaction_type in DISPUTABLE_TRANSACTION_TYPES


def max_disputable_fen(transaction_amount_fen: int, awarded_before_fen: int) -> int:
    """The most that can still be disputed on a transaction: its amount less what earlier
    disputes on it already gave back, so one charge is never refunded twice."""
    return max(0, transaction_amount_fen - max(0, awarded_before_fen))


def next_status(status: str, action: str) -> DisputeStatus | None:
    """The status `action` moves a dispute in `status` to (None: it stays where it is).

    Raises `InvalidDisputeTransition` when the state machine does not allow it."""
    try:
        allowed_from, target = TRANSITIONS[DisputeAction(action)]
        current = DisputeStatus(status)
    except ValueError as exc:
        raise InvalidDisputeTransition(status, action) from exc
    if current not in allowed_from:
        raise InvalidDisputeTransition(status, action)
    return target


def actions_from(status: str) -> list[str]:
    """What the state machine allows from `status`, in the order of `ACTIONS`."""
    current = DisputeStatus(status)
    return [action.value for action, (allowed_from, _) in TRANSITIONS.items() if current in allowed_from]


# --- Outcomes and four eyes ------------------------------------------------------------------

class OutcomeAmountError(ValueError):
    """The amount does not fit the outcome; the message says why, for the `amount_fen` field."""


def outcome_amount_fen(outcome: str, amount_fen: int | None, disputed_fen: int) -> int:
    """The amount awarded to the customer for `outcome` on a dispute of `disputed_fen`.

    won: the whole disputed amount (given or not); partially_won: 0 < amount < disputed (required);
    lost and withdrawn: 0 (given or not). Raises `OutcomeAmountError` otherwise."""
    kind = Outcome(outcome)
    if kind is Outcome.WON:
        if amount_fen is not None and amount_fen != disputed_fen:
            raise OutcomeAmountError(f"a won dispute awards the disputed amount, {disputed_fen} fen")
        return disputed_fen
    if kind is Outcome.PARTIALLY_WON:
        if amount_fen is None or not 0 < amount_fen < disputed_fen:
            raise OutcomeAmountError(
                f"a partially won dispute awards more than 0 and less than {disputed_fen} fen"
            )
        return amount_fen
    if amount_fen not in (None, 0):
        raise OutcomeAmountError(f"a {kind.value} dispute awards nothing: 0 fen")
    return 0


def needs_approval(awarded_fen: int, approval_over_fen: int) -> bool:
    """Four eyes: an outcome awarding more than the limit (¥2,000 by default) needs a supervisor;
    exactly the limit does not."""
    return awarded_fen > approval_over_fen


def proposal_status(awarded_fen: int, approval_over_fen: int) -> DisputeStatus:
    """Where `propose_outcome` takes a dispute: awaiting approval, or resolved at once."""
    if needs_approval(awarded_fen, approval_over_fen):
        return DisputeStatus.PENDING_APPROVAL
    return DisputeStatus.RESOLVED


# --- Money -----------------------------------------------------------------------------------

def resolution_money(
    *, category: str, awarded_fen: int, provisional_outstanding_fen: int
) -> list[tuple[MoneyEventKind, int]]:
    """The money events of a resolution, as (kind, signed amount posted; credits negative).

    An outstanding provisional credit is reversed first, then the award is credited for good:
    as a refund (the merchant is charged back), or, for a `fraud` dispute, written off (the bank
    absorbs a charge the customer is not liable for). With the grant, the dispute's
    transactions then sum to exactly −awarded."""
    events: list[tuple[MoneyEventKind, int]] = []
    if provisional_outstanding_fen > 0:
        events.append((MoneyEventKind.PROVISIONAL_CREDIT_REVERSED, provisional_outstanding_fen))
    if awarded_fen > 0:
        kind = (
            MoneyEventKind.WRITTEN_OFF
            if DisputeCategory(category) is DisputeCategory.FRAUD
            else MoneyEventKind.REFUND_CREDITED
        )
        events.append((kind, -awarded_fen))
    return events


def held_fen(*, disputed_fen: int, provisional_outstanding_fen: int, is_open: bool) -> int:
    """What a dispute adds to its account's `disputed_fen` (left out of the minimum payment and
    of penalty interest): the disputed amount still charged to the customer while it is open.
    A provisional credit already takes its part off the balance, so it is not left out twice."""
    if not is_open:
        return 0
    return max(0, disputed_fen - max(0, provisional_outstanding_fen))


def provisional_credit_error(amount_fen: int, disputed_fen: int) -> str | None:
    """Why a provisional credit of `amount_fen` is refused, or None: 1 ≤ amount ≤ disputed."""
    if not 1 <= amount_fen <= disputed_fen:
        return f"must be between 1 and the disputed amount, {disputed_fen} fen"
    return None


# --- Extensions ------------------------------------------------------------------------------

class ExtensionRefusal(StrEnum):
    # A handler has already extended once (or someone did): only a supervisor may extend again.
    HANDLER_ONCE = "handler_once"
    # A handler asks for more than their limit (30 days from filing): a supervisor may.
    NEEDS_SUPERVISOR = "needs_supervisor"
    # Beyond anyone's limit (60 days from filing).
    OVER_LIMIT = "over_limit"


def extension_refusal(
    *,
    role: str,
    days: int,
    decide_days: int,
    extended_days: int,
    extension_count: int,
    handler_max_days: int,
    supervisor_max_days: int,
) -> ExtensionRefusal | None:
    """Whether `role` may add `days` to a decision window of `decide_days + extended_days` days
    from filing. A handler may extend once, to at most `handler_max_days` (30) in total; a
    supervisor any number of times, to at most `supervisor_max_days` (60)."""
    total = decide_days + extended_days + days
    if days < 1 or total > supervisor_max_days:
        return ExtensionRefusal.OVER_LIMIT
    if role == "supervisor":
        return None
    if extension_count > 0:
        return ExtensionRefusal.HANDLER_ONCE
    if total > handler_max_days:
        return ExtensionRefusal.NEEDS_SUPERVISOR
    return None


# --- SLA deadlines ---------------------------------------------------------------------------

def acknowledge_deadline(opened_at: datetime, business_days: int) -> datetime:
    """Acknowledge within `business_days` business days (Mon–Fri, Asia/Shanghai) of filing."""
    return add_business_days(opened_at, business_days)


def decide_deadline(opened_at: datetime, decide_days: int) -> datetime:
    """Decide within `decide_days` calendar days of filing (same local time)."""
    return add_calendar_days(opened_at, decide_days)


def extended_deadline(decide_due_at: datetime, days: int) -> datetime:
    """The decision deadline after an extension by `days` calendar days."""
    return add_calendar_days(decide_due_at, days)


def resumed_deadline(decide_due_at: datetime, paused_since: datetime, now: datetime) -> datetime:
    """The decision deadline after the clock ran again: moved back by the time spent paused
    (the same arithmetic as the case's own clock, so both deadlines stay equal)."""
    return resume_deadline(decide_due_at, paused_since, now)


def next_milestone(status: str, *, acknowledge_due_at: datetime, decide_due_at: datetime) -> datetime | None:
    """The case's `due_at`: the acknowledgement while `new`, then the decision; none once resolved."""
    current = DisputeStatus(status)
    if current is DisputeStatus.NEW:
        return acknowledge_due_at
    if current is DisputeStatus.RESOLVED:
        return None
    return decide_due_at


# --- What a user may do ----------------------------------------------------------------------

@dataclass(frozen=True)
class DisputeFacts:
    """What `allowed_actions` needs to know about a dispute besides its status."""

    status: str
    provisional_outstanding_fen: int
    proposed_by: int | None
    decide_days: int
    extended_days: int
    extension_count: int


def allowed_actions(
    facts: DisputeFacts,
    *,
    role: str,
    user_id: int,
    handler_max_days: int,
    supervisor_max_days: int,
) -> list[str]:
    """The actions a user of `role` may take now, in the order of `ACTIONS`: the state machine,
    the role (agents and admins: none; approvals: supervisors, never the proposer), one
    outstanding provisional credit at a time, and the extension limits."""
    if role not in ACTING_ROLES:
        return []
    actions: list[str] = []
    for action in actions_from(facts.status):
        kind = DisputeAction(action)
        if kind in (DisputeAction.APPROVE_OUTCOME, DisputeAction.REJECT_OUTCOME):
            if role not in APPROVING_ROLES or facts.proposed_by == user_id:
                continue
        elif kind is DisputeAction.GRANT_PROVISIONAL_CREDIT and facts.provisional_outstanding_fen > 0:
            continue
        elif kind is DisputeAction.REVERSE_PROVISIONAL_CREDIT and facts.provisional_outstanding_fen <= 0:
            continue
        elif kind is DisputeAction.EXTEND and extension_refusal(
            role=role,
            days=1,
            decide_days=facts.decide_days,
            extended_days=facts.extended_days,
            extension_count=facts.extension_count,
            handler_max_days=handler_max_days,
            supervisor_max_days=supervisor_max_days,
        ):
            continue
        actions.append(action)
    return actions
