"""Due dates under D-13. Every expected date below was worked out by hand from the
published England bank holidays, not computed with the code under test."""

from datetime import UTC, date, datetime, timedelta, timezone
from typing import ClassVar

import pytest

from webapp.domain.sla import LONDON, due_date, is_working_day, working_days_between


def london(*args: int, fold: int = 0) -> datetime:
    """An aware time as a clock on a wall in London shows it."""
    return datetime(*args, tzinfo=LONDON, fold=fold)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


ENGLAND_BANK_HOLIDAYS_2026_TO_2028 = [
    pytest.param(date(2026, 1, 1), id="new year's day 2026 is a thursday"),
    pytest.param(date(2026, 4, 3), id="good friday 2026"),
    pytest.param(date(2026, 4, 6), id="easter monday 2026"),
    pytest.param(date(2026, 5, 4), id="early may bank holiday 2026"),
    pytest.param(date(2026, 5, 25), id="spring bank holiday 2026"),
    pytest.param(date(2026, 8, 31), id="summer bank holiday 2026"),
    pytest.param(date(2026, 12, 25), id="christmas day 2026 is a friday"),
    pytest.param(date(2026, 12, 28), id="boxing day 2026 falls on saturday so monday 28th"),
    pytest.param(date(2027, 1, 1), id="new year's day 2027 is a friday"),
    pytest.param(date(2027, 3, 26), id="good friday 2027"),
    pytest.param(date(2027, 3, 29), id="easter monday 2027"),
    pytest.param(date(2027, 5, 3), id="early may bank holiday 2027"),
    pytest.param(date(2027, 5, 31), id="spring bank holiday 2027"),
    pytest.param(date(2027, 8, 30), id="summer bank holiday 2027"),
    pytest.param(date(2027, 12, 27), id="christmas 2027 falls on saturday so monday 27th"),
    pytest.param(date(2027, 12, 28), id="boxing day 2027 falls on sunday so tuesday 28th"),
    pytest.param(date(2028, 1, 3), id="new year 2028 falls on saturday so monday 3rd"),
]


class TestIsWorkingDay:
    @pytest.mark.parametrize("day", ENGLAND_BANK_HOLIDAYS_2026_TO_2028)
    def test_an_england_bank_holiday_is_not_a_working_day(self, day: date) -> None:
        assert day.weekday() < 5, "the list should hold only weekday holidays"
        assert not is_working_day(day)

    @pytest.mark.parametrize(
        "day",
        [
            pytest.param(date(2026, 6, 13), id="a saturday"),
            pytest.param(date(2026, 6, 14), id="a sunday"),
            pytest.param(date(2026, 12, 26), id="boxing day 2026 on its saturday"),
            pytest.param(date(2027, 12, 25), id="christmas day 2027 on its saturday"),
        ],
    )
    def test_a_weekend_day_is_not_a_working_day(self, day: date) -> None:
        assert not is_working_day(day)

    @pytest.mark.parametrize(
        "day",
        [
            pytest.param(date(2026, 6, 15), id="an ordinary monday"),
            pytest.param(date(2026, 6, 19), id="an ordinary friday"),
            pytest.param(date(2026, 12, 24), id="christmas eve 2026"),
            pytest.param(date(2026, 12, 31), id="new year's eve 2026"),
            pytest.param(date(2027, 3, 17), id="st patrick's day is not an england holiday"),
            pytest.param(date(2027, 11, 30), id="st andrew's day is not an england holiday"),
            pytest.param(date(2028, 1, 4), id="the tuesday after new year 2028"),
        ],
    )
    def test_an_ordinary_weekday_is_a_working_day(self, day: date) -> None:
        assert is_working_day(day)

    def test_2026_has_253_working_days(self) -> None:
        # 261 weekdays, less the 8 bank holidays that fall on a weekday (Boxing Day
        # itself is a Saturday; its substitute Monday 28 December is one of the 8).
        assert working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 253


class TestWorkingDaysBetween:
    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            pytest.param(date(2026, 6, 15), date(2026, 6, 15), 0, id="the same day is zero"),
            pytest.param(
                date(2026, 6, 16), date(2026, 6, 15), 0, id="an end before the start is zero"
            ),
            pytest.param(date(2026, 6, 15), date(2026, 6, 16), 1, id="monday to tuesday is one"),
            pytest.param(date(2026, 6, 19), date(2026, 6, 22), 1, id="friday to monday is one"),
            pytest.param(date(2026, 6, 19), date(2026, 6, 21), 0, id="friday to sunday is zero"),
            pytest.param(date(2026, 6, 13), date(2026, 6, 15), 1, id="saturday to monday is one"),
            pytest.param(date(2026, 6, 15), date(2026, 6, 22), 5, id="a week is five"),
            pytest.param(
                date(2026, 12, 24),
                date(2026, 12, 29),
                1,
                id="christmas eve 2026 to tuesday 29th is one",
            ),
            pytest.param(
                date(2026, 12, 24),
                date(2027, 1, 4),
                4,
                id="christmas eve 2026 to monday 4 january counts 29 30 31 and 4",
            ),
            pytest.param(
                date(2027, 3, 25),
                date(2027, 3, 30),
                1,
                id="the thursday before easter 2027 to the tuesday after is one",
            ),
        ],
    )
    def test_counts_working_days_after_start_up_to_and_including_end(
        self, start: date, end: date, expected: int
    ) -> None:
        assert working_days_between(start, end) == expected

    def test_an_item_due_today_is_zero_and_overdue_counts_working_days(self) -> None:
        due = date(2026, 12, 24)
        assert working_days_between(due, date(2026, 12, 24)) == 0
        assert working_days_between(due, date(2026, 12, 28)) == 0  # holidays only
        assert working_days_between(due, date(2026, 12, 29)) == 1


WORKING_DAY_CASES = [
    # Ordinary weeks, weekends and the time of receipt.
    pytest.param(
        london(2026, 6, 15, 9, 0),
        0,
        date(2026, 6, 15),
        id="received on a monday with zero days is due that monday",
    ),
    pytest.param(
        london(2026, 6, 15, 9, 0),
        1,
        date(2026, 6, 16),
        id="received on a monday with one day is due tuesday",
    ),
    pytest.param(
        london(2026, 6, 15, 23, 59),
        1,
        date(2026, 6, 16),
        id="received a minute before midnight still counts that day as day 0",
    ),
    pytest.param(
        london(2026, 6, 17, 9, 0),
        3,
        date(2026, 6, 22),
        id="three days from a wednesday crosses the weekend to monday",
    ),
    pytest.param(
        london(2026, 6, 13, 10, 0),
        0,
        date(2026, 6, 15),
        id="received on a saturday with zero days is due the next monday",
    ),
    pytest.param(
        london(2026, 6, 13, 10, 0),
        1,
        date(2026, 6, 16),
        id="received on a saturday with one day is due the next tuesday",
    ),
    pytest.param(
        london(2026, 6, 14, 10, 0),
        5,
        date(2026, 6, 22),
        id="received on a sunday with five days is due the monday a week later",
    ),
    pytest.param(
        london(2026, 1, 16, 23, 59),
        1,
        date(2026, 1, 19),
        id="received late on a friday evening in winter counts that friday",
    ),
    pytest.param(
        utc(2026, 6, 19, 22, 30),
        1,
        date(2026, 6, 22),
        id="received at 23 30 bst on a friday counts that friday",
    ),
    pytest.param(
        utc(2026, 6, 19, 23, 30),
        1,
        date(2026, 6, 23),
        id="received at 00 30 bst on saturday while utc is still friday rolls to monday",
    ),
    pytest.param(
        utc(2026, 6, 14, 23, 15),
        3,
        date(2026, 6, 18),
        id="received just after midnight bst on monday while utc is sunday",
    ),
    pytest.param(
        utc(2026, 6, 15, 23, 15),
        1,
        date(2026, 6, 17),
        id="received just after midnight bst on tuesday counts tuesday as day 0",
    ),
    pytest.param(
        datetime(2026, 6, 15, 18, 0, tzinfo=timezone(timedelta(hours=-5))),
        0,
        date(2026, 6, 16),
        id="a time given in another zone is read as the london date",
    ),
    # Christmas and New Year 2026/27: Fri 25, Sat 26 (Mon 28 substitute), Fri 1 Jan.
    pytest.param(
        london(2026, 12, 24, 10, 0),
        1,
        date(2026, 12, 29),
        id="christmas eve 2026 plus one skips christmas the weekend and boxing day",
    ),
    pytest.param(
        london(2026, 12, 23, 10, 0),
        5,
        date(2027, 1, 4),
        id="five days from 23 december 2026 is monday 4 january 2027",
    ),
    pytest.param(
        london(2026, 12, 25, 10, 0),
        0,
        date(2026, 12, 29),
        id="received on christmas day 2026 day 0 is tuesday 29 december",
    ),
    pytest.param(
        london(2026, 12, 25, 10, 0),
        3,
        date(2027, 1, 4),
        id="three days from christmas day 2026 is monday 4 january 2027",
    ),
    pytest.param(
        london(2026, 12, 26, 10, 0),
        0,
        date(2026, 12, 29),
        id="received on boxing day 2026 a saturday day 0 is tuesday 29th",
    ),
    pytest.param(
        london(2026, 12, 28, 10, 0),
        1,
        date(2026, 12, 30),
        id="received on the boxing day substitute monday 2026 day 0 is tuesday",
    ),
    pytest.param(
        london(2026, 12, 31, 10, 0),
        1,
        date(2027, 1, 4),
        id="new year's eve 2026 plus one skips new year's day and the weekend",
    ),
    pytest.param(
        london(2027, 1, 1, 10, 0),
        0,
        date(2027, 1, 4),
        id="received on new year's day 2027 day 0 is monday 4 january",
    ),
    # Christmas and New Year 2027/28: Sat 25, Sun 26 (Mon 27 and Tue 28), Sat 1 (Mon 3).
    pytest.param(
        london(2027, 12, 24, 10, 0),
        1,
        date(2027, 12, 29),
        id="christmas eve 2027 plus one is wednesday 29 december",
    ),
    pytest.param(
        london(2027, 12, 25, 10, 0),
        0,
        date(2027, 12, 29),
        id="received on christmas day 2027 day 0 is wednesday 29 december",
    ),
    pytest.param(
        london(2027, 12, 25, 10, 0),
        2,
        date(2027, 12, 31),
        id="two days from christmas day 2027 is friday 31 december",
    ),
    pytest.param(
        london(2027, 12, 25, 10, 0),
        3,
        date(2028, 1, 4),
        id="three days from christmas day 2027 skips the new year substitute",
    ),
    pytest.param(
        london(2027, 12, 27, 10, 0),
        0,
        date(2027, 12, 29),
        id="received on the christmas substitute monday 2027 day 0 is wednesday",
    ),
    pytest.param(
        london(2027, 12, 31, 10, 0),
        1,
        date(2028, 1, 4),
        id="new year's eve 2027 plus one is tuesday 4 january 2028",
    ),
    # Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    pytest.param(
        london(2026, 4, 2, 10, 0),
        1,
        date(2026, 4, 7),
        id="the thursday before easter 2026 plus one is the tuesday after",
    ),
    pytest.param(
        london(2026, 4, 3, 10, 0),
        0,
        date(2026, 4, 7),
        id="received on good friday 2026 day 0 is the tuesday after easter",
    ),
    pytest.param(
        london(2026, 4, 6, 10, 0),
        2,
        date(2026, 4, 9),
        id="two days from easter monday 2026 is thursday 9 april",
    ),
    # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    pytest.param(
        london(2027, 3, 25, 10, 0),
        1,
        date(2027, 3, 30),
        id="the thursday before easter 2027 plus one is the tuesday after",
    ),
    pytest.param(
        london(2027, 3, 26, 10, 0),
        5,
        date(2027, 4, 6),
        id="five days from good friday 2027 is tuesday 6 april",
    ),
    # Early May, spring and summer bank holidays.
    pytest.param(
        london(2026, 5, 1, 10, 0),
        1,
        date(2026, 5, 5),
        id="friday before the early may bank holiday 2026 plus one is tuesday",
    ),
    pytest.param(
        london(2026, 5, 4, 10, 0),
        0,
        date(2026, 5, 5),
        id="received on the early may bank holiday 2026 day 0 is tuesday",
    ),
    pytest.param(
        london(2027, 4, 30, 10, 0),
        1,
        date(2027, 5, 4),
        id="friday before the early may bank holiday 2027 plus one is tuesday",
    ),
    pytest.param(
        london(2026, 5, 22, 10, 0),
        2,
        date(2026, 5, 27),
        id="two days from the friday before spring bank holiday 2026 is wednesday",
    ),
    pytest.param(
        london(2027, 5, 28, 10, 0),
        1,
        date(2027, 6, 1),
        id="friday before spring bank holiday 2027 plus one is tuesday 1 june",
    ),
    pytest.param(
        london(2026, 8, 28, 10, 0),
        1,
        date(2026, 9, 1),
        id="friday before summer bank holiday 2026 plus one is tuesday 1 september",
    ),
    pytest.param(
        london(2027, 8, 30, 10, 0),
        1,
        date(2027, 9, 1),
        id="received on summer bank holiday 2027 plus one is wednesday 1 september",
    ),
    # Clocks go forward on Sunday 29 March 2026 at 01:00 UTC.
    pytest.param(
        utc(2026, 3, 27, 23, 30),
        1,
        date(2026, 3, 30),
        id="23 30 utc on the friday before spring forward 2026 is still friday in gmt",
    ),
    pytest.param(
        utc(2026, 3, 29, 1, 30),
        4,
        date(2026, 4, 7),
        id="received as clocks go forward 2026 four days skip easter to tuesday 7 april",
    ),
    pytest.param(
        utc(2026, 3, 30, 23, 30),
        1,
        date(2026, 4, 1),
        id="23 30 utc on the monday after spring forward 2026 is tuesday in bst",
    ),
    # Clocks go back on Sunday 25 October 2026 at 01:00 UTC.
    pytest.param(
        utc(2026, 10, 23, 23, 30),
        2,
        date(2026, 10, 28),
        id="23 30 utc on the friday before fall back 2026 is saturday in bst",
    ),
    pytest.param(
        london(2026, 10, 25, 1, 30, fold=1),
        0,
        date(2026, 10, 26),
        id="received in the repeated hour of fall back 2026 day 0 is monday",
    ),
    pytest.param(
        utc(2026, 10, 26, 23, 30),
        1,
        date(2026, 10, 27),
        id="23 30 utc on the monday after fall back 2026 is still monday in gmt",
    ),
    # Clocks go forward on Sunday 28 March 2027 (Easter Day) at 01:00 UTC.
    pytest.param(
        utc(2027, 3, 25, 23, 30),
        1,
        date(2027, 3, 30),
        id="23 30 utc on the thursday before spring forward 2027 is still thursday",
    ),
    pytest.param(
        utc(2027, 3, 28, 23, 30),
        1,
        date(2027, 3, 31),
        id="23 30 utc on easter day 2027 is easter monday in bst so day 0 is tuesday",
    ),
    # Clocks go back on Sunday 31 October 2027 at 01:00 UTC.
    pytest.param(
        utc(2027, 10, 29, 23, 30),
        1,
        date(2027, 11, 2),
        id="23 30 utc on the friday before fall back 2027 is saturday in bst",
    ),
    pytest.param(
        utc(2027, 11, 1, 23, 30),
        1,
        date(2027, 11, 2),
        id="23 30 utc on the monday after fall back 2027 is still monday in gmt",
    ),
]


CALENDAR_DAY_CASES = [
    pytest.param(
        london(2026, 6, 15, 9, 0),
        0,
        date(2026, 6, 15),
        id="zero calendar days is the day of receipt",
    ),
    pytest.param(
        london(2026, 6, 13, 9, 0),
        0,
        date(2026, 6, 13),
        id="zero calendar days from a saturday stays on that saturday",
    ),
    pytest.param(
        london(2026, 6, 8, 9, 0),
        5,
        date(2026, 6, 13),
        id="a limit landing on a saturday is not moved",
    ),
    pytest.param(
        london(2026, 6, 8, 9, 0),
        6,
        date(2026, 6, 14),
        id="a limit landing on a sunday is not moved",
    ),
    pytest.param(
        london(2026, 5, 22, 9, 0),
        3,
        date(2026, 5, 25),
        id="a limit landing on spring bank holiday 2026 is not moved",
    ),
    pytest.param(
        london(2026, 12, 24, 9, 0),
        1,
        date(2026, 12, 25),
        id="a limit landing on christmas day 2026 is not moved",
    ),
    pytest.param(
        london(2026, 6, 1, 9, 0),
        27,
        date(2026, 6, 28),
        id="ipops 27 days from monday 1 june 2026 is sunday 28 june",
    ),
    pytest.param(
        london(2026, 12, 2, 9, 0),
        35,
        date(2027, 1, 6),
        id="chorley 35 days from 2 december 2026 is wednesday 6 january 2027",
    ),
    pytest.param(
        utc(2026, 6, 14, 23, 15),
        14,
        date(2026, 6, 29),
        id="counts from the london date when utc is still the day before",
    ),
    pytest.param(
        utc(2026, 3, 28, 23, 30),
        1,
        date(2026, 3, 29),
        id="23 30 utc the night before spring forward 2026 is still saturday in gmt",
    ),
    pytest.param(
        utc(2027, 10, 30, 23, 30),
        1,
        date(2027, 11, 1),
        id="23 30 utc the night before fall back 2027 is already sunday in bst",
    ),
]


class TestDueDate:
    @pytest.mark.parametrize(("received_at", "days", "expected"), WORKING_DAY_CASES)
    def test_working_day_limits_skip_weekends_and_england_bank_holidays(
        self, received_at: datetime, days: int, expected: date
    ) -> None:
        assert due_date(received_at, days, working_days=True) == expected

    @pytest.mark.parametrize(("received_at", "days", "expected"), CALENDAR_DAY_CASES)
    def test_calendar_day_limits_count_from_the_london_date_and_are_never_moved(
        self, received_at: datetime, days: int, expected: date
    ) -> None:
        assert due_date(received_at, days, working_days=False) == expected

    @pytest.mark.parametrize(
        "working_days",
        [pytest.param(True, id="working days"), pytest.param(False, id="calendar days")],
    )
    def test_a_naive_datetime_is_refused(self, working_days: bool) -> None:
        with pytest.raises(ValueError, match="timezone-aware"):
            due_date(datetime(2026, 6, 15, 9, 0), 1, working_days=working_days)

    @pytest.mark.parametrize(
        "working_days",
        [pytest.param(True, id="working days"), pytest.param(False, id="calendar days")],
    )
    @pytest.mark.parametrize(
        "days", [pytest.param(-1, id="minus one"), pytest.param(-30, id="minus thirty")]
    )
    def test_negative_days_are_refused(self, days: int, working_days: bool) -> None:
        with pytest.raises(ValueError, match="0 or more"):
            due_date(london(2026, 6, 15, 9, 0), days, working_days=working_days)


class TestDueDateProperties:
    """Every receipt date in 2026 and 2027, each limit from 0 to 15 working days."""

    DAYS: ClassVar[list[date]] = [date(2026, 1, 1) + timedelta(days=n) for n in range(730)]

    def test_a_working_day_limit_always_falls_on_a_working_day(self) -> None:
        for day in self.DAYS:
            for days in range(16):
                assert is_working_day(
                    due_date(london(day.year, day.month, day.day, 12), days, working_days=True)
                ), (day, days)

    def test_a_working_day_limit_is_exactly_that_many_working_days_after_day_0(self) -> None:
        for day in self.DAYS:
            day_0 = due_date(london(day.year, day.month, day.day, 12), 0, working_days=True)
            assert day_0 >= day
            assert working_days_between(day, day_0) == (0 if is_working_day(day) else 1)
            for days in range(16):
                due = due_date(london(day.year, day.month, day.day, 12), days, working_days=True)
                assert working_days_between(day_0, due) == days, (day, days)

    def test_a_calendar_day_limit_is_exactly_that_many_days_after_receipt(self) -> None:
        for day in self.DAYS:
            for days in (0, 1, 14, 27, 28, 35):
                due = due_date(london(day.year, day.month, day.day, 12), days, working_days=False)
                assert (due - day).days == days


class TestLondonClockChangesAssumedAbove:
    @pytest.mark.parametrize(
        ("before", "after"),
        [
            pytest.param(
                utc(2026, 3, 29, 0, 59),
                utc(2026, 3, 29, 1, 0),
                id="clocks go forward on 29 march 2026",
            ),
            pytest.param(
                utc(2026, 10, 25, 0, 59),
                utc(2026, 10, 25, 1, 0),
                id="clocks go back on 25 october 2026",
            ),
            pytest.param(
                utc(2027, 3, 28, 0, 59),
                utc(2027, 3, 28, 1, 0),
                id="clocks go forward on 28 march 2027",
            ),
            pytest.param(
                utc(2027, 10, 31, 0, 59),
                utc(2027, 10, 31, 1, 0),
                id="clocks go back on 31 october 2027",
            ),
        ],
    )
    def test_the_offset_changes_at_one_in_the_morning_utc(
        self, before: datetime, after: datetime
    ) -> None:
        assert before.astimezone(LONDON).utcoffset() != after.astimezone(LONDON).utcoffset()
