"""Reading one page of answers from a submitted form (webapp/domain/answer_reading.py):
required and optional answers, every question type, tampered choices, GP practice search
and which field an error points at."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from webapp.content.loader import DEFAULT_ROOT
from webapp.content.questionnaire import QUESTION_TYPES, Page, Questionnaire
from webapp.content.red_flags import BODY_SITES
from webapp.content.yaml_io import read_yaml
from webapp.domain.answer_reading import (
    CHOICE_INVALID,
    EXCLUSIVE,
    NAME_MAX,
    PRACTICE_CHOOSE,
    PRACTICE_NOT_FOUND,
    REQUIRED,
    FieldError,
    PageReading,
    date_field,
    read_page,
)

TODAY = date(2026, 11, 23)
ADULT = Questionnaire.model_validate(read_yaml(DEFAULT_ROOT / "questionnaires/adult-msk.yaml"))
PRACTICES = {
    "E85001": "Riverside Medical Centre",
    "E85002": "Riverside Surgery",
    "E85003": "Hillside Health Centre",
}


def dfield(key: str, part: str) -> str:
    """A date part's form field name (``<key>[day]``, as the NHS.UK date input sends it)."""
    return date_field(key, part)


def element(key: str, part: str) -> str:
    """A date part's element id (``<key>-day``): what an error summary link focuses."""
    return f"{key}-{part}"


def search(query: str) -> Sequence[tuple[str, str]]:
    """Exact ODS code, else every practice whose name contains the words."""
    text = query.strip().lower()
    if query.strip().upper() in PRACTICES:
        return [(query.strip().upper(), PRACTICES[query.strip().upper()])]
    return [(code, name) for code, name in PRACTICES.items() if text and text in name.lower()]


def adult_page(page_id: str) -> Page:
    return next(p for p in ADULT.pages if p.id == page_id)


def one(question: dict[str, Any]) -> Page:
    return Page.model_validate({"id": "p", "questions": [question]})


def read(page: Page, form: dict[str, list[str]], **kwargs: Any) -> PageReading:
    options: dict[str, Any] = {
        "today": TODAY,
        "search_practices": search,
        "body_site_codes": BODY_SITES,
        **kwargs,
    }
    return read_page(page, form, **options)


def value(page: Page, form: dict[str, list[str]]) -> object:
    reading = read(page, form)
    assert reading.errors == (), reading.errors
    (answer,) = reading.answers.values()
    return answer


def error(page: Page, form: dict[str, list[str]]) -> FieldError:
    reading = read(page, form)
    assert reading.answers == {}
    (found,) = reading.errors
    return found


# Every question type, as one question, with a form that answers it well.
QUESTIONS: dict[str, tuple[dict[str, Any], dict[str, list[str]], object]] = {
    "single_choice": (
        {"options": [{"value": "a", "text": "A"}, {"value": "b", "text": "B"}]},
        {"q": ["b"]},
        "b",
    ),
    "multiple_choice": (
        {
            "options": [
                {"value": "a", "text": "A"},
                {"value": "b", "text": "B"},
                {"value": "c", "text": "C"},
            ]
        },
        {"q": ["c", "a", "c"]},
        ["a", "c"],
    ),
    "yes_no_not_sure": ({}, {"q": ["not_sure"]}, "not_sure"),
    "text": ({}, {"q": ["  Ann  Example "]}, "Ann  Example"),
    "long_text": ({}, {"q": ["line one\r\nline two\n"]}, "line one\nline two"),
    "number": ({"minimum": 0, "maximum": 120}, {"q": [" 42 "]}, 42),
    "date_of_birth": (
        {},
        {dfield("q", "day"): ["15"], dfield("q", "month"): ["3"], dfield("q", "year"): ["1984"]},
        "1984-03-15",
    ),
    "past_date": (
        {},
        {dfield("q", "day"): ["23"], dfield("q", "month"): ["Nov"], dfield("q", "year"): ["2026"]},
        "2026-11-23",
    ),
    "phone": ({}, {"q": ["020 7946 0000"]}, "+442079460000"),
    "mobile": ({}, {"q": ["07700 900982"]}, "+447700900982"),
    "email": ({}, {"q": [" ann@Example.COM "]}, "ann@example.com"),
    "postcode": ({}, {"q": ["ls1 4ap"]}, "LS1 4AP"),
    "nhs_number": ({}, {"q": ["943 476 5919"]}, "9434765919"),
    "gp_practice": ({}, {"q": ["hillside"]}, "E85003"),
    "body_map": ({}, {"q": ["knee", "lower_back"]}, ["lower_back", "knee"]),
    "pain_scale": ({"low_label": "0", "high_label": "10"}, {"q": ["7"]}, 7),
}


def typed(question_type: str, **extra: Any) -> Page:
    fields = QUESTIONS[question_type][0]
    return one({"key": "q", "type": question_type, "text": "Q?", **fields, **extra})


def test_every_question_type_is_covered() -> None:
    assert set(QUESTIONS) == set(QUESTION_TYPES)


@pytest.mark.parametrize("question_type", sorted(QUESTIONS))
def test_each_type_reads_a_good_answer(question_type: str) -> None:
    _, form, expected = QUESTIONS[question_type]
    reading = read(typed(question_type), form)
    assert reading.errors == ()
    assert reading.answers == {"q": expected}
    assert dict(reading.practice_choices) == {}


@pytest.mark.parametrize("question_type", sorted(QUESTIONS))
@pytest.mark.parametrize(
    "form",
    [
        {},
        {"q": [""]},
        {"q": ["   "]},
        {"q": []},
        {dfield("q", "day"): [" "], dfield("q", "month"): [""]},
    ],
)
def test_each_type_is_required_unless_optional(
    question_type: str, form: dict[str, list[str]]
) -> None:
    field = element("q", "day") if question_type in ("date_of_birth", "past_date") else "q"
    assert read(typed(question_type), form).errors == (FieldError("q", REQUIRED, field),)


@pytest.mark.parametrize("question_type", sorted(QUESTIONS))
def test_an_empty_optional_answer_is_stored_empty(question_type: str) -> None:
    reading = read(typed(question_type, optional=True), {})
    assert reading.errors == ()
    assert reading.answers == {"q": [] if question_type == "multiple_choice" else ""}


@pytest.mark.parametrize("question_type", sorted(QUESTIONS))
def test_an_optional_answer_given_is_still_checked(question_type: str) -> None:
    _, form, expected = QUESTIONS[question_type]
    assert read(typed(question_type, optional=True), form).answers == {"q": expected}


@pytest.mark.parametrize(
    ("question_type", "form", "code"),
    [
        ("single_choice", {"q": ["z"]}, CHOICE_INVALID),
        ("single_choice", {"q": ["A"]}, CHOICE_INVALID),
        ("yes_no_not_sure", {"q": ["maybe"]}, CHOICE_INVALID),
        ("yes_no_not_sure", {"q": ["Yes"]}, CHOICE_INVALID),
        ("multiple_choice", {"q": ["a", "z"]}, CHOICE_INVALID),
        ("body_map", {"q": ["knee", "tail"]}, CHOICE_INVALID),
        ("text", {"q": ["x" * (NAME_MAX + 1)]}, "text_too_long"),
        ("long_text", {"q": ["x" * 501]}, "text_too_long"),
        ("number", {"q": ["121"]}, "number_too_large"),
        ("number", {"q": ["-1"]}, "number_too_small"),
        ("number", {"q": ["4.5"]}, "number_not_whole"),
        ("pain_scale", {"q": ["11"]}, "number_too_large"),
        ("pain_scale", {"q": ["-1"]}, "number_too_small"),
        ("pain_scale", {"q": ["ten"]}, "number_not_whole"),
        ("phone", {"q": ["12"]}, "phone_invalid"),
        ("phone", {"q": ["+33 1 23 45 67 89"]}, "phone_not_uk"),
        ("mobile", {"q": ["020 7946 0000"]}, "phone_not_mobile"),
        ("email", {"q": ["not an email"]}, "email_invalid"),
        ("postcode", {"q": ["12345"]}, "postcode_invalid"),
        ("nhs_number", {"q": ["943 476 5918"]}, "nhs_number_checksum"),
        ("nhs_number", {"q": ["12345"]}, "nhs_number_length"),
        ("gp_practice", {"q": ["nowhere"]}, PRACTICE_NOT_FOUND),
    ],
)
def test_format_errors(question_type: str, form: dict[str, list[str]], code: str) -> None:
    assert error(typed(question_type), form) == FieldError("q", code, "q")


def test_text_is_limited_to_a_name_length_and_long_text_to_max_length() -> None:
    assert value(typed("text"), {"q": ["x" * NAME_MAX]}) == "x" * NAME_MAX
    assert value(typed("text", max_length=20), {"q": ["x" * 20]}) == "x" * 20
    assert error(typed("text", max_length=20), {"q": ["x" * 21]}).code == "text_too_long"
    page = typed("long_text", max_length=1500)
    assert value(page, {"q": ["y" * 1500]}) == "y" * 1500
    assert error(page, {"q": ["y" * 1501]}).code == "text_too_long"


def test_the_first_value_of_a_single_answer_is_read() -> None:
    assert value(typed("single_choice"), {"q": ["a", "b"]}) == "a"


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("10", 10), ("5", 5)])
def test_pain_scale_is_always_0_to_10(raw: str, expected: int) -> None:
    assert value(adult_page("pain-score"), {"pain_score": [raw]}) == expected


def test_number_limits_are_inclusive() -> None:
    page = typed("number", minimum=3, maximum=5)
    assert value(page, {"q": ["3"]}) == 3
    assert value(page, {"q": ["5"]}) == 5
    assert error(page, {"q": ["2"]}).code == "number_too_small"
    assert error(page, {"q": ["6"]}).code == "number_too_large"


# --- multiple choice and body map -------------------------------------------------------------


def test_exclusive_option_alone_is_fine() -> None:
    page = adult_page("other-conditions")
    assert value(page, {"other_conditions": ["none"]}) == ["none"]


def test_exclusive_option_with_another_is_an_error() -> None:
    page = adult_page("other-conditions")
    assert error(page, {"other_conditions": ["fibromyalgia", "none"]}) == FieldError(
        "other_conditions", EXCLUSIVE, "other_conditions"
    )


def test_several_options_are_stored_in_content_order() -> None:
    page = adult_page("other-conditions")
    form = {"other_conditions": ["housebound", "pregnant", " jaw ", ""]}
    assert value(page, form) == ["pregnant", "jaw", "housebound"]


def test_a_tampered_checkbox_is_choice_invalid() -> None:
    page = adult_page("needs")
    assert error(page, {"support_needs": ["interpreter", "a_pony"]}).code == CHOICE_INVALID


def test_body_sites_are_checked_against_the_codes_given() -> None:
    page = adult_page("where")
    assert value(page, {"body_sites": ["hip", "neck"]}) == ["neck", "hip"]
    reading = read(page, {"body_sites": ["hip", "neck"]}, body_site_codes=["hip"])
    assert reading.errors == (FieldError("body_sites", CHOICE_INVALID, "body_sites"),)
    assert value(page, {"body_sites": ["hip", " hip ", "hip"]}) == ["hip"]


# --- dates ------------------------------------------------------------------------------------


DOB = {
    dfield("date_of_birth", "day"): ["15"],
    dfield("date_of_birth", "month"): ["3"],
    dfield("date_of_birth", "year"): ["1984"],
}


def dob_field(part: str) -> str:
    return element("date_of_birth", part)


def _dob(**parts: str) -> dict[str, list[str]]:
    form = dict(DOB)
    form.update({dfield("date_of_birth", part): [text] for part, text in parts.items()})
    return form


def test_a_date_of_birth_is_stored_as_an_iso_date() -> None:
    assert value(adult_page("date-of-birth"), DOB) == "1984-03-15"
    assert value(adult_page("date-of-birth"), _dob(month="march")) == "1984-03-15"


def test_today_is_a_valid_date_of_birth() -> None:
    assert value(adult_page("date-of-birth"), _dob(day="23", month="11", year="2026")) == (
        "2026-11-23"
    )


@pytest.mark.parametrize(
    ("parts", "code", "field"),
    [
        ({"day": ""}, "date_missing_day", dob_field("day")),
        ({"month": ""}, "date_missing_month", dob_field("month")),
        ({"year": ""}, "date_missing_year", dob_field("year")),
        ({"month": "", "year": ""}, "date_missing_month", dob_field("month")),
        ({"year": "84"}, "date_year_4_digits", dob_field("year")),
        ({"day": "31", "month": "4"}, "date_not_real", dob_field("day")),
        ({"day": "29", "month": "2", "year": "2025"}, "date_not_real", dob_field("day")),
        ({"day": "24", "month": "11", "year": "2026"}, "date_in_future", dob_field("day")),
        ({"year": "1890"}, "date_too_old", dob_field("day")),
        ({"day": "x"}, "date_not_number", dob_field("day")),
    ],
)
def test_date_errors_point_at_the_field(parts: dict[str, str], code: str, field: str) -> None:
    assert error(adult_page("date-of-birth"), _dob(**parts)) == FieldError(
        "date_of_birth", code, field
    )


@pytest.mark.parametrize(("part", "text"), [("year", "19x4"), ("month", "Marchember")])
def test_date_not_number_points_at_the_part_at_fault(part: str, text: str) -> None:
    found = error(adult_page("date-of-birth"), _dob(**{part: text}))
    assert found.code == "date_not_number"
    assert found.field == dob_field(part)


def test_a_past_date_may_be_older_than_130_years() -> None:
    page = typed("past_date")

    def form(day: str, month: str, year: str) -> dict[str, list[str]]:
        return {
            dfield("q", "day"): [day],
            dfield("q", "month"): [month],
            dfield("q", "year"): [year],
        }

    assert value(page, form("1", "1", "1800")) == "1800-01-01"
    assert error(page, form("24", "11", "2026")) == FieldError(
        "q", "date_in_future", element("q", "day")
    )


def test_the_date_depends_on_today() -> None:
    page = adult_page("date-of-birth")
    form = _dob(day="24", month="11", year="2026")
    assert read(page, form).errors[0].code == "date_in_future"
    assert read(page, form, today=date(2026, 11, 24)).answers == {"date_of_birth": "2026-11-24"}


# --- GP practice ------------------------------------------------------------------------------


def test_a_practice_code_finds_one_practice() -> None:
    assert value(adult_page("practice"), {"gp_practice": ["e85001"]}) == "E85001"


def test_one_match_by_name() -> None:
    reading = read(adult_page("practice"), {"gp_practice": ["Hillside"]})
    assert reading.answers == {"gp_practice": "E85003"}
    assert dict(reading.practice_choices) == {}


def test_no_match_is_practice_not_found() -> None:
    reading = read(adult_page("practice"), {"gp_practice": ["Mountain View"]})
    assert reading.errors == (FieldError("gp_practice", PRACTICE_NOT_FOUND, "gp_practice"),)
    assert reading.answers == {} and dict(reading.practice_choices) == {}


def test_several_matches_ask_the_person_to_choose() -> None:
    reading = read(adult_page("practice"), {"gp_practice": ["riverside"]})
    assert reading.errors == (FieldError("gp_practice", PRACTICE_CHOOSE, "gp_practice"),)
    assert reading.answers == {}
    assert list(reading.practice_choices["gp_practice"]) == [
        ("E85001", "Riverside Medical Centre"),
        ("E85002", "Riverside Surgery"),
    ]


def test_a_choice_from_the_list_is_accepted() -> None:
    form = {"gp_practice": ["riverside"], "gp_practice-choice": ["E85002"]}
    reading = read(adult_page("practice"), form)
    assert reading.answers == {"gp_practice": "E85002"}
    assert reading.errors == ()


def test_the_choice_alone_is_enough() -> None:
    assert value(adult_page("practice"), {"gp_practice-choice": ["E85001"]}) == "E85001"


def test_a_choice_that_is_not_a_practice_is_choice_invalid() -> None:
    form = {"gp_practice": ["riverside"], "gp_practice-choice": ["Z99999"]}
    assert error(adult_page("practice"), form) == FieldError(
        "gp_practice", CHOICE_INVALID, "gp_practice"
    )


def test_the_choice_must_be_the_code_the_search_finds() -> None:
    # A search for a name finds practices, but the choice must be a code the search returns.
    form = {"gp_practice-choice": ["Riverside"]}
    assert error(adult_page("practice"), form).code == CHOICE_INVALID


def test_the_practice_search_is_given_the_typed_text() -> None:
    queries: list[str] = []

    def recording(query: str) -> Sequence[tuple[str, str]]:
        queries.append(query)
        return [("A12345", "Only Surgery")]

    reading = read(
        adult_page("practice"), {"gp_practice": ["  only  "]}, search_practices=recording
    )
    assert reading.answers == {"gp_practice": "A12345"}
    assert queries == ["only"]


# --- pages with several questions -------------------------------------------------------------


def test_a_whole_page_is_read() -> None:
    page = adult_page("about-you")
    form = {
        "carer_name": ["Bob Example"],
        "carer_relationship": ["child"],
        "carer_phone": ["07700 900123"],
    }
    reading = read(page, form)
    assert reading.errors == ()
    assert reading.answers == {
        "carer_name": "Bob Example",
        "carer_relationship": "child",
        "carer_phone": "+447700900123",
    }


def test_errors_mean_no_answers_and_every_error_is_listed_in_order() -> None:
    page = adult_page("about-you")
    form = {"carer_name": ["Bob Example"], "carer_relationship": ["cousin"]}
    reading = read(page, form)
    assert reading.answers == {}
    assert reading.errors == (
        FieldError("carer_relationship", CHOICE_INVALID, "carer_relationship"),
        FieldError("carer_phone", REQUIRED, "carer_phone"),
    )


def test_a_score_page_is_read() -> None:
    page = adult_page("start-back")
    form = {f"start_back_{n}": ["agree" if n % 2 else "disagree"] for n in range(1, 9)}
    reading = read(page, form)
    assert reading.answers == {
        f"start_back_{n}": "agree" if n % 2 else "disagree" for n in range(1, 9)
    }
    del form["start_back_5"]
    assert read(page, form).errors == (FieldError("start_back_5", REQUIRED, "start_back_5"),)


@pytest.mark.parametrize(
    ("page_id", "key"), [("nhs-number", "nhs_number"), ("phone", "phone"), ("email", "email")]
)
def test_the_adult_optional_pages_may_be_left_empty(page_id: str, key: str) -> None:
    assert read(adult_page(page_id), {key: [" "]}).answers == {key: ""}


def test_fields_for_other_questions_are_ignored() -> None:
    page = adult_page("name")
    reading = read(page, {"patient_name": ["Ann"], "carer_name": ["Bob"], "csrf_token": ["x"]})
    assert reading.answers == {"patient_name": "Ann"}


def test_a_stray_choice_field_does_not_answer_a_required_text_question() -> None:
    reading = read(adult_page("name"), {"patient_name": [""], "patient_name-choice": ["x"]})
    assert reading.errors == (FieldError("patient_name", REQUIRED, "patient_name"),)
