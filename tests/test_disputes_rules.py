"""The pure rules of disputes: reasons by category, the state machine (every action from every
state), who may do what, outcome amounts and four eyes at their edges, the money of each
resolution, extensions at their limits, and the SLA deadlines."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import product

import pytest

from backend.clock import BUSINESS_TZ
from backend.disputes import rules
from backend.disputes.rules import (
    ACTIONS,
    CATEGORIES,
    REASONS,
    STATUSES,
    DisputeFacts,
    ExtensionRefusal,
    InvalidDisputeTransition,
    MoneyEventKind,
    OutcomeAmountError,
)

LIMIT = 200_000

# --- Reasons by category ---------------------------------------------------------------------

EXPECTED_REASONS = {
    "fraud": {"unauthorized"},
    "authorization": {"unauthorized", "cancelled_recurring"},
    "processing_error": {"duplicate", "amount_differs", "refund_not_credited", "repayment_not_credited"},
    "consumer_dispute": {"not_received", "not_as_described", "cancelled_recurring"},
}


@pytest.mark.parametrize(("category", "reason"), list(product(CATEGORIES, REASONS)))
def test_a_reason_fits_only_its_categories(category: str, reason: str) -> None:
    assert rules.reason_fits(category, reason) is (reason in EXPECTED_REASONS[category])


def test_every_reason_belongs_to_some_category() -> None:
    assert set().union(*EXPECTED_REASONS.values()) == set(REASONS)
    assert {c: set(rules.reasons_for(c)) for c in CATEGORIES} == EXPECTED_REASONS


@pytest.mark.parametrize(("category", "reason"), [("fraud", "stolen"), ("theft", "unauthorized"), ("", "")])
def test_unknown_categories_and_reasons_never_fit(category: str, reason: str) -> None:
    assert rules.reason_fits(category, reason) is False


@pytest.mark.parametrize(
    ("type_", "amount", "disputable"),
    [
        ("purchase", 1, True),
        ("purchase", 0, False),
        ("purchase", -1, False),
        ("fee", 500, True),
        ("interest", 12, True),
        ("penalty_interest", 12, True),
        ("installment_fee", 100, True),
        ("loan_interest", 100, True),
        ("adjustment", 100, True),
        ("adjustment", -100, False),
        ("refund", -100, False),
        ("repayment", -100, False),
        ("installment_principal", 100, False),
        ("installment_conversion", -100, False),
        ("loan_disbursement", 100, False),
        ("dispute_provisional_credit_reversal", 100, False),
    ],
)
def test_only_debits_of_disputable_types_can_be_disputed(type_: str, amount: int, disputable: bool) -> None:
    assert rules.is_disputable(type_, amount) is disputable


@pytest.mark.parametrize(
    ("amount", "awarded", "most"), [(1000, 0, 1000), (1000, 1, 999), (1000, 999, 1), (1000, 1000, 0), (1000, 1200, 0)]
)
def test_what_was_awarded_before_is_no_longer_disputable(amount: int, awarded: int, most: int) -> None:
    assert rules.max_disputable_fen(amount, awarded) == most


# --- State machine ---------------------------------------------------------------------------

WORKING = {"investigating", "pending_customer", "pending_merchant"}
OPEN = WORKING | {"new", "pending_approval"}
# action → {from status: to status (None: stays)}; every pair not listed is refused.
EXPECTED_TRANSITIONS: dict[str, dict[str, str | None]] = {
    "acknowledge": {"new": "investigating"},
    "request_customer_info": {"investigating": "pending_customer"},
    "customer_responded": {"pending_customer": "investigating"},
    "send_to_merchant": {"investigating": "pending_merchant"},
    "merchant_responded": {"pending_merchant": "investigating"},
    "grant_provisional_credit": dict.fromkeys(WORKING),
    "reverse_provisional_credit": dict.fromkeys(WORKING),
    "extend": dict.fromkeys(OPEN),
    "propose_outcome": dict.fromkeys(WORKING),
    "approve_outcome": {"pending_approval": "resolved"},
    "reject_outcome": {"pending_approval": "investigating"},
    "withdraw": dict.fromkeys(OPEN, "resolved"),
}


def test_the_table_covers_every_action() -> None:
    assert set(EXPECTED_TRANSITIONS) == set(ACTIONS)


@pytest.mark.parametrize(("status", "action"), list(product(STATUSES, ACTIONS)))
def test_every_action_from_every_state(status: str, action: str) -> None:
    allowed = EXPECTED_TRANSITIONS[action]
    if status in allowed:
        target = rules.next_status(status, action)
        assert (target.value if target is not None else None) == allowed[status]
        assert action in rules.actions_from(status)
    else:
        with pytest.raises(InvalidDisputeTransition) as refused:
            rules.next_status(status, action)
        assert (refused.value.status, refused.value.action) == (status, action)
        assert action not in rules.actions_from(status)


def test_nothing_moves_a_resolved_dispute() -> None:
    assert rules.actions_from("resolved") == []


@pytest.mark.parametrize(("status", "action"), [("closed", "acknowledge"), ("new", "escalate"), ("", "")])
def test_unknown_states_and_actions_are_refused(status: str, action: str) -> None:
    with pytest.raises(InvalidDisputeTransition):
        rules.next_status(status, action)


# --- Outcomes, amounts and four eyes ---------------------------------------------------------

@pytest.mark.parametrize(
    ("outcome", "amount", "disputed", "awarded"),
    [
        ("won", None, 5000, 5000),
        ("won", 5000, 5000, 5000),
        ("partially_won", 1, 5000, 1),
        ("partially_won", 4999, 5000, 4999),
        ("lost", None, 5000, 0),
        ("lost", 0, 5000, 0),
        ("withdrawn", None, 5000, 0),
        ("withdrawn", 0, 5000, 0),
    ],
)
def test_the_amount_awarded_for_each_outcome(outcome: str, amount: int | None, disputed: int, awarded: int) -> None:
    assert rules.outcome_amount_fen(outcome, amount, disputed) == awarded


@pytest.mark.parametrize(
    ("outcome", "amount"),
    [
        ("won", 4999),
        ("won", 5001),
        ("won", 0),
        ("partially_won", None),
        ("partially_won", 0),
        ("partially_won", 5000),
        ("partially_won", 5001),
        ("lost", 1),
        ("withdrawn", 1),
    ],
)
def test_an_amount_that_does_not_fit_the_outcome_is_refused(outcome: str, amount: int | None) -> None:
    with pytest.raises(OutcomeAmountError):
        rules.outcome_amount_fen(outcome, amount, 5000)


@pytest.mark.parametrize(
    ("awarded", "needs", "status"),
    [
        (0, False, "resolved"),
        (LIMIT - 1, False, "resolved"),
        (LIMIT, False, "resolved"),  # exactly ¥2,000: no approval
        (LIMIT + 1, True, "pending_approval"),  # ¥2,000.01: four eyes
    ],
)
def test_four_eyes_above_the_limit_only(awarded: int, needs: bool, status: str) -> None:
    assert rules.needs_approval(awarded, LIMIT) is needs
    assert rules.proposal_status(awarded, LIMIT).value == status


# --- Money -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("category", "awarded", "provisional", "events"),
    [
        ("consumer_dispute", 5000, 0, [("refund_credited", -5000)]),
        ("consumer_dispute", 5000, 5000, [("provisional_credit_reversed", 5000), ("refund_credited", -5000)]),
        ("consumer_dispute", 2000, 5000, [("provisional_credit_reversed", 5000), ("refund_credited", -2000)]),
        ("consumer_dispute", 5000, 3000, [("provisional_credit_reversed", 3000), ("refund_credited", -5000)]),
        ("processing_error", 0, 5000, [("provisional_credit_reversed", 5000)]),
        ("authorization", 0, 0, []),
        ("fraud", 5000, 0, [("written_off", -5000)]),
        ("fraud", 1, 1, [("provisional_credit_reversed", 1), ("written_off", -1)]),
    ],
)
def test_the_money_of_a_resolution(
    category: str, awarded: int, provisional: int, events: list[tuple[str, int]]
) -> None:
    moved = rules.resolution_money(category=category, awarded_fen=awarded, provisional_outstanding_fen=provisional)

    assert [(kind.value, amount) for kind, amount in moved] == events
    # With the grant, the dispute's transactions credit exactly the award.
    assert -provisional + sum(amount for _, amount in moved) == -awarded


def test_every_money_event_posts_a_transaction_type_the_engine_knows() -> None:
    from backend.billing.engine import COMPONENT_OF_TYPE

    assert set(rules.TRANSACTION_TYPE_OF_EVENT) == set(MoneyEventKind)
    assert set(rules.TRANSACTION_TYPE_OF_EVENT.values()) <= set(COMPONENT_OF_TYPE)


def test_every_transaction_type_fits_the_columns_that_hold_it() -> None:
    from backend.accounts.models import Transaction
    from backend.billing.engine import TRANSACTION_TYPES
    from backend.billing.models import BillLine

    longest = max(len(name) for name in TRANSACTION_TYPES)
    assert longest >= len("dispute_provisional_credit_reversal")
    assert longest <= Transaction.__table__.c.type.type.length  # type: ignore[attr-defined]
    assert longest <= BillLine.__table__.c.type.type.length  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("disputed", "provisional", "is_open", "held"),
    [(5000, 0, True, 5000), (5000, 1, True, 4999), (5000, 5000, True, 0), (5000, 0, False, 0), (5000, 5000, False, 0)],
)
def test_what_a_dispute_holds_out_of_the_minimum(disputed: int, provisional: int, is_open: bool, held: int) -> None:
    assert rules.held_fen(disputed_fen=disputed, provisional_outstanding_fen=provisional, is_open=is_open) == held


@pytest.mark.parametrize(("amount", "ok"), [(0, False), (1, True), (4999, True), (5000, True), (5001, False)])
def test_a_provisional_credit_is_at_most_the_disputed_amount(amount: int, ok: bool) -> None:
    assert (rules.provisional_credit_error(amount, 5000) is None) is ok


# --- Extensions ------------------------------------------------------------------------------

def refusal(role: str, days: int, extended: int = 0, count: int = 0) -> ExtensionRefusal | None:
    return rules.extension_refusal(
        role=role,
        days=days,
        decide_days=15,
        extended_days=extended,
        extension_count=count,
        handler_max_days=30,
        supervisor_max_days=60,
    )


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, None),
        (14, None),
        (15, None),  # to exactly 30 days from filing
        (16, ExtensionRefusal.NEEDS_SUPERVISOR),  # 31
        (45, ExtensionRefusal.NEEDS_SUPERVISOR),  # 60: a supervisor could
        (46, ExtensionRefusal.OVER_LIMIT),  # 61: nobody can
        (0, ExtensionRefusal.OVER_LIMIT),
    ],
)
def test_a_handler_extends_to_30_days(days: int, expected: ExtensionRefusal | None) -> None:
    assert refusal("dispute_handler", days) is expected


def test_a_handler_extends_only_once() -> None:
    assert refusal("dispute_handler", 1, extended=5, count=1) is ExtensionRefusal.HANDLER_ONCE
    # Also after a supervisor's extension.
    assert refusal("dispute_handler", 1, extended=1, count=1) is ExtensionRefusal.HANDLER_ONCE


@pytest.mark.parametrize(
    ("days", "extended", "count", "expected"),
    [
        (45, 0, 0, None),  # 60
        (46, 0, 0, ExtensionRefusal.OVER_LIMIT),  # 61
        (30, 15, 1, None),  # after a handler's 30: to 60
        (31, 15, 1, ExtensionRefusal.OVER_LIMIT),
        (1, 44, 3, None),  # again and again, up to 60
        (1, 45, 4, ExtensionRefusal.OVER_LIMIT),
    ],
)
def test_a_supervisor_extends_to_60_days(
    days: int, extended: int, count: int, expected: ExtensionRefusal | None
) -> None:
    assert refusal("supervisor", days, extended, count) is expected


# --- SLA deadlines ---------------------------------------------------------------------------

def shanghai(day: int, hour: int = 10, minute: int = 0, month: int = 6) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=BUSINESS_TZ).astimezone(timezone.utc)


@pytest.mark.parametrize(
    ("opened", "due"),
    [
        (shanghai(12), shanghai(13)),  # Wednesday → Thursday, same time
        (shanghai(14), shanghai(17)),  # Friday → Monday
        (shanghai(14, 23, 59), shanghai(17, 23, 59)),
        (shanghai(15), shanghai(18, 0)),  # Saturday → counts from Monday 00:00: due Tuesday 00:00
        (shanghai(16, 23, 59), shanghai(18, 0)),  # Sunday, late
    ],
)
def test_acknowledge_within_one_business_day(opened: datetime, due: datetime) -> None:
    assert rules.acknowledge_deadline(opened, 1) == due


def test_decide_within_15_days_of_filing() -> None:
    assert rules.decide_deadline(shanghai(12), 15) == shanghai(27)
    assert rules.decide_deadline(shanghai(20, 23, 30), 15) == shanghai(5, 23, 30, month=7)


def test_an_extension_moves_the_decision_deadline_by_calendar_days() -> None:
    assert rules.extended_deadline(shanghai(27), 15) == shanghai(12, month=7)
    assert rules.extended_deadline(shanghai(27), 0) == shanghai(27)


@pytest.mark.parametrize(
    ("paused_for", "moved_by"),
    [(timedelta(0), timedelta(0)), (timedelta(seconds=1), timedelta(seconds=1)), (timedelta(days=3, hours=2), timedelta(days=3, hours=2))],
)
def test_the_pause_moves_the_decision_deadline_back(paused_for: timedelta, moved_by: timedelta) -> None:
    since = shanghai(14)
    assert rules.resumed_deadline(shanghai(27), since, since + paused_for) == shanghai(27) + moved_by


def test_a_pause_that_ends_before_it_began_moves_nothing() -> None:
    assert rules.resumed_deadline(shanghai(27), shanghai(14), shanghai(13)) == shanghai(27)


@pytest.mark.parametrize(
    ("status", "milestone"),
    [
        ("new", "acknowledge"),
        ("investigating", "decide"),
        ("pending_customer", "decide"),
        ("pending_merchant", "decide"),
        ("pending_approval", "decide"),
        ("resolved", None),
    ],
)
def test_the_case_is_due_at_the_next_milestone(status: str, milestone: str | None) -> None:
    deadlines = {"acknowledge": shanghai(13), "decide": shanghai(27)}
    due = rules.next_milestone(status, acknowledge_due_at=deadlines["acknowledge"], decide_due_at=deadlines["decide"])
    assert due == (deadlines[milestone] if milestone else None)


# --- Allowed actions by state and role -------------------------------------------------------

def facts(status: str, *, provisional: int = 0, proposed_by: int | None = None, extended: int = 0,
          count: int = 0) -> DisputeFacts:
    return DisputeFacts(
        status=status,
        provisional_outstanding_fen=provisional,
        proposed_by=proposed_by,
        decide_days=15,
        extended_days=extended,
        extension_count=count,
    )


def allowed(f: DisputeFacts, role: str, user_id: int = 7) -> list[str]:
    return rules.allowed_actions(f, role=role, user_id=user_id, handler_max_days=30, supervisor_max_days=60)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ["agent", "admin", "auditor", ""])
def test_agents_and_admins_may_not_act(status: str, role: str) -> None:
    assert allowed(facts(status, proposed_by=1), role) == []


@pytest.mark.parametrize(
    ("status", "provisional", "expected"),
    [
        ("new", 0, ["acknowledge", "extend", "withdraw"]),
        (
            "investigating",
            0,
            ["request_customer_info", "send_to_merchant", "grant_provisional_credit", "extend", "propose_outcome",
             "withdraw"],
        ),
        (
            "investigating",
            100,
            ["request_customer_info", "send_to_merchant", "reverse_provisional_credit", "extend",
             "propose_outcome", "withdraw"],
        ),
        ("pending_customer", 0, ["customer_responded", "grant_provisional_credit", "extend", "propose_outcome",
                                 "withdraw"]),
        ("pending_merchant", 100, ["merchant_responded", "reverse_provisional_credit", "extend", "propose_outcome",
                                   "withdraw"]),
        ("pending_approval", 0, ["extend", "withdraw"]),
        ("resolved", 0, []),
    ],
)
def test_what_a_handler_may_do(status: str, provisional: int, expected: list[str]) -> None:
    assert allowed(facts(status, provisional=provisional, proposed_by=1), "dispute_handler") == expected


def test_a_supervisor_approves_or_rejects_what_another_proposed() -> None:
    assert allowed(facts("pending_approval", proposed_by=1), "supervisor", user_id=7) == [
        "extend",
        "approve_outcome",
        "reject_outcome",
        "withdraw",
    ]


def test_nobody_approves_their_own_proposal() -> None:
    assert allowed(facts("pending_approval", proposed_by=7), "supervisor", user_id=7) == ["extend", "withdraw"]


def test_extend_is_offered_only_within_the_limits() -> None:
    assert "extend" not in allowed(facts("investigating", extended=10, count=1), "dispute_handler")
    assert "extend" not in allowed(facts("investigating", extended=15, count=0), "dispute_handler")
    assert "extend" in allowed(facts("investigating", extended=14, count=0), "dispute_handler")
    assert "extend" in allowed(facts("investigating", extended=44, count=3), "supervisor")
    assert "extend" not in allowed(facts("investigating", extended=45, count=3), "supervisor")
