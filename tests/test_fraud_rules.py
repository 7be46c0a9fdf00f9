"""The pure rules of fraud reports: the state machine, who may act, SLA deadlines and states,
which transactions may be reported, when the account is frozen and unfrozen; and the filing
body's bounds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from backend.cases.sla import SlaState, sla_state
from backend.fraud import rules
from backend.fraud.rules import FraudStatus, InvalidFraudTransition
from backend.fraud.schemas import FraudActionIn, FraudReportIn
from backend.settings import Policy

FILED = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shanghai
ROLES = ("agent", "dispute_handler", "supervisor", "admin")
EXPECTED = {
    ("new", "start_review"): "investigating",
    ("investigating", "confirm"): "confirmed",
    ("investigating", "not_fraud"): "not_fraud",
    ("confirmed", "close"): "closed",
    ("not_fraud", "close"): "closed",
}


# --- the state machine ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", rules.STATUSES)
@pytest.mark.parametrize("action", rules.ACTIONS)
def test_every_transition_is_allowed_or_refused(status: str, action: str) -> None:
    expected = EXPECTED.get((status, action))
    if expected is None:
        with pytest.raises(InvalidFraudTransition) as refused:
            rules.next_status(status, action)
        assert (refused.value.status, refused.value.action) == (status, action)
    else:
        assert rules.next_status(status, action) == expected


@pytest.mark.parametrize(("status", "action"), [("reopened", "close"), ("new", "reopen"), ("", "")])
def test_unknown_statuses_and_actions_are_refused(status: str, action: str) -> None:
    with pytest.raises(InvalidFraudTransition):
        rules.next_status(status, action)


def test_closed_is_the_end() -> None:
    assert rules.actions_from("closed") == []


@pytest.mark.parametrize("status", rules.STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_allowed_actions_follow_state_and_role(status: str, role: str) -> None:
    expected = (
        [a for a in rules.ACTIONS if (status, a) in EXPECTED]
        if role in ("dispute_handler", "supervisor")
        else []
    )

    assert rules.allowed_actions(status, role) == expected


def test_agents_file_but_only_handlers_and_supervisors_act() -> None:
    assert rules.FILING_ROLES == {"agent", "dispute_handler", "supervisor"}
    assert rules.ACTING_ROLES == {"dispute_handler", "supervisor"}


# --- SLA --------------------------------------------------------------------------------------------


def test_deadlines_come_from_the_policy() -> None:
    policy = Policy()
    assert rules.first_review_due(FILED, policy.fraud_first_review_hours) == FILED + timedelta(hours=4)
    assert rules.decision_due(FILED, policy.fraud_decide_days) == FILED + timedelta(days=7)
    assert rules.first_review_due(FILED, 1) == FILED + timedelta(hours=1)
    assert rules.decision_due(FILED, 10) == FILED + timedelta(days=10)


def test_the_case_is_due_at_the_next_milestone() -> None:
    review, decision = FILED + timedelta(hours=4), FILED + timedelta(days=7)

    due = {
        s: rules.case_due_at(s, first_review_due_at=review, decision_due_at=decision) for s in rules.STATUSES
    }

    assert due == {
        "new": review,
        "investigating": decision,
        "confirmed": None,
        "not_fraud": None,
        "closed": None,
    }


@pytest.mark.parametrize(
    ("elapsed", "state"),
    [
        (timedelta(0), SlaState.ON_TRACK),
        (timedelta(hours=3, minutes=11, seconds=59), SlaState.ON_TRACK),
        (timedelta(hours=3, minutes=12), SlaState.AT_RISK),  # 80% of 4 hours
        (timedelta(hours=4), SlaState.AT_RISK),
        (timedelta(hours=4, seconds=1), SlaState.BREACHED),
    ],
)
def test_first_review_sla_states_at_the_edges(elapsed: timedelta, state: SlaState) -> None:
    due = rules.first_review_due(FILED, 4)

    assert sla_state(now=FILED + elapsed, started_at=FILED, due_at=due, paused_since=None) == state


@pytest.mark.parametrize(
    ("elapsed", "state"),
    [
        (timedelta(days=1), SlaState.ON_TRACK),
        (timedelta(days=5, hours=14, minutes=23, seconds=59), SlaState.ON_TRACK),
        (timedelta(days=5, hours=14, minutes=24), SlaState.AT_RISK),  # 80% of 7 days
        (timedelta(days=7), SlaState.AT_RISK),
        (timedelta(days=7, seconds=1), SlaState.BREACHED),
    ],
)
def test_decision_sla_states_at_the_edges(elapsed: timedelta, state: SlaState) -> None:
    due = rules.decision_due(FILED, 7)

    assert sla_state(now=FILED + elapsed, started_at=FILED, due_at=due, paused_since=None) == state


# --- transactions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "required"),
    [
        ("account_takeover", False),
        ("lost_device", False),
        ("identity_theft", True),
        ("scam", True),
        ("unknown_transactions", True),
    ],
)
def test_which_categories_must_name_transactions(category: str, required: bool) -> None:
    assert rules.transactions_required(category) is required


def test_only_money_taken_out_can_be_reported() -> None:
    assert rules.REPORTABLE_TRANSACTION_TYPES == {"purchase", "loan_disbursement"}


@pytest.mark.parametrize(
    ("values", "repeated"),
    [([], []), ([1, 2, 3], []), ([1, 1], [1]), ([3, 2, 3, 2, 3], [2, 3])],
)
def test_duplicates(values: list[int], repeated: list[int]) -> None:
    assert rules.duplicates(values) == repeated


# --- freezing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "requested", "held", "expected"),
    [
        ("active", True, False, ("frozen", True)),
        ("active", False, False, ("active", False)),
        ("frozen", True, True, ("frozen", True)),  # shares the freeze of another open report
        ("frozen", True, False, ("frozen", False)),  # frozen for another reason: not ours to lift
        ("frozen", False, True, ("frozen", False)),
        ("closed", True, False, ("closed", False)),
        ("charged_off", True, False, ("charged_off", False)),
    ],
)
def test_freeze_on_filing(status: str, requested: bool, held: bool, expected: tuple[str, bool]) -> None:
    decision = rules.freeze_on_filing(
        account_status=status, freeze_requested=requested, held_by_other_report=held
    )

    assert (decision.account_status, decision.holds_freeze) == expected
    assert decision.changes(status) is (expected[0] != status)


@pytest.mark.parametrize(
    ("action", "status_before", "releases"),
    [
        ("start_review", "new", False),
        ("confirm", "investigating", False),  # confirmed keeps the account frozen until closed
        ("not_fraud", "investigating", True),
        ("close", "confirmed", True),
        ("close", "not_fraud", False),  # already let go at not_fraud
    ],
)
def test_which_actions_let_go_of_the_freeze(action: str, status_before: str, releases: bool) -> None:
    assert rules.releases_freeze(action, status_before) is releases


@pytest.mark.parametrize(
    ("status", "others", "unfreeze"),
    [
        ("frozen", 0, True),
        ("frozen", 1, False),
        ("frozen", 2, False),
        ("active", 0, False),
        ("closed", 0, False),
    ],
)
def test_unfreeze_only_when_no_other_report_holds_it(status: str, others: int, unfreeze: bool) -> None:
    assert rules.unfreeze_after_release(account_status=status, other_holders=others) is unfreeze


def test_open_statuses() -> None:
    assert rules.OPEN_STATUSES == {FraudStatus.NEW, FraudStatus.INVESTIGATING, FraudStatus.CONFIRMED}


# --- the filing body ------------------------------------------------------------------------------------


def body(**overrides: Any) -> dict[str, Any]:
    return {"account_id": 1, "category": "lost_device", "description": "Phone stolen", **overrides}


def test_the_defaults_freeze_and_name_no_transactions() -> None:
    report = FraudReportIn.model_validate(body())

    assert report.freeze_account is True
    assert report.transaction_ids == [] and report.channel == "phone"
    assert report.no_freeze_reason is None and report.police_report_number is None


@pytest.mark.parametrize("reason", ["", " ", "\t \n", None])
def test_no_freeze_without_a_reason_is_refused(reason: str | None) -> None:
    with pytest.raises(ValidationError):
        FraudReportIn.model_validate(body(freeze_account=False, no_freeze_reason=reason))


@pytest.mark.parametrize(
    ("reason", "kept"), [("x", "x"), ("  travelling  ", "travelling"), ("y" * 500, "y" * 500)]
)
def test_no_freeze_with_a_reason(reason: str, kept: str) -> None:
    report = FraudReportIn.model_validate(body(freeze_account=False, no_freeze_reason=reason))

    assert report.no_freeze_reason == kept


def test_a_reason_over_500_characters_is_refused() -> None:
    with pytest.raises(ValidationError):
        FraudReportIn.model_validate(body(freeze_account=False, no_freeze_reason="y" * 501))


def test_a_reason_while_freezing_is_refused() -> None:
    with pytest.raises(ValidationError):
        FraudReportIn.model_validate(body(no_freeze_reason="why"))


def test_a_blank_police_report_number_is_none() -> None:
    assert FraudReportIn.model_validate(body(police_report_number="   ")).police_report_number is None


@pytest.mark.parametrize(("count", "ok"), [(0, True), (99, True), (100, True), (101, False)])
def test_at_most_100_transactions(count: int, ok: bool) -> None:
    values = body(transaction_ids=list(range(1, count + 1)))
    if ok:
        assert len(FraudReportIn.model_validate(values).transaction_ids) == count
    else:
        with pytest.raises(ValidationError):
            FraudReportIn.model_validate(values)


@pytest.mark.parametrize(("length", "ok"), [(1, True), (4000, True), (4001, False)])
def test_description_length(length: int, ok: bool) -> None:
    values = body(description="字" * length)
    if ok:
        assert len(FraudReportIn.model_validate(values).description) == length
    else:
        with pytest.raises(ValidationError):
            FraudReportIn.model_validate(values)


@pytest.mark.parametrize(("length", "ok"), [(2000, True), (2001, False)])
def test_action_note_length(length: int, ok: bool) -> None:
    if ok:
        assert FraudActionIn.model_validate({"note": "n" * length}).note == "n" * length
    else:
        with pytest.raises(ValidationError):
            FraudActionIn.model_validate({"note": "n" * length})


def test_an_empty_action_body_has_no_note() -> None:
    assert FraudActionIn.model_validate({}).note is None
    assert FraudActionIn.model_validate({"note": "  "}).note is None
