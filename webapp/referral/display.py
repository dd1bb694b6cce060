"""Turning questions and answers into what the templates show, in the visitor's language.

Content text is English; ``gettext`` finds its translation in the catalogues (extracted from
the YAML by ``make update-messages``). It is passed to the NHS.UK macros as ``text``, so it
is escaped: content never carries HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import url_for
from flask_babel import format_date, gettext

from webapp.content.questionnaire import Page, Question
from webapp.content.red_flags import BODY_SITES
from webapp.domain import questionnaire as flow
from webapp.domain.answer_reading import DATE_PARTS, PageReading, date_field
from webapp.referral.journey import Journey, practice_name, question_text
from webapp.referral.wording import BODY_SITES as BODY_SITE_NAMES
from webapp.referral.wording import FORMAT_ERRORS, YES_NO_NOT_SURE

DATE_TYPES = ("date_of_birth", "past_date")


@dataclass
class QuestionView:
    question: Question
    text: str
    hint: str | None
    # What to show in the fields: typed text after an error, else the saved answer.
    value: str = ""
    values: list[str] = field(default_factory=list)
    date_parts: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    error_field: str | None = None
    options: list[dict[str, Any]] = field(default_factory=list)
    practice_choices: Sequence[tuple[str, str]] = ()

    @property
    def items(self) -> list[dict[str, Any]]:
        """Radio or checkbox items for the NHS.UK macros, "or" before an exclusive option."""
        several = self.question.type in ("multiple_choice", "body_map")
        items: list[dict[str, Any]] = []
        for option in self.options:
            if option.get("exclusive"):
                items.append({"divider": gettext("or")})
            chosen = option["value"] in self.values if several else option["value"] == self.value
            items.append(
                {
                    "value": option["value"],
                    "text": option["text"],
                    "hint": {"text": option["hint"]} if option.get("hint") else None,
                    "checked": chosen,
                    "exclusive": bool(option.get("exclusive")),
                }
            )
        return items


def _options(question: Question) -> list[dict[str, Any]]:
    if question.type == "body_map":
        return [{"value": code, "text": str(BODY_SITE_NAMES[code])} for code in BODY_SITES]
    if question.type == "yes_no_not_sure":
        return [{"value": code, "text": str(text)} for code, text in YES_NO_NOT_SURE.items()]
    return [
        {
            "value": option.value,
            "text": gettext(option.text),
            "hint": gettext(option.hint) if option.hint else None,
            "exclusive": option.exclusive,
        }
        for option in question.options
    ]


def _saved(question: Question, answer: object) -> tuple[str, list[str], dict[str, str]]:
    if question.type in DATE_TYPES and isinstance(answer, str) and answer:
        born = date.fromisoformat(answer)
        return "", [], {"day": str(born.day), "month": str(born.month), "year": str(born.year)}
    if isinstance(answer, list):
        return "", [str(item) for item in answer], {}
    if question.type == "gp_practice" and isinstance(answer, str):
        return practice_name(answer) or answer, [], {}
    return ("" if answer is None else str(answer)), [], {}


def _typed(question: Question, form: Mapping[str, Any]) -> tuple[str, list[str], dict[str, str]]:
    if question.type in DATE_TYPES:
        parts = {part: form.get(date_field(question.key, part), "") for part in DATE_PARTS}
        return "", [], parts
    return form.get(question.key, ""), form.getlist(question.key), {}  # type: ignore[attr-defined]


def error_message(question: Question, code: str) -> str:
    if code == "required" and question.error_required:
        return gettext(question.error_required)
    return str(FORMAT_ERRORS[code])


def page_view(
    journey: Journey,
    page: Page,
    shown: Sequence[Page],
    form: Mapping[str, Any] | None,
    reading: PageReading | None,
) -> dict[str, Any]:
    answers = journey.answers
    errors = {error.key: error for error in reading.errors} if reading else {}
    # Read once: it walks every page, and a page may ask several questions.
    other = journey.for_someone_else
    questions = []
    for question in page.questions:
        text, hint = question_text(question, for_someone_else=other)
        if form is not None:
            value, values, parts = _typed(question, form)
        else:
            value, values, parts = _saved(question, answers.get(question.key))
        error = errors.get(question.key)
        questions.append(
            QuestionView(
                question=question,
                text=gettext(text),
                hint=gettext(hint) if hint else None,
                value=value,
                values=values,
                date_parts=parts,
                error=error_message(question, error.code) if error else None,
                error_field=error.field if error else None,
                options=_options(question),
                practice_choices=reading.practice_choices.get(question.key, ()) if reading else (),
            )
        )
    previous = flow.previous_page(shown, page.id)
    back = (
        url_for("referral.page", service_id=journey.service.id, page_id=previous.id)
        if previous
        else url_for("referral.start", service_id=journey.service.id)
    )
    return {
        "service": journey.service,
        "page": page,
        "title": gettext(page.title) if page.title else None,
        "page_hint": gettext(page.hint) if page.hint else None,
        "questions": questions,
        "back_url": back,
        "error_list": [
            {"text": q.error, "href": f"#{q.error_field}"} for q in questions if q.error
        ],
        "is_red_flag": page.id.startswith(flow.RED_FLAG_PAGE_PREFIX),
    }


def display_answer(question: Question, answer: object) -> str:
    """One answer as a person would say it, for the check answers page."""
    if answer in ("", [], None):
        return gettext("Not given")
    if question.type in DATE_TYPES and isinstance(answer, str):
        return format_date(date.fromisoformat(answer), format="long")
    if question.type == "body_map" and isinstance(answer, list):
        return ", ".join(str(BODY_SITE_NAMES[code]) for code in answer)
    if question.type == "yes_no_not_sure" and isinstance(answer, str):
        return str(YES_NO_NOT_SURE[answer])
    if question.type == "gp_practice" and isinstance(answer, str):
        return practice_name(answer) or answer
    if question.options:
        chosen = answer if isinstance(answer, list) else [answer]
        texts = [gettext(o.text) for o in question.options if o.value in chosen]
        return ", ".join(texts)
    return str(answer)


def answer_rows(journey: Journey, shown: Sequence[Page]) -> list[dict[str, Any]]:
    answers = journey.answers
    other = journey.for_someone_else
    rows = []
    for page in shown:
        for question in page.questions:
            text, _hint = question_text(question, for_someone_else=other)
            rows.append(
                {
                    "key": {"text": gettext(text)},
                    "value": {"text": display_answer(question, answers.get(question.key))},
                    "actions": {
                        "items": [
                            {
                                "href": url_for(
                                    "referral.page", service_id=journey.service.id, page_id=page.id
                                ),
                                "text": gettext("Change"),
                                "visuallyHiddenText": gettext(text),
                            }
                        ]
                    },
                }
            )
    return rows
