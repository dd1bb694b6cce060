"""Time limits for referrals, counted in calendar days or England working days (D-13).

Working days skip weekends and England bank holidays. The day of receipt is day 0; a
referral received on a weekend or bank holiday counts as received on the next working
day, which is then day 0. A limit of N working days is due at the end of the Nth working
day after day 0. There is no time-of-day cut-off. Calendar-day limits count from the
local date of receipt and are never moved.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    # One year at a time, cached: the package computes each year on demand, and a
    # frozenset cannot be changed by a caller.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(d: date) -> bool:
    """True from Monday to Friday unless the day is an England bank holiday."""
    return d.weekday() < _SATURDAY and d not in _bank_holidays(d.year)


def _next_working_day(d: date) -> date:
    """The first working day strictly after ``d``."""
    d += _ONE_DAY
    while not is_working_day(d):
        d += _ONE_DAY
    return d


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; 0 if ``end <= start``."""
    count = 0
    d = start
    while d < end:
        d += _ONE_DAY
        if is_working_day(d):
            count += 1
    return count


def local_date(moment: datetime) -> date:
    """The calendar date in London at an aware moment; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    return moment.astimezone(LONDON).date()


def due_date(received_at: datetime, days: int, *, working_days: bool) -> date:
    """The last day on which a limit of ``days`` from ``received_at`` is still met."""
    if days < 0:
        raise ValueError(f"days must be 0 or more, got {days}")
    received = local_date(received_at)
    if not working_days:
        return received + timedelta(days=days)
    due = received if is_working_day(received) else _next_working_day(received)
    for _ in range(days):
        due = _next_working_day(due)
    return due
