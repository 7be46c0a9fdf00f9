"""The rules the console's forms mirror (console/rules.py) are the backend's: its default policy
and the limits of its request bodies. A change on one side fails here until the other follows."""

from __future__ import annotations

from backend.arrangements import schemas as arrangement_schemas
from backend.cases import schemas as case_schemas
from backend.disputes import rules as dispute_rules
from backend.disputes import schemas as dispute_schemas
from backend.fraud import rules as fraud_rules
from backend.fraud import schemas as fraud_schemas
from backend.settings import Policy
from console import rules


def test_policy_limits_are_the_backends_first_values() -> None:
    policy = Policy()
    assert rules.DISPUTE_APPROVAL_OVER_FEN == policy.dispute_outcome_approval_over_fen == 200_000
    assert rules.HANDLER_EXTENSION_DAYS == policy.dispute_handler_extension_days == 30
    assert rules.SUPERVISOR_EXTENSION_DAYS == policy.dispute_supervisor_extension_days == 60
    assert rules.HARDSHIP_MONTHS == (policy.hardship_min_months, policy.hardship_max_months) == (3, 60)
    assert rules.HARDSHIP_AGENT_MONTHS == policy.hardship_agent_max_months == 12
    assert rules.EXTENSION_AGENT_MAX_DAYS == policy.extension_agent_max_days == 3
    assert rules.EXTENSION_MAX_DAYS == policy.extension_max_days == 10
    assert rules.PROMISE_MAX_DAYS == policy.promise_max_days == 14


def test_text_limits_are_the_request_bodies() -> None:
    assert rules.DISPUTE_DESCRIPTION_MAX_LENGTH == dispute_schemas.DESCRIPTION_MAX_LENGTH
    assert rules.CASE_ACTION_NOTE_MAX_LENGTH == dispute_schemas.NOTE_MAX_LENGTH == fraud_schemas.NOTE_MAX_LENGTH
    assert rules.FRAUD_DESCRIPTION_MAX_LENGTH == fraud_schemas.DESCRIPTION_MAX_LENGTH
    assert rules.FRAUD_NO_FREEZE_REASON_MAX_LENGTH == fraud_schemas.REASON_MAX_LENGTH
    assert rules.FRAUD_MAX_TRANSACTIONS == fraud_rules.MAX_TRANSACTIONS
    assert rules.ARRANGEMENT_TEXT_MAX_LENGTH == arrangement_schemas.TEXT_MAX_LENGTH
    note = case_schemas.AssignIn.model_json_schema()["properties"]["note"]
    assert [option.get("maxLength") for option in note["anyOf"] if option.get("type") == "string"] == [
        rules.ASSIGN_NOTE_MAX_LENGTH
    ]


def test_categories_and_reasons_are_the_backends() -> None:
    assert {
        category.value: tuple(reason.value for reason in reasons)
        for category, reasons in dispute_rules.REASONS_BY_CATEGORY.items()
    } == rules.DISPUTE_REASONS_BY_CATEGORY
    assert set(rules.DISPUTE_CATEGORY_ORDER) == {c.value for c in dispute_rules.DisputeCategory}
    assert set(rules.FRAUD_CATEGORY_ORDER) == {c.value for c in fraud_rules.FraudCategory}
    assert rules.FRAUD_CATEGORIES_WITHOUT_TRANSACTIONS == {
        c.value for c in fraud_rules.CATEGORIES_WITHOUT_TRANSACTIONS
    }
