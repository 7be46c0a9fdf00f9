"""The business clock: one place that says what day and time it is for the rules.

Business dates are in Asia/Shanghai; timestamps are UTC with an offset.
`CREDITDESK_BUSINESS_DATE` (YYYY-MM-DD) pins the business date so every rule is
deterministic in tests; the time of day then follows the wall clock.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class BusinessClock:
    fixed_date: date | None = None

    @classmethod
    def from_env(cls) -> BusinessClock:
        raw = os.environ.get("CREDITDESK_BUSINESS_DATE")
        return cls(date.fromisoformat(raw) if raw else None)

    def now(self) -> datetime:
        """Current instant, UTC. With a pinned date, that date's wall-clock time in Shanghai."""
        real = datetime.now(timezone.utc)
        if self.fixed_date is None:
            return real
        local_time = real.astimezone(BUSINESS_TZ).timetz()
        pinned = datetime.combine(self.fixed_date, local_time.replace(tzinfo=None), BUSINESS_TZ)
        return pinned.astimezone(timezone.utc)

    def today(self) -> date:
        """Current business date in Asia/Shanghai."""
        if self.fixed_date is not None:
            return self.fixed_date
        return datetime.now(BUSINESS_TZ).date()


def start_of_business_day(day: date) -> datetime:
    """00:00 Asia/Shanghai of `day`, as a UTC datetime."""
    return datetime.combine(day, time(0), BUSINESS_TZ).astimezone(timezone.utc)


def business_date_of(moment: datetime) -> date:
    return moment.astimezone(BUSINESS_TZ).date()
