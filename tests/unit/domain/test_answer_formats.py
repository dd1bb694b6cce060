"""Parsers for what people type into the questionnaire. Expected values were worked out
by hand (NHS number check digits with the Modulus 11 weights 10 to 2), not with the
code under test."""

import re
from collections.abc import Callable
from datetime import date

import pytest

from webapp.domain import answer_formats
from webapp.domain.answer_formats import (
    CODES,
    FormatError,
    age_on,
    date_of_birth,
    email_address,
    free_text,
    nhs_number,
    past_date,
    uk_mobile,
    uk_phone,
    uk_postcode,
    whole_number,
)

TODAY = date(2026, 6, 15)


def raises_code(code: str, fields: tuple[str, ...] | None = None) -> Callable[..., None]:
    """Check that calling ``f(*args, **kwargs)`` raises FormatError with this code."""

    def check(f: Callable[..., object], *args: object, **kwargs: object) -> None:
        with pytest.raises(FormatError) as caught:
            f(*args, **kwargs)
        assert caught.value.code == code
        if fields is not None:
            assert caught.value.fields == fields

    return check


# --- FormatError and CODES -------------------------------------------------------------


def test_format_error_is_a_value_error_carrying_its_code() -> None:
    error = FormatError("email_invalid")
    assert isinstance(error, ValueError)
    assert error.code == "email_invalid"
    assert str(error) == "email_invalid"
    assert error.fields == ()


def test_format_error_refuses_a_code_not_in_codes() -> None:
    with pytest.raises(ValueError, match="unknown"):
        FormatError("no_such_code")


def test_every_code_is_documented_in_the_module_docstring() -> None:
    doc = answer_formats.__doc__ or ""
    documented = set(re.findall(r"``([a-z0-9_]+)``", doc)) - {"code"}
    assert documented == CODES


ONE_EXAMPLE_OF_EACH_CODE = [
    ("nhs_number_not_digits", lambda: nhs_number("943476591X")),
    ("nhs_number_length", lambda: nhs_number("943476591")),
    ("nhs_number_checksum", lambda: nhs_number("9434765918")),
    ("phone_invalid", lambda: uk_phone("123")),
    ("phone_not_uk", lambda: uk_phone("+33 1 23 45 67 89")),
    ("phone_not_mobile", lambda: uk_mobile("020 7946 0000")),
    ("email_invalid", lambda: email_address("jo")),
    ("postcode_invalid", lambda: uk_postcode("SW1A")),
    ("date_missing", lambda: past_date("", "", "", today=TODAY)),
    ("date_missing_day", lambda: past_date("", "6", "1985", today=TODAY)),
    ("date_missing_month", lambda: past_date("15", "", "1985", today=TODAY)),
    ("date_missing_year", lambda: past_date("15", "6", "", today=TODAY)),
    ("date_not_number", lambda: past_date("x", "6", "1985", today=TODAY)),
    ("date_year_4_digits", lambda: past_date("15", "6", "85", today=TODAY)),
    ("date_not_real", lambda: past_date("30", "2", "1985", today=TODAY)),
    ("date_in_future", lambda: past_date("16", "6", "2026", today=TODAY)),
    ("date_too_old", lambda: date_of_birth("1", "1", "1800", today=TODAY)),
    ("number_not_whole", lambda: whole_number("1.5", minimum=0, maximum=10)),
    ("number_too_small", lambda: whole_number("-1", minimum=0, maximum=10)),
    ("number_too_large", lambda: whole_number("11", minimum=0, maximum=10)),
    ("text_too_long", lambda: free_text("abc", max_length=2)),
]


def test_the_examples_cover_every_code() -> None:
    assert {code for code, _ in ONE_EXAMPLE_OF_EACH_CODE} == CODES


@pytest.mark.parametrize(
    ("code", "call"), ONE_EXAMPLE_OF_EACH_CODE, ids=[c for c, _ in ONE_EXAMPLE_OF_EACH_CODE]
)
def test_each_code_is_raised(code: str, call: Callable[[], object]) -> None:
    raises_code(code)(call)


# --- NHS number ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("9434765919", "9434765919", id="well-known test number"),
        pytest.param("943 476 5919", "9434765919", id="spaces in 3-3-4 groups"),
        pytest.param("943-476-5919", "9434765919", id="hyphens"),
        pytest.param("943–476–5919", "9434765919", id="en dashes from autocorrect"),
        pytest.param("  9434765919\n", "9434765919", id="surrounding whitespace"),
        pytest.param("94 34 76 59 19", "9434765919", id="odd grouping"),
        pytest.param("943\u00a0476\u00a05919", "9434765919", id="no-break spaces"),
        pytest.param("٩٤٣٤٧٦٥٩١٩", "9434765919", id="arabic-indic digits"),
        pytest.param("4010232137", "4010232137", id="england range, 92 mod 11 = 4, check 7"),
        pytest.param("4000000004", "4000000004", id="40 mod 11 = 7, check 4"),
        pytest.param("4000000020", "4000000020", id="44 mod 11 = 0, check digit 0"),
        pytest.param("0101000006", "0101000006", id="scottish chi, born 1 january"),
    ],
)
def test_nhs_number_accepts(raw: str, expected: str) -> None:
    assert nhs_number(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("943476591X", id="letter"),
        pytest.param("NHS 9434765919", id="prefix"),
        pytest.param("943.476.5919", id="dots"),
        pytest.param("943/476/5919", id="slashes"),
        pytest.param("+9434765919", id="plus"),
    ],
)
def test_nhs_number_not_digits(raw: str) -> None:
    raises_code("nhs_number_not_digits")(nhs_number, raw)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="only spaces"),
        pytest.param("943476591", id="9 digits"),
        pytest.param("94347659190", id="11 digits"),
        pytest.param("943 476 591", id="9 digits grouped"),
    ],
)
def test_nhs_number_length(raw: str) -> None:
    raises_code("nhs_number_length")(nhs_number, raw)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("9434765918", id="well-known test number with wrong check digit"),
        pytest.param("9434765910", id="check digit 0 instead of 9"),
        pytest.param("4010232138", id="real-range number off by one"),
        pytest.param("4010232173", id="last two digits swapped"),
        # 4,0,0,0,0,1,0,0,0 weighted 10..2 sums to 45; 45 mod 11 = 1, so the check
        # digit would be 11 - 1 = 10, which is never issued: no last digit works.
        *[pytest.param(f"400001000{d}", id=f"check digit 10 then {d}") for d in range(10)],
        # 3,0,1,3,0,0,0,0,0 sums to 59, check digit 7 is right, but a Scottish CHI number
        # starts with a date of birth DDMMYY and there is no 13th month.
        pytest.param("3013000007", id="chi range with month 13"),
        # Every 10-same-digit number passes Modulus 11; they are placeholders.
        *[pytest.param(str(d) * 10, id=f"all {d}s") for d in range(10)],
    ],
)
def test_nhs_number_checksum(raw: str) -> None:
    raises_code("nhs_number_checksum")(nhs_number, raw)


# --- Phone numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("07700 900982", "+447700900982", id="ofcom drama mobile"),
        pytest.param("+44 7700 900982", "+447700900982", id="international mobile"),
        pytest.param("0044 7700 900982", "+447700900982", id="00 international prefix"),
        pytest.param("+44 (0)7700 900982", "+447700900982", id="bracketed trunk zero"),
        pytest.param("07700-900-000", "+447700900000", id="first of drama block, hyphens"),
        pytest.param("+447700900999", "+447700900999", id="last of drama block"),
        pytest.param("07400 123456", "+447400123456", id="mobile"),
        pytest.param("  07834123456  ", "+447834123456", id="mobile no spaces, padded"),
        pytest.param("020 7946 0000", "+442079460000", id="london landline"),
        pytest.param("(020) 7946 0000", "+442079460000", id="bracketed area code"),
        pytest.param("+44 20 7946 0000", "+442079460000", id="international landline"),
        pytest.param("+44 (0)20 7946 0000", "+442079460000", id="landline with (0)"),
        pytest.param("0161 496 0123", "+441614960123", id="manchester drama"),
        pytest.param("01632 960001", "+441632960001", id="ofcom drama no area"),
        pytest.param("01865 270000", "+441865270000", id="oxford landline"),
        pytest.param("0300 123 4567", "+443001234567", id="uk-wide 03"),
        pytest.param("0800 123 4567", "+448001234567", id="freephone"),
        pytest.param("07781 123456", "+447781123456", id="guernsey mobile"),
        pytest.param("07624 123456", "+447624123456", id="isle of man mobile"),
        pytest.param("٠٧٧٠٠٩٠٠٩٨٢", "+447700900982", id="arabic-indic digits"),
    ],
)
def test_uk_phone_accepts(raw: str, expected: str) -> None:
    assert uk_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="spaces"),
        pytest.param("hello", id="word"),
        pytest.param("+", id="plus only"),
        pytest.param("+44", id="country code only"),
        pytest.param("123", id="too short"),
        pytest.param("0791112345", id="10 digit mobile"),
        pytest.param("079111234567", id="12 digit mobile"),
        pytest.param("07700 901000", id="just outside the drama block, not in use"),
        pytest.param("01632 961000", id="just outside the 01632 drama block"),
        pytest.param("0800 FLOWERS", id="vanity letters"),
        pytest.param("07700 900982 ext 5", id="extension"),
        pytest.param("07700 900982 x5", id="extension x"),
        pytest.param("tel:+447700900982", id="tel uri"),
        pytest.param("07700 900982 07700 900983", id="two numbers"),
    ],
)
def test_uk_phone_invalid(raw: str) -> None:
    raises_code("phone_invalid")(uk_phone, raw)
    raises_code("phone_invalid")(uk_mobile, raw)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("+33 1 23 45 67 89", id="france"),
        pytest.param("0033 1 23 45 67 89", id="france with 00"),
        pytest.param("+1 202 555 0143", id="usa"),
        pytest.param("+353 1 234 5678", id="ireland landline"),
        pytest.param("+353 85 123 4567", id="ireland mobile"),
    ],
)
def test_uk_phone_not_uk(raw: str) -> None:
    raises_code("phone_not_uk")(uk_phone, raw)
    raises_code("phone_not_uk")(uk_mobile, raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("07700 900982", "+447700900982"),
        ("+44 7700 900982", "+447700900982"),
        ("07400 123456", "+447400123456"),
        ("07781 123456", "+447781123456"),
    ],
)
def test_uk_mobile_accepts(raw: str, expected: str) -> None:
    assert uk_mobile(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("020 7946 0000", id="london landline"),
        pytest.param("01632 960001", id="drama landline"),
        pytest.param("01865 270000", id="oxford landline"),
        pytest.param("076 2345 6789", id="pager"),
        pytest.param("070 1234 5678", id="personal number"),
        pytest.param("0800 123 4567", id="freephone"),
        pytest.param("0300 123 4567", id="uk-wide 03"),
    ],
)
def test_uk_mobile_not_mobile(raw: str) -> None:
    assert uk_phone(raw).startswith("+44")
    raises_code("phone_not_mobile")(uk_mobile, raw)


# --- Email -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("jo.bloggs@nhs.net", "jo.bloggs@nhs.net"),
        ("  Jo.Bloggs@NHS.NET \n", "Jo.Bloggs@nhs.net"),
        ("name+tag@example.co.uk", "name+tag@example.co.uk"),
        ("o'brien@example.org", "o'brien@example.org"),
    ],
)
def test_email_address_accepts(raw: str, expected: str) -> None:
    assert email_address(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "jo",
        "jo@",
        "@nhs.net",
        "jo@nhs",
        "jo bloggs@nhs.net",
        "jo@@nhs.net",
        "jo@nhs..net",
        "jo.@nhs.net",
        "jo@localhost",
        "jo@example.invalid",
        "jo@nhs.net, sam@nhs.net",
    ],
)
def test_email_address_invalid(raw: str) -> None:
    raises_code("email_invalid")(email_address, raw)


# --- Postcode --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("M1 1AE", "M1 1AE", id="A9 9AA"),
        pytest.param("B33 8TH", "B33 8TH", id="A99 9AA"),
        pytest.param("CR2 6XH", "CR2 6XH", id="AA9 9AA"),
        pytest.param("DN55 1PT", "DN55 1PT", id="AA99 9AA"),
        pytest.param("W1A 0AX", "W1A 0AX", id="A9A 9AA"),
        pytest.param("EC1A 1BB", "EC1A 1BB", id="AA9A 9AA"),
        pytest.param("SW1A 1AA", "SW1A 1AA", id="AA9A downing street area"),
        pytest.param("GIR 0AA", "GIR 0AA", id="GIR 0AA"),
        pytest.param("gir0aa", "GIR 0AA", id="GIR 0AA lower case no space"),
        pytest.param("sw1a1aa", "SW1A 1AA", id="lower case no space"),
        pytest.param(" SW1A  1AA ", "SW1A 1AA", id="extra spaces"),
        pytest.param("ec1a\t1bb", "EC1A 1BB", id="tab"),
        pytest.param("S W 1 A 1 A A", "SW1A 1AA", id="spaces everywhere"),
        pytest.param("BT1 1AA", "BT1 1AA", id="northern ireland"),
        pytest.param("N1C 4AG", "N1C 4AG", id="A9A with C"),
        pytest.param("E1W 1AA", "E1W 1AA", id="A9A with W"),
        pytest.param("EC3V 3NG", "EC3V 3NG", id="AA9A with V"),
        pytest.param("EC1Y 8SY", "EC1Y 8SY", id="AA9A with Y"),
        pytest.param("ZE1 0AA", "ZE1 0AA", id="shetland, Z first"),
        pytest.param("YO1 7HH", "YO1 7HH", id="Y first"),
        pytest.param("L1 8JQ", "L1 8JQ", id="inward J and Q allowed"),
    ],
)
def test_uk_postcode_accepts(raw: str, expected: str) -> None:
    assert uk_postcode(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="spaces"),
        pytest.param("SW1A", id="outward only"),
        pytest.param("1AA", id="inward only"),
        pytest.param("SW1A 1A", id="inward too short"),
        pytest.param("SW1A 1AAA", id="inward too long"),
        pytest.param("SW1A1 1AA", id="outward too long"),
        pytest.param("SW1A AAA", id="inward without digit"),
        pytest.param("SW1A 11A", id="inward two digits"),
        pytest.param("1W1A 1AA", id="outward starting with digit"),
        pytest.param("SWA 1AA", id="outward without digit"),
        pytest.param("Q1 1AA", id="Q first"),
        pytest.param("V1 1AA", id="V first"),
        pytest.param("X1 1AA", id="X first"),
        pytest.param("BI1 1AA", id="I second"),
        pytest.param("BJ1 1AA", id="J second"),
        pytest.param("BZ1 1AA", id="Z second"),
        pytest.param("W1I 1AA", id="A9A with I"),
        pytest.param("W1L 1AA", id="A9A with L"),
        pytest.param("W1Z 1AA", id="A9A with Z"),
        pytest.param("EC1C 1AA", id="AA9A with C"),
        pytest.param("EC1D 1AA", id="AA9A with D"),
        pytest.param("EC1Z 1AA", id="AA9A with Z"),
        *[pytest.param(f"SW1A 1{c}A", id=f"inward {c}") for c in "CIKMOV"],
        *[pytest.param(f"SW1A 1A{c}", id=f"inward last {c}") for c in "CIKMOV"],
        pytest.param("GIR 0AB", id="not quite GIR"),
        pytest.param("SW1A-1AA", id="hyphen"),
        pytest.param("SW1A 1AA.", id="full stop"),
        pytest.param("ASCN 1ZZ", id="ascension island"),
        pytest.param("BFPO 1234", id="bfpo"),
        pytest.param("12345", id="zip code"),
        pytest.param("SW1A 1AA SW1A 1AA", id="twice"),
    ],
)
def test_uk_postcode_invalid(raw: str) -> None:
    raises_code("postcode_invalid")(uk_postcode, raw)


# --- Dates -----------------------------------------------------------------------------

DAY_MONTH_YEAR = ("day", "month", "year")
BOTH_DATE_FUNCTIONS = [
    pytest.param(past_date, id="past_date"),
    pytest.param(date_of_birth, id="date_of_birth"),
]


@pytest.mark.parametrize("parse", BOTH_DATE_FUNCTIONS)
@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        pytest.param("15", "6", "1985", date(1985, 6, 15), id="numbers"),
        pytest.param("01", "02", "2000", date(2000, 2, 1), id="leading zeros"),
        pytest.param("001", "006", "1985", date(1985, 6, 1), id="many leading zeros"),
        pytest.param(" 3 ", " 12\t", " 1990 ", date(1990, 12, 3), id="spaces around"),
        pytest.param("15", "6", "2026", TODAY, id="today"),
        pytest.param("14", "6", "2026", date(2026, 6, 14), id="yesterday"),
        pytest.param("31", "12", "2020", date(2020, 12, 31), id="31 december"),
        pytest.param("30", "4", "2020", date(2020, 4, 30), id="30 april"),
        pytest.param("29", "2", "2024", date(2024, 2, 29), id="29 february in leap year"),
        pytest.param("29", "2", "2000", date(2000, 2, 29), id="29 february 2000, 400 rule"),
        pytest.param("28", "2", "1900", date(1900, 2, 28), id="28 february 1900"),
        pytest.param("1", "March", "1990", date(1990, 3, 1), id="month name"),
        pytest.param("1", "mar", "1990", date(1990, 3, 1), id="month abbreviation"),
        pytest.param("1", "MAR", "1990", date(1990, 3, 1), id="month abbreviation capitals"),
        pytest.param("1", "Jan.", "1990", date(1990, 1, 1), id="abbreviation with full stop"),
        pytest.param("1", "may", "1990", date(1990, 5, 1), id="may"),
        pytest.param("1", "Sept", "1990", date(1990, 9, 1), id="sept"),
        pytest.param("1", "sep", "1990", date(1990, 9, 1), id="sep"),
        pytest.param("1", " September ", "1990", date(1990, 9, 1), id="september spaced"),
        pytest.param("1", "december", "1990", date(1990, 12, 1), id="december"),
        pytest.param("١٥", "٦", "١٩٨٥", date(1985, 6, 15), id="arabic-indic digits"),
    ],
)
def test_dates_accepted(
    parse: Callable[..., date], day: str, month: str, year: str, expected: date
) -> None:
    assert parse(day, month, year, today=TODAY) == expected


@pytest.mark.parametrize("parse", BOTH_DATE_FUNCTIONS)
@pytest.mark.parametrize(
    ("day", "month", "year", "code", "fields"),
    [
        pytest.param("", "", "", "date_missing", DAY_MONTH_YEAR, id="all empty"),
        pytest.param(" ", "\t", "  ", "date_missing", DAY_MONTH_YEAR, id="all blank"),
        pytest.param("", "6", "1985", "date_missing_day", ("day",), id="no day"),
        pytest.param("  ", "6", "1985", "date_missing_day", ("day",), id="blank day"),
        pytest.param("15", "", "1985", "date_missing_month", ("month",), id="no month"),
        pytest.param("15", "6", "", "date_missing_year", ("year",), id="no year"),
        pytest.param("", "", "1985", "date_missing_day", ("day", "month"), id="no day or month"),
        pytest.param("15", "", "", "date_missing_month", ("month", "year"), id="no month or year"),
        pytest.param("", "x", "", "date_missing_day", ("day", "year"), id="missing wins"),
        pytest.param("1st", "6", "1985", "date_not_number", ("day",), id="1st"),
        pytest.param("1.5", "6", "1985", "date_not_number", ("day",), id="decimal day"),
        pytest.param("-1", "6", "1985", "date_not_number", ("day",), id="negative day"),
        pytest.param("15", "Junee", "1985", "date_not_number", ("month",), id="misspelt"),
        pytest.param("15", "Juni", "1985", "date_not_number", ("month",), id="not english"),
        pytest.param("15", "6th", "1985", "date_not_number", ("month",), id="6th month"),
        pytest.param("15", "6", "198S", "date_not_number", ("year",), id="S for 5"),
        pytest.param("15", "6", "-1985", "date_not_number", ("year",), id="negative year"),
        pytest.param("a", "b", "c", "date_not_number", DAY_MONTH_YEAR, id="nothing is a number"),
        pytest.param("15", "6", "85", "date_year_4_digits", ("year",), id="2-digit year"),
        pytest.param("15", "6", "985", "date_year_4_digits", ("year",), id="3-digit year"),
        pytest.param("15", "6", "19850", "date_year_4_digits", ("year",), id="5 digits"),
        pytest.param("15", "6", "9" * 5000, "date_year_4_digits", ("year",), id="huge"),
        pytest.param("29", "2", "2023", "date_not_real", DAY_MONTH_YEAR, id="29 feb 2023"),
        pytest.param("29", "2", "1900", "date_not_real", DAY_MONTH_YEAR, id="29 feb 1900"),
        pytest.param("30", "2", "2024", "date_not_real", DAY_MONTH_YEAR, id="30 february"),
        pytest.param("31", "4", "2020", "date_not_real", DAY_MONTH_YEAR, id="31 april"),
        pytest.param("31", "june", "2020", "date_not_real", DAY_MONTH_YEAR, id="31 june"),
        pytest.param("31", "9", "2020", "date_not_real", DAY_MONTH_YEAR, id="31 september"),
        pytest.param("31", "11", "2020", "date_not_real", DAY_MONTH_YEAR, id="31 november"),
        pytest.param("0", "1", "2000", "date_not_real", DAY_MONTH_YEAR, id="day 0"),
        pytest.param("32", "1", "2000", "date_not_real", DAY_MONTH_YEAR, id="day 32"),
        pytest.param("123", "1", "2000", "date_not_real", DAY_MONTH_YEAR, id="day 123"),
        pytest.param("9" * 5000, "1", "2000", "date_not_real", DAY_MONTH_YEAR, id="huge"),
        pytest.param("1", "0", "2000", "date_not_real", DAY_MONTH_YEAR, id="month 0"),
        pytest.param("1", "13", "2000", "date_not_real", DAY_MONTH_YEAR, id="month 13"),
        pytest.param("1", "130", "2000", "date_not_real", DAY_MONTH_YEAR, id="month 130"),
        pytest.param("1", "1", "0000", "date_not_real", DAY_MONTH_YEAR, id="year 0"),
        pytest.param("16", "6", "2026", "date_in_future", DAY_MONTH_YEAR, id="tomorrow"),
        pytest.param("1", "1", "2027", "date_in_future", DAY_MONTH_YEAR, id="next year"),
        pytest.param("15", "jul", "2026", "date_in_future", DAY_MONTH_YEAR, id="next month"),
    ],
)
def test_dates_refused(
    parse: Callable[..., date],
    day: str,
    month: str,
    year: str,
    code: str,
    fields: tuple[str, ...],
) -> None:
    raises_code(code, fields)(parse, day, month, year, today=TODAY)


@pytest.mark.parametrize(
    ("today", "oldest_accepted", "youngest_refused"),
    [
        pytest.param(TODAY, date(1896, 6, 15), date(1896, 6, 14), id="ordinary day"),
        pytest.param(date(2026, 1, 1), date(1896, 1, 1), date(1895, 12, 31), id="new year"),
        pytest.param(
            date(2028, 2, 29), date(1898, 2, 28), date(1898, 2, 27), id="today 29 february"
        ),
        pytest.param(date(2028, 3, 1), date(1898, 3, 1), date(1898, 2, 28), id="today 1 march"),
        pytest.param(
            date(2024, 2, 29), date(1894, 2, 28), date(1894, 2, 27), id="1894 not a leap year"
        ),
        pytest.param(
            date(2030, 2, 28), date(1900, 2, 28), date(1900, 2, 27), id="1900 not a leap year"
        ),
    ],
)
def test_date_of_birth_130_year_boundary(
    today: date, oldest_accepted: date, youngest_refused: date
) -> None:
    def typed(d: date) -> tuple[str, str, str]:
        return str(d.day), str(d.month), str(d.year)

    assert date_of_birth(*typed(oldest_accepted), today=today) == oldest_accepted
    raises_code("date_too_old", DAY_MONTH_YEAR)(
        date_of_birth, *typed(youngest_refused), today=today
    )
    # A past date that is not a date of birth has no such limit.
    assert past_date(*typed(youngest_refused), today=today) == youngest_refused


def test_past_date_has_no_lower_limit() -> None:
    assert past_date("1", "1", "1000", today=TODAY) == date(1000, 1, 1)
    assert past_date("1", "1", "0001", today=TODAY) == date(1, 1, 1)
    raises_code("date_too_old")(date_of_birth, "1", "1", "0001", today=TODAY)


def test_missing_parts_are_reported_before_other_faults() -> None:
    raises_code("date_missing_year")(date_of_birth, "99", "Smarch", "", today=TODAY)


def test_a_date_of_birth_in_the_future_is_not_called_too_old() -> None:
    # The year 9999 is far from 130 years ago, but the future check comes first.
    raises_code("date_in_future")(date_of_birth, "1", "1", "9999", today=TODAY)


# --- age_on ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "today", "expected"),
    [
        pytest.param(date(2000, 6, 15), date(2000, 6, 15), 0, id="day of birth"),
        pytest.param(date(2000, 6, 15), date(2001, 6, 14), 0, id="day before 1st birthday"),
        pytest.param(date(2000, 6, 15), date(2001, 6, 15), 1, id="1st birthday"),
        pytest.param(date(2000, 6, 15), date(2026, 6, 14), 25, id="day before birthday"),
        pytest.param(date(2000, 6, 15), date(2026, 6, 15), 26, id="birthday"),
        pytest.param(date(2000, 6, 15), date(2026, 6, 16), 26, id="day after birthday"),
        pytest.param(date(2000, 6, 15), date(2026, 5, 31), 25, id="month before"),
        pytest.param(date(1999, 12, 31), date(2000, 1, 1), 0, id="across new year"),
        pytest.param(date(1999, 12, 31), date(2017, 12, 31), 18, id="18th birthday"),
        pytest.param(date(1999, 12, 31), date(2017, 12, 30), 17, id="day before 18th"),
        pytest.param(date(2000, 2, 29), date(2023, 2, 28), 22, id="29 feb born, 28 feb"),
        pytest.param(date(2000, 2, 29), date(2023, 3, 1), 23, id="29 feb born, 1 march"),
        pytest.param(date(2000, 2, 29), date(2024, 2, 28), 23, id="leap year 28 feb"),
        pytest.param(date(2000, 2, 29), date(2024, 2, 29), 24, id="leap year 29 feb"),
        pytest.param(date(2000, 2, 29), date(2018, 2, 28), 17, id="leapling not 18 on 28 feb"),
        pytest.param(date(2000, 2, 29), date(2018, 3, 1), 18, id="leapling 18 on 1 march"),
        pytest.param(date(2000, 3, 1), date(2023, 2, 28), 22, id="1 march born"),
        pytest.param(date(2000, 2, 28), date(2023, 2, 28), 23, id="28 feb born"),
        pytest.param(date(1896, 6, 15), date(2026, 6, 15), 130, id="130"),
    ],
)
def test_age_on(born: date, today: date, expected: int) -> None:
    assert age_on(born, today) == expected


def test_age_on_refuses_a_birth_after_today() -> None:
    with pytest.raises(ValueError, match="before the date of birth"):
        age_on(date(2026, 6, 16), TODAY)


# --- Whole numbers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "minimum", "maximum", "expected"),
    [
        ("5", 0, 10, 5),
        (" 7 ", 0, 10, 7),
        ("0", 0, 10, 0),
        ("10", 0, 10, 10),
        ("007", 0, 10, 7),
        ("+3", 0, 10, 3),
        ("-1", -5, 5, -1),
        ("\u22125", -10, 10, -5),
        ("-0", 0, 10, 0),
        ("1,000", 0, 5000, 1000),
        ("12,345,678", 0, 10**9, 12345678),
        ("12.0", 0, 100, 12),
        ("12.00", 0, 100, 12),
        ("٣", 0, 10, 3),
        ("５", 0, 10, 5),
    ],
)
def test_whole_number_accepts(raw: str, minimum: int, maximum: int, expected: int) -> None:
    assert whole_number(raw, minimum=minimum, maximum=maximum) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "abc", "1.5", "12.", ".5", "1e3", "1,00", "1,0000", ",100", "5 6", "--5", "five"],
)
def test_whole_number_not_whole(raw: str) -> None:
    raises_code("number_not_whole")(whole_number, raw, minimum=0, maximum=10**6)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("-1", "number_too_small"),
        ("0", "number_too_small"),
        ("11", "number_too_large"),
        ("1,000", "number_too_large"),
        ("9" * 5000, "number_too_large"),
        ("-" + "9" * 5000, "number_too_small"),
    ],
)
def test_whole_number_out_of_range(raw: str, code: str) -> None:
    raises_code(code)(whole_number, raw, minimum=1, maximum=10)


def test_whole_number_refuses_an_empty_range() -> None:
    with pytest.raises(ValueError, match="minimum"):
        whole_number("5", minimum=10, maximum=1)


# --- Free text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "max_length", "expected"),
    [
        pytest.param("", 10, "", id="empty"),
        pytest.param("   \r\n\t ", 10, "", id="only whitespace"),
        pytest.param("  hello  ", 5, "hello", id="stripped before counting"),
        pytest.param("a\r\nb", 3, "a\nb", id="windows newline counts as one"),
        pytest.param("a\rb", 3, "a\nb", id="old mac newline"),
        pytest.param("line 1\r\n\r\nline 2\r\n", 20, "line 1\n\nline 2", id="paragraphs"),
        pytest.param("x" * 10, 10, "x" * 10, id="exactly the limit"),
        pytest.param("nu\x00l", 10, "nul", id="nul removed"),
        pytest.param("cafe\u0301", 4, "café", id="nfc counts é once"),
        pytest.param("  indented\n  second", 50, "indented\n  second", id="inner space kept"),
    ],
)
def test_free_text(raw: str, max_length: int, expected: str) -> None:
    assert free_text(raw, max_length=max_length) == expected


@pytest.mark.parametrize(
    ("raw", "max_length"),
    [("x" * 11, 10), ("a\nb\nc", 4), ("é" * 3, 2)],
)
def test_free_text_too_long(raw: str, max_length: int) -> None:
    raises_code("text_too_long")(free_text, raw, max_length=max_length)
