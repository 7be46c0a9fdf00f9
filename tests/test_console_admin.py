"""The console's admin and audit types, without Qt: JSON to dataclasses, the password rule as the
backend has it, a record's changes, the trail's query parameters."""

from __future__ import annotations

from datetime import date

import pytest

from backend.auth.users import password_problem as backend_password_problem
from console.admin import ManagedUser, PolicyChange, password_problem
from console.audit import AuditQuery, AuditRecord


@pytest.mark.parametrize(
    "password", ["x" * 11, "x" * 12, "li.na.000001", "LI.NA.000001", " li.na.000001 ", "a good password"]
)
def test_the_consoles_password_rule_is_the_backends(password: str) -> None:
    assert (password_problem(password, "li.na.000001") is None) == (
        backend_password_problem(password, "li.na.000001") is None
    )


def test_a_managed_user_from_json() -> None:
    user = ManagedUser.from_json({
        "id": 7, "username": "li.na", "display_name": "Li Na", "role": "agent", "active": False,
        "must_change_password": True, "locked_until": None, "is_demo": False,
        "created_at": "2026-12-04T02:00:00Z",
    })
    assert (user.id, user.active, user.must_change_password, user.created_at.isoformat()) == (
        7, False, True, "2026-12-04T02:00:00+00:00")


def test_a_policy_change_from_json() -> None:
    change = PolicyChange.from_json({
        "id": 3, "name": "promise_max_days", "old_value": 14, "new_value": 21, "reason": "Paid monthly.",
        "status": "pending", "proposed_by": 1, "proposed_by_name": "Admin One",
        "proposed_at": "2026-12-04T02:00:00Z", "decided_by": None, "decided_by_name": None, "decided_at": None,
        "decision_comment": None, "effective_from": None,
    })
    assert (change.old_value, change.new_value, change.status, change.decided_at) == (14, 21, "pending", None)


def test_a_records_changes_pair_before_and_after() -> None:
    record = AuditRecord.from_json({
        "id": 1, "at": "2026-12-04T02:00:00Z", "actor_id": 1, "actor_name": "Admin One", "actor_role": "admin",
        "action": "user.role_changed", "entity_type": "user", "entity_id": "7", "customer_id": None,
        "before": {"role": "agent"}, "after": {"role": "supervisor", "active": True}, "request_id": None,
    })
    assert record.changes() == [("role", "agent", "supervisor"), ("active", None, True)]


def test_the_trail_query_sends_only_what_is_set() -> None:
    query = AuditQuery(actor="agent1", action="case.*", date_from=date(2026, 12, 1))
    assert {k: v for k, v in query.params().items() if v is not None} == {
        "actor": "agent1", "action": "case.*", "from": "2026-12-01"}
