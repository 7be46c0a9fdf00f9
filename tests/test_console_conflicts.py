"""`console.arrangements.conflicts_for`: the wizard's warning mirrors the server's refusals
(docs/contact-history.md "Conflicts"), without Qt."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from console.arrangements import ArrangementSummary, conflicts_for

AT = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)


def summary(id_: int, type_: str, status: str) -> ArrangementSummary:
    return ArrangementSummary(id=id_, account_id=1, type=type_, status=status, amount_fen=10_000,
                              needs_approval=status == "pending_approval", proposed_by_name="Agent One",
                              proposed_at=AT, resolved_on=None, version=1)


@pytest.mark.parametrize(
    ("new", "existing", "clash"),
    [
        ("promise_to_pay", ("hardship_plan", "active"), True),
        ("promise_to_pay", ("hardship_plan", "pending_approval"), True),
        ("promise_to_pay", ("hardship_plan", "cancelled"), False),
        ("promise_to_pay", ("hardship_plan", "broken"), False),
        ("hardship_plan", ("promise_to_pay", "active"), True),
        ("hardship_plan", ("promise_to_pay", "kept"), False),
        ("promise_to_pay", ("promise_to_pay", "active"), True),  # one at a time
        ("fee_waiver", ("fee_waiver", "active"), False),  # done, not ongoing
        ("fee_waiver", ("fee_waiver", "pending_approval"), True),  # two waiting of one type
        ("fee_waiver", ("hardship_plan", "active"), False),
        ("due_date_extension", ("promise_to_pay", "active"), False),
    ],
)
def test_conflicts_for(new: str, existing: tuple[str, str], clash: bool) -> None:
    other = summary(7, *existing)
    assert conflicts_for(new, [other]) == ([other] if clash else [])

