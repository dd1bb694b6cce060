"""Reading one page of a questionnaire from what was typed, into stored answers or error codes.

Pure: the form is a plain mapping of field name to the list of values sent, as a browser
sends them. Field names: ``<key>`` for most questions, ``<key>[day]``, ``[month]``, ``[year]``
for dates, ``<key>-choice`` when a GP practice search matched several practices.

Stored values are JSON: a code or text (``str``), codes (``list[str]``), a whole number
(``int``), an ISO date (``str``). The web layer turns each error code into a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from webapp.content.codes import BodySite
from webapp.content.questionnaire import YES_NO_NOT_SURE, Page, Question
from webapp.domain import answer_formats as formats
from webapp.domain.answer_formats import FormatError

Form = Mapping[str, Sequence[str]]
# Finds practices by ODS code or name: (code, name) pairs, best first.
PracticeSearch = Callable[[str], Sequence[tuple[str, str]]]

REQUIRED = "required"
CHOICE_INVALID = "choice_invalid"
EXCLUSIVE = "exclusive_with_others"
PRACTICE_NOT_FOUND = "practice_not_found"
PRACTICE_CHOOSE = "practice_choose"
PAIN_SCALE = (0, 10)
DATE_PARTS = ("day", "month", "year")


def date_field(key: str, part: str) -> str:
    """A date part's form field name, as the NHS.UK date input macro names it."""
    return f"{key}[{part}]"


NAME_MAX = 100


class ReadingError(ValueError):
    """An answer that is well formed but not usable: a choice never offered, no practice."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class FieldError:
    key: str
    code: str
    # The form field to focus from the error summary (the day field of a date, and so on).
    field: str


@dataclass(frozen=True)
class PageReading:
    answers: dict[str, object]
    errors: tuple[FieldError, ...]
    # Practices to choose from when a search matched several, keyed by question key.
    practice_choices: Mapping[str, Sequence[tuple[str, str]]]


def _first(form: Form, name: str) -> str:
    values = form.get(name) or [""]
    return values[0].strip()


def _is_empty(question: Question, form: Form) -> bool:
    if question.type in ("date_of_birth", "past_date"):
        return not any(_first(form, date_field(question.key, part)) for part in DATE_PARTS)
    if question.type in ("multiple_choice", "body_map"):
        return not [value for value in form.get(question.key, []) if value.strip()]
    return not _first(form, question.key)


def read_page(
    page: Page,
    form: Form,
    *,
    today: date,
    search_practices: PracticeSearch,
    body_site_codes: Sequence[BodySite],
) -> PageReading:
    answers: dict[str, object] = {}
    errors: list[FieldError] = []
    choices: dict[str, Sequence[tuple[str, str]]] = {}
    for question in page.questions:
        field = question.key + ("-day" if question.type in ("date_of_birth", "past_date") else "")
        chose_practice = question.type == "gp_practice" and _first(form, f"{question.key}-choice")
        if _is_empty(question, form) and not chose_practice:
            if question.optional:
                answers[question.key] = [] if question.type == "multiple_choice" else ""
            else:
                errors.append(FieldError(question.key, REQUIRED, field))
            continue
        try:
            if question.type == "gp_practice":
                answers[question.key] = _practice(question, form, search_practices, choices)
            else:
                answers[question.key] = _value(question, form, today, body_site_codes)
        except (FormatError, ReadingError) as error:
            errors.append(FieldError(question.key, error.code, _error_field(question, error)))
    return PageReading(answers if not errors else {}, tuple(errors), choices)


def _error_field(question: Question, error: FormatError | ReadingError) -> str:
    if question.type not in ("date_of_birth", "past_date"):
        return question.key
    # The first part at fault, so the error summary link lands on the field to fix.
    fields = getattr(error, "fields", ())
    part = fields[0] if fields else "day"
    if error.code == "date_year_4_digits":
        part = "year"
    return f"{question.key}-{part}"


# Questions whose answer is one typed value in one of the fixed formats.
_FORMATTED: dict[str, Callable[[str], str]] = {
    "phone": formats.uk_phone,
    "mobile": formats.uk_mobile,
    "email": formats.email_address,
    "postcode": formats.uk_postcode,
    "nhs_number": formats.nhs_number,
}


def _value(
    question: Question, form: Form, today: date, body_site_codes: Sequence[BodySite]
) -> object:
    raw = _first(form, question.key)
    if question.type in _FORMATTED:
        return _FORMATTED[question.type](raw)
    if question.type in ("date_of_birth", "past_date"):
        parts = [_first(form, date_field(question.key, part)) for part in DATE_PARTS]
        parse = formats.date_of_birth if question.type == "date_of_birth" else formats.past_date
        return parse(*parts, today=today).isoformat()
    match question.type:
        case "single_choice":
            return _one_of(raw, [option.value for option in question.options])
        case "yes_no_not_sure":
            return _one_of(raw, list(YES_NO_NOT_SURE))
        case "multiple_choice":
            return _many(question, form.get(question.key, []))
        case "body_map":
            return _codes(form.get(question.key, []), list(body_site_codes))
        case "text" | "long_text":
            limit = question.max_length if question.type == "long_text" else NAME_MAX
            return formats.free_text(raw, max_length=min(question.max_length, limit))
        case "number" | "pain_scale":
            low, high = (question.minimum, question.maximum)
            if question.type == "pain_scale":
                low, high = PAIN_SCALE
            assert low is not None and high is not None  # the schema requires both
            return formats.whole_number(raw, minimum=low, maximum=high)
    raise AssertionError(f"no reader for question type {question.type}")


def _one_of(raw: str, allowed: list[str]) -> str:
    if raw not in allowed:
        # Only a tampered or stale form sends a value that was never offered.
        raise ReadingError(CHOICE_INVALID)
    return raw


def _codes(values: Sequence[str], allowed: list[str]) -> list[str]:
    chosen = {value.strip() for value in values if value.strip()}
    if not chosen <= set(allowed):
        raise ReadingError(CHOICE_INVALID)
    return [code for code in allowed if code in chosen]  # content order, no repeats


def _many(question: Question, values: Sequence[str]) -> list[str]:
    chosen = _codes(values, [option.value for option in question.options])
    exclusive = {option.value for option in question.options if option.exclusive}
    if len(chosen) > 1 and exclusive & set(chosen):
        raise ReadingError(EXCLUSIVE)
    return chosen


def _practice(
    question: Question,
    form: Form,
    search: PracticeSearch,
    choices: dict[str, Sequence[tuple[str, str]]],
) -> str:
    chosen = _first(form, f"{question.key}-choice")
    query = _first(form, question.key)
    if chosen:
        # A choice from a list we showed: it must still be one of the search's results.
        found = search(chosen)
        if any(code == chosen for code, _ in found):
            return chosen
        raise ReadingError(CHOICE_INVALID)
    found = search(query)
    if len(found) == 1:
        return found[0][0]
    if not found:
        raise ReadingError(PRACTICE_NOT_FOUND)
    choices[question.key] = found
    raise ReadingError(PRACTICE_CHOOSE)
