"""SLA clocks for cases: deadlines in business days and calendar days, pauses, and the state.

Pure functions over aware datetimes (UTC in, UTC out). Business days are Monday to Friday in
Asia/Shanghai; public holidays are not modelled (a holiday calendar would plug in here).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from enum import StrEnum

from backend.clock import BUSINESS_TZ


class SlaState(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    PAUSED = "paused"


SLA_STATES: tuple[str, ...] = tuple(state.value for state in SlaState)

# "At risk" from 80% of the time allowed: used * 5 >= allowed * 4, in whole seconds.
AT_RISK_NUMERATOR = 4
AT_RISK_DENOMINATOR = 5

SATURDAY = 5


def is_business_day(moment: datetime) -> bool:
    return moment.astimezone(BUSINESS_TZ).weekday() < SATURDAY


def add_business_days(start: datetime, days: int) -> datetime:
    """`start` moved forward by `days` business days, keeping the local time of day.

    A start on a weekend counts from 00:00 of the next Monday, so a case opened on Saturday
    with one business day to go is due at the end of Monday.
    """
    if days < 0:
        raise ValueError("days must be >= 0")
    local = start.astimezone(BUSINESS_TZ)
    if local.weekday() >= SATURDAY:
        monday = local.date() + timedelta(days=7 - local.weekday())
        local = datetime.combine(monday, time(0), BUSINESS_TZ)
    remaining = days
    day = local.date()
    while remaining:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            remaining -= 1
    moved = datetime.combine(day, local.timetz().replace(tzinfo=None), BUSINESS_TZ)
    return moved.astimezone(timezone.utc)


def add_calendar_days(start: datetime, days: int) -> datetime:
    """`start` + `days` days at the same local time in Asia/Shanghai (no DST there)."""
    return (start.astimezone(BUSINESS_TZ) + timedelta(days=days)).astimezone(timezone.utc)


def resume_deadline(due_at: datetime, paused_since: datetime, now: datetime) -> datetime:
    """The deadline after a pause from `paused_since` to `now`: pushed back by the pause."""
    return due_at + max(now - paused_since, timedelta(0))


def sla_state(
    *, now: datetime, started_at: datetime, due_at: datetime | None, paused_since: datetime | None
) -> SlaState:
    """Where a case stands against its deadline.

    `paused_since` set: paused. Past `due_at`: breached. At or past 80% of the time from
    `started_at` to `due_at`: at risk. No deadline (a closed case): on track.
    """
    if paused_since is not None:
        return SlaState.PAUSED
    if due_at is None:
        return SlaState.ON_TRACK
    if now > due_at:
        return SlaState.BREACHED
    allowed = int((due_at - started_at).total_seconds())
    used = int((now - started_at).total_seconds())
    if allowed <= 0 or used * AT_RISK_DENOMINATOR >= allowed * AT_RISK_NUMERATOR:
        return SlaState.AT_RISK
    return SlaState.ON_TRACK
