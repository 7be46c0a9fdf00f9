"""console.arrangements without Qt: the terms and bodies it builds, and the shapes of the server's sentences."""

from __future__ import annotations

from datetime import date

from console.arrangements import (
    Quote,
    hardship_plan_terms,
    message_shape,
    promise_to_pay_terms,
    proposal_body,
)


def test_message_shape_takes_out_numbers_amounts_and_dates() -> None:
    assert message_shape("24 months is over the 12 months an agent may grant alone.") == (
        "%1 months is over the %2 months an agent may grant alone.", ("24", "12"))
    assert message_shape("A penalty waiver of ¥1,300.00 is over the ¥200.00 an agent may grant alone.") == (
        "A penalty waiver of %1 is over the %2 an agent may grant alone.", ("¥1,300.00", "¥200.00"))
    assert message_shape("The promised date must be from 2026-11-22 to 2026-12-06.") == (
        "The promised date must be from %1 to %2.", ("2026-11-22", "2026-12-06"))


def test_proposal_body_carries_the_terms_the_account_and_a_trimmed_note() -> None:
    body = proposal_body(30, hardship_plan_terms(24, 150_00), "  lost job  ")
    assert body == {"type": "hardship_plan", "months": 24, "penalty_waiver_fen": 15_000, "account_id": 30,
                    "note": "lost job"}
    assert "note" not in proposal_body(30, promise_to_pay_terms(100, date(2026, 11, 30)), "   ")
    assert promise_to_pay_terms(100, date(2026, 11, 30))["promised_date"] == "2026-11-30"


def test_quote_reads_the_servers_json() -> None:
    quote = Quote.from_json({
        "type": "hardship_plan", "account_id": 30, "terms": {"months": 3},
        "schedule": [{"period": 1, "due_date": "2026-12-09", "principal_fen": 334, "fee_fen": 0, "total_fen": 334}],
        "cost": {"principal_fen": 334, "fee_fen": 0, "waived_fen": 0, "total_fen": 334},
        "needs_approval": True,
        "approval_reasons": [{"code": "hardship_months", "message": "x"}],
        "effects": {"first_due_date": "2026-12-09"},
    })
    assert quote.schedule[0].due_date == date(2026, 12, 9)
    assert quote.needs_approval and quote.approval_reasons[0].code == "hardship_months"
