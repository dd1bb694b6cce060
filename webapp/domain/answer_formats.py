"""Parsers and validators for what people type into the referral questionnaire.

Each function takes the text exactly as it was typed and either returns a normalised
value or raises :class:`FormatError`. The error carries a stable machine ``code`` that
the web layer maps to a translated NHS.UK-style message; every code is in
:data:`CODES` and is described below. Nothing here knows about Flask or the database.

Whether an answer is required is the form's decision, made before these functions are
called. Given empty text, each of them (except :func:`free_text` and the date
functions, which have their own codes) raises its usual format error.

Digits typed in another script (Arabic-Indic, full-width and so on) are read as the
ASCII digits they stand for, so that a number typed on a phone set to another language
is not refused.

Error codes
-----------
NHS number (:func:`nhs_number`)
    ``nhs_number_not_digits``
        Something other than digits, spaces and hyphens was typed.
    ``nhs_number_length``
        Not exactly 10 digits (this includes nothing typed).
    ``nhs_number_checksum``
        10 digits that are not an NHS number: the Modulus 11 check digit is wrong (a
        check digit that works out as 10 is never issued), the number is in the Scottish
        CHI range but its first 6 digits are not a real date, or all 10 digits are the
        same (see :func:`nhs_number`).
Phone numbers (:func:`uk_phone`, :func:`uk_mobile`)
    ``phone_invalid``
        Not a phone number that can be dialled: too short, too long, letters, an
        extension, or a UK number that is not in use.
    ``phone_not_uk``
        A number with a country code other than +44.
    ``phone_not_mobile``
        A real UK number, but not a mobile, so text messages cannot be sent to it.
Email (:func:`email_address`)
    ``email_invalid``
        Not in the form of an email address.
Postcode (:func:`uk_postcode`)
    ``postcode_invalid``
        Not in the form of a UK postcode.
Dates (:func:`date_of_birth`, :func:`past_date`)
    ``date_missing``
        Day, month and year are all empty.
    ``date_missing_day``, ``date_missing_month``, ``date_missing_year``
        That part is empty but another part is filled in. When two parts are missing the
        first of day, month, year is named; :attr:`FormatError.fields` lists them all.
    ``date_not_number``
        The day or year is not a number, or the month is neither a number nor an English
        month name or abbreviation.
    ``date_year_4_digits``
        The year does not have 4 digits.
    ``date_not_real``
        No such date: day or month out of range, or a day the month does not have
        (31 April, 29 February in a year that is not a leap year).
    ``date_in_future``
        After today. Today itself is allowed.
    ``date_too_old``
        (:func:`date_of_birth` only) More than 130 years before today.
Whole numbers (:func:`whole_number`)
    ``number_not_whole``
        Not a whole number (letters, a fraction, nothing typed).
    ``number_too_small``, ``number_too_large``
        Outside the range the question allows.
Free text (:func:`free_text`)
    ``text_too_long``
        More characters than the question allows.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from nhs_number.validate import is_valid as _passes_nhs_number_checks

CODES: frozenset[str] = frozenset(
    {
        "nhs_number_not_digits",
        "nhs_number_length",
        "nhs_number_checksum",
        "phone_invalid",
        "phone_not_uk",
        "phone_not_mobile",
        "email_invalid",
        "postcode_invalid",
        "date_missing",
        "date_missing_day",
        "date_missing_month",
        "date_missing_year",
        "date_not_number",
        "date_year_4_digits",
        "date_not_real",
        "date_in_future",
        "date_too_old",
        "number_not_whole",
        "number_too_small",
        "number_too_large",
        "text_too_long",
    }
)

DATE_PARTS = ("day", "month", "year")
OLDEST_AGE_YEARS = 130


class FormatError(ValueError):
    """An answer is not in a form the question accepts.

    ``code`` is one of :data:`CODES`. ``fields`` names the parts of a several-part
    answer that are at fault (for a date, some of ``"day"``, ``"month"``, ``"year"``), so
    the page can mark just those inputs; it is empty when the answer as a whole is wrong.
    """

    code: str
    fields: tuple[str, ...]

    def __init__(self, code: str, fields: tuple[str, ...] = ()) -> None:
        if code not in CODES:
            raise ValueError(f"unknown answer format error code: {code!r}")
        super().__init__(code)
        self.code = code
        self.fields = fields


def _ascii_digits(text: str) -> str:
    """Replace every decimal digit of any script with the ASCII digit of the same value."""
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )


# --- NHS number ------------------------------------------------------------------------

# Spaces (of any kind) and hyphens or dashes that word processors and phones put in place
# of a hyphen, typed between the groups of digits, e.g. "943 476 5919" or "943-476-5919".
_NHS_NUMBER_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
_TEN_DIGITS = re.compile(r"[0-9]{10}")


def nhs_number(raw: str) -> str:
    """The 10 digits of an NHS number typed with or without spaces or hyphens.

    The Modulus 11 check (and the date check on Scottish CHI numbers) is done by the
    ``nhs-number`` package, which is maintained and typed. This function adds one rule
    of its own: a number of 10 same digits ("0000000000", "4444444444") is refused.
    Every such number passes Modulus 11 by arithmetic (the weights 10 to 2 add up to 54,
    which is -1 modulo 11, so the check digit of ddddddddd is always d), and they are
    what people type to get past a question they cannot answer.
    """
    digits = _NHS_NUMBER_SEPARATORS.sub("", _ascii_digits(raw))
    if not all("0" <= ch <= "9" for ch in digits):
        raise FormatError("nhs_number_not_digits")
    if len(digits) != 10:
        raise FormatError("nhs_number_length")
    if len(set(digits)) == 1 or not _passes_nhs_number_checks(digits):
        raise FormatError("nhs_number_checksum")
    return digits


# --- Phone numbers ---------------------------------------------------------------------

_UK_COUNTRY_CODE = 44
_LETTERS = re.compile(r"[^\W\d_]")

# Ofcom keeps these blocks of 1,000 numbers for drama and documentation: they will never
# be given to anyone, and libphonenumber calls most of them invalid. They are accepted
# (as the type of number they look like) so that examples, tests and training data can
# use realistic numbers that can never reach a real person. Each entry is the E.164
# prefix; the block is that prefix followed by any 3 digits.
_OFCOM_DRAMA_MOBILE = ("+447700900",)
_OFCOM_DRAMA_OTHER = (
    "+441134960",  # Leeds 0113 496 0xxx
    "+441144960",  # Sheffield
    "+441154960",  # Nottingham
    "+441164960",  # Leicester
    "+441174960",  # Bristol
    "+441184960",  # Reading
    "+441214960",  # Birmingham
    "+441314960",  # Edinburgh
    "+441414960",  # Glasgow
    "+441514960",  # Liverpool
    "+441614960",  # Manchester
    "+441914980",  # Tyneside 0191 498 0xxx
    "+442079460",  # London 020 7946 0xxx
    "+442896496",  # Belfast 028 9649 6xxx
    "+442920180",  # Cardiff 029 2018 0xxx
    "+441632960",  # no area 01632 960xxx
    "+443069990",  # UK-wide 03069 990xxx
    "+448081570",  # freephone 08081 570xxx
    "+449098790",  # premium rate 0909 879 0xxx
)
_MOBILE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


def _ofcom_drama_block(e164: str, prefixes: tuple[str, ...]) -> bool:
    return any(e164.startswith(p) and len(e164) == len(p) + 3 for p in prefixes)


def _parse_uk_phone(raw: str) -> tuple[str, bool]:
    """The number in E.164 form, and whether it is a mobile."""
    text = _ascii_digits(raw).strip()
    # Letters would be read as a vanity number ("0800 FLOWERS") or an extension
    # ("ext 5"), neither of which can be kept in E.164 or sent a text.
    if not text or _LETTERS.search(text):
        raise FormatError("phone_invalid")
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException as error:
        raise FormatError("phone_invalid") from error
    if number.country_code != _UK_COUNTRY_CODE:
        raise FormatError("phone_not_uk")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        raise FormatError("phone_invalid")
    if _ofcom_drama_block(e164, _OFCOM_DRAMA_MOBILE):
        return e164, True
    if _ofcom_drama_block(e164, _OFCOM_DRAMA_OTHER):
        return e164, False
    if not phonenumbers.is_valid_number(number):
        raise FormatError("phone_invalid")
    return e164, phonenumbers.number_type(number) in _MOBILE_TYPES


def uk_phone(raw: str) -> str:
    """A UK phone number in E.164 form ("+447700900982").

    Accepts national ("020 7946 0000") and international ("+44 20 7946 0000",
    "0044 20 7946 0000", "+44 (0)20 7946 0000") forms, with spaces, hyphens and
    brackets. Numbers of the Isle of Man, Jersey and Guernsey are accepted: they are
    part of the UK's +44 numbering plan and can be called and texted as UK numbers.
    """
    e164, _mobile = _parse_uk_phone(raw)
    return e164


def uk_mobile(raw: str) -> str:
    """As :func:`uk_phone`, but the number must be a mobile, to send text messages to.

    Pagers (076) and personal numbers (070) begin with 07 but are not mobiles.
    """
    e164, mobile = _parse_uk_phone(raw)
    if not mobile:
        raise FormatError("phone_not_mobile")
    return e164


# --- Email -----------------------------------------------------------------------------


def email_address(raw: str) -> str:
    """An email address, normalised by ``email-validator`` (domain in lower case).

    Only the form is checked: the domain is not looked up, so this never touches the
    network. Special-use domains such as ``.invalid`` and ``localhost`` are refused.
    """
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise FormatError("email_invalid") from error


# --- Postcode --------------------------------------------------------------------------

# The UK postcode format as Royal Mail defines it (and as the former Cabinet Office /
# GOV.UK data standard wrote it down), without spaces:
#   outward code  A9  A99  AA9  AA99  A9A  AA9A    then   inward code  9AA
# with these letter rules:
#   1st letter         never Q, V, X
#   2nd letter         never I, J, Z
#   3rd letter of A9A  only A B C D E F G H J K P S T U W
#   4th letter of AA9A only A B E H M N P R V W X Y
#   inward letters     never C, I, K, M, O, V
# and one historical exception, GIR 0AA (formerly Girobank). Overseas territory codes
# such as ASCN 1ZZ and BFPO numbers are not UK postcodes and are refused. No PyPI package
# for this is both small and kept up to date, and the format has not changed in decades.
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][0-9]?"  # A9, A99
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"  # AA9, AA99
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"  # A9A
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y])"  # AA9A
)
_POSTCODE = re.compile(rf"(?:{_OUTWARD}{_INWARD}|GIR0AA)")


def uk_postcode(raw: str) -> str:
    """A UK postcode in capitals with one space before the inward code ("SW1A 1AA").

    Case and spaces are ignored: "sw1a1aa" and " SW1A  1AA " are both accepted. Only
    the format is checked, not that the postcode is in use.
    """
    compact = re.sub(r"\s+", "", raw).upper()
    if not _POSTCODE.fullmatch(compact):
        raise FormatError("postcode_invalid")
    return f"{compact[:-3]} {compact[-3:]}"


# --- Dates -----------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DIGITS = re.compile(r"[0-9]+")


def _parse_date(day: str, month: str, year: str, *, today: date) -> date:
    parts = {
        "day": _ascii_digits(day).strip(),
        "month": _ascii_digits(month).strip(),
        "year": _ascii_digits(year).strip(),
    }
    missing = tuple(name for name in DATE_PARTS if not parts[name])
    if len(missing) == len(DATE_PARTS):
        raise FormatError("date_missing", missing)
    if missing:
        raise FormatError(f"date_missing_{missing[0]}", missing)

    month_text = parts["month"].lower().rstrip(".")
    not_numbers = tuple(
        name
        for name in DATE_PARTS
        if not _DIGITS.fullmatch(parts[name]) and not (name == "month" and month_text in _MONTHS)
    )
    if not_numbers:
        raise FormatError("date_not_number", not_numbers)
    if len(parts["year"]) != 4:
        raise FormatError("date_year_4_digits", ("year",))

    # Day and month are at most 2 digits once leading zeros are gone; anything longer is
    # out of range, and is never handed to int() whole.
    day_text = parts["day"].lstrip("0")
    month_digits = parts["month"].lstrip("0")
    if len(day_text) > 2 or (month_text not in _MONTHS and len(month_digits) > 2):
        raise FormatError("date_not_real", DATE_PARTS)
    month_number = _MONTHS.get(month_text) or int(parts["month"])
    try:
        result = date(int(parts["year"]), month_number, int(parts["day"]))
    except ValueError as error:
        raise FormatError("date_not_real", DATE_PARTS) from error
    if result > today:
        raise FormatError("date_in_future", DATE_PARTS)
    return result


def _years_before(today: date, years: int) -> date:
    """The same day ``years`` years earlier; 29 February becomes 28 February."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return date(today.year - years, 2, 28)


def past_date(day: str, month: str, year: str, *, today: date) -> date:
    """A date in the past or today, from the three inputs of an NHS.UK date question.

    Spaces around each part are ignored. The day and year are numbers; the year must
    have 4 digits. The month is a number from 1 to 12 or an English month name or
    abbreviation ("March", "mar", "Sept"), in any case. ``today`` is the local date in
    England, passed in so that the rule does not depend on the clock.
    """
    return _parse_date(day, month, year, today=today)


def date_of_birth(day: str, month: str, year: str, *, today: date) -> date:
    """As :func:`past_date`, and not more than 130 years ago.

    The oldest date accepted is the same day and month 130 years before ``today``; when
    today is 29 February and that year had none, the oldest date is 28 February.
    """
    born = _parse_date(day, month, year, today=today)
    if born < _years_before(today, OLDEST_AGE_YEARS):
        raise FormatError("date_too_old", DATE_PARTS)
    return born


def age_on(date_of_birth: date, today: date) -> int:
    """Age in whole years on ``today``.

    Someone born on 29 February becomes a year older on 1 March in a year that is not a
    leap year, and not on 28 February. That is the rule in the UK (Family Law Reform Act
    1969, s. 9: a person attains an age at the start of the anniversary of their birth,
    and a 29 February birthday has no anniversary in such a year until 1 March).

    Raises ``ValueError`` (a programming error, not a :class:`FormatError`) if ``today``
    is before the date of birth.
    """
    if today < date_of_birth:
        raise ValueError("today is before the date of birth")
    not_had_birthday = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - int(not_had_birthday)


# --- Whole numbers ---------------------------------------------------------------------

# An optional sign, digits (commas allowed between groups of 3), an optional ".0".
_WHOLE_NUMBER = re.compile(r"([+\-\u2212]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.0+)?")
_LONGEST_NUMBER = 30  # digits; longer numbers are out of range without converting them


def whole_number(raw: str, *, minimum: int, maximum: int) -> int:
    """A whole number from ``minimum`` to ``maximum`` inclusive.

    Spaces around the number, a sign, commas between thousands ("1,000") and a
    fraction of zero ("12.0") are accepted.
    """
    if minimum > maximum:
        raise ValueError("minimum is greater than maximum")
    match = _WHOLE_NUMBER.fullmatch(_ascii_digits(raw).strip())
    if not match:
        raise FormatError("number_not_whole")
    sign, digits = match.group(1), match.group(2).replace(",", "")
    negative = sign in {"-", "\u2212"}
    digits = digits.lstrip("0") or "0"
    if len(digits) > _LONGEST_NUMBER:
        raise FormatError("number_too_small" if negative else "number_too_large")
    value = -int(digits) if negative else int(digits)
    if value < minimum:
        raise FormatError("number_too_small")
    if value > maximum:
        raise FormatError("number_too_large")
    return value


# --- Free text -------------------------------------------------------------------------


def free_text(raw: str, *, max_length: int) -> str:
    """Text typed into a box, tidied.

    Windows and old Mac line endings become ``\\n`` (so a line break counts as one
    character, as the browser's character count shows it), the text is put in Unicode
    NFC form, NUL characters (which PostgreSQL cannot store) are removed, and spaces and
    blank lines at the start and end are stripped. Empty text returns "". The length
    limit is counted in characters after tidying.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > max_length:
        raise FormatError("text_too_long")
    return text
