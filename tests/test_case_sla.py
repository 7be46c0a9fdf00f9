"""The SLA clock of backend/cases/sla.py at its edges: business days across weekends and the
Shanghai date line, the 80% at-risk edge, the breach edge, pauses and resume."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from backend.cases.models import Case
from backend.cases.service import case_sla_state
from backend.cases.sla import (
    SlaState,
    add_business_days,
    add_calendar_days,
    is_business_day,
    resume_deadline,
    sla_state,
)
from backend.clock import BUSINESS_TZ

US = timedelta(microseconds=1)


def local(day: date, at: time = time(10, 0)) -> datetime:
    """`day` at `at` in Shanghai, as UTC."""
    return datetime.combine(day, at, BUSINESS_TZ).astimezone(timezone.utc)


# 2024-06-14 is a Friday, 06-15 Saturday, 06-16 Sunday, 06-17 Monday.
THU, FRI, SAT, SUN, MON, TUE = (date(2024, 6, d) for d in (13, 14, 15, 16, 17, 18))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (local(FRI, time(23, 59, 59, 999999)), True),
        (local(SAT, time(0, 0)), False),
        (local(SUN, time(23, 59, 59, 999999)), False),
        (local(MON, time(0, 0)), True),
        # Friday 16:00 UTC is already Saturday in Shanghai: business days are Shanghai days.
        (datetime(2024, 6, 14, 16, 0, tzinfo=timezone.utc), False),
        (datetime(2024, 6, 14, 15, 59, 59, tzinfo=timezone.utc), True),
    ],
)
def test_business_days_are_monday_to_friday_in_shanghai(moment: datetime, expected: bool) -> None:
    assert is_business_day(moment) is expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (local(THU), 1, local(FRI)),
        (local(FRI), 1, local(MON)),  # over the weekend
        (local(FRI), 2, local(TUE)),
        (local(MON), 5, local(MON + timedelta(days=7))),
        (local(FRI), 0, local(FRI)),
        (local(FRI, time(23, 30)), 1, local(MON, time(23, 30))),  # keeps the local time of day
        # On a weekend the count starts at 00:00 Monday: one business day is the end of Monday.
        (local(SAT, time(15, 0)), 1, local(TUE, time(0, 0))),
        (local(SUN, time(23, 59)), 1, local(TUE, time(0, 0))),
        (local(SAT, time(15, 0)), 0, local(MON, time(0, 0))),
        # Friday 17:00 UTC is Saturday 01:00 in Shanghai.
        (datetime(2024, 6, 14, 17, 0, tzinfo=timezone.utc), 1, local(TUE, time(0, 0))),
    ],
)
def test_add_business_days(start: datetime, days: int, expected: datetime) -> None:
    assert add_business_days(start, days) == expected
    assert add_business_days(start, days).tzinfo is not None


def test_negative_business_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_business_days(local(MON), -1)


def test_calendar_days_keep_the_local_time_across_month_ends() -> None:
    assert add_calendar_days(local(date(2024, 1, 31), time(23, 30)), 15) == local(
        date(2024, 2, 15), time(23, 30)
    )
    assert add_calendar_days(local(FRI), 0) == local(FRI)


START = datetime(2024, 6, 14, 2, 0, 0, 250_000, tzinfo=timezone.utc)  # a fraction of a second in
DUE = START + timedelta(seconds=100)  # 100 s allowed: at risk from 80 s used


def state(
    now: datetime, *, started: datetime = START, due: datetime | None = DUE, paused: datetime | None = None
) -> SlaState:
    return sla_state(now=now, started_at=started, due_at=due, paused_since=paused)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (START, SlaState.ON_TRACK),
        (START + timedelta(seconds=79), SlaState.ON_TRACK),
        (START + timedelta(seconds=80) - US, SlaState.ON_TRACK),  # 79.999999 s used counts as 79
        (START + timedelta(seconds=80), SlaState.AT_RISK),  # exactly 80%
        (DUE - US, SlaState.AT_RISK),
        (DUE, SlaState.AT_RISK),  # at the deadline, not yet past it
        (DUE + US, SlaState.BREACHED),
        (DUE + timedelta(days=30), SlaState.BREACHED),
        (START - timedelta(seconds=5), SlaState.ON_TRACK),  # a clock before the start
    ],
)
def test_the_state_at_its_edges(now: datetime, expected: SlaState) -> None:
    assert state(now) is expected


def test_at_risk_when_80_percent_is_not_a_whole_second() -> None:
    due = START + timedelta(seconds=101)  # 80% is 80.8 s: at risk from 81 whole seconds
    assert state(START + timedelta(seconds=80, microseconds=999_999), due=due) is SlaState.ON_TRACK
    assert state(START + timedelta(seconds=81), due=due) is SlaState.AT_RISK


def test_a_real_deadline_at_risk_edge() -> None:
    """15 days: at risk after 12 days exactly."""
    due = add_calendar_days(START, 15)
    assert state(START + timedelta(days=12) - timedelta(seconds=1), due=due) is SlaState.ON_TRACK
    assert state(START + timedelta(days=12), due=due) is SlaState.AT_RISK


def test_no_time_allowed_is_at_risk_until_breached() -> None:
    assert state(START, due=START) is SlaState.AT_RISK
    assert state(START + US, due=START) is SlaState.BREACHED
    assert state(START, due=START - timedelta(hours=1)) is SlaState.BREACHED


def test_paused_beats_every_other_state() -> None:
    assert state(START, paused=START) is SlaState.PAUSED
    assert state(DUE + timedelta(days=1), paused=START + timedelta(seconds=10)) is SlaState.PAUSED


def test_without_a_deadline_it_is_on_track() -> None:
    assert state(DUE + timedelta(days=400), due=None) is SlaState.ON_TRACK


def test_resume_moves_the_window_by_the_pause() -> None:
    """change_case moves both ends of the window by the pause: the paused time is neither used
    nor allowed, so at risk still comes at 80 s worked."""
    paused = START + timedelta(seconds=50)
    resumed = paused + timedelta(hours=3, microseconds=7)

    new_due = resume_deadline(DUE, paused, resumed)
    new_start = resume_deadline(START, paused, resumed)

    assert new_due == DUE + timedelta(hours=3, microseconds=7)
    assert state(resumed + timedelta(seconds=30) - US, started=new_start, due=new_due) is SlaState.ON_TRACK
    assert state(resumed + timedelta(seconds=30), started=new_start, due=new_due) is SlaState.AT_RISK
    assert state(resumed + timedelta(seconds=50), started=new_start, due=new_due) is SlaState.AT_RISK
    assert state(resumed + timedelta(seconds=50) + US, started=new_start, due=new_due) is SlaState.BREACHED


def test_a_resume_before_the_pause_does_not_shorten_the_deadline() -> None:
    assert resume_deadline(DUE, START + timedelta(seconds=50), START) == DUE


def test_a_closed_case_is_on_track_whatever_its_dates() -> None:
    closed = Case(is_open=False, sla_started_at=START, due_at=DUE, paused_since=None)
    opened = Case(is_open=True, sla_started_at=START, due_at=DUE, paused_since=None)

    assert case_sla_state(closed, DUE + timedelta(days=3)) is SlaState.ON_TRACK
    assert case_sla_state(opened, DUE + timedelta(days=3)) is SlaState.BREACHED
