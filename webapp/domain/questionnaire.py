"""Walking a questionnaire: which pages a person sees, in what order, and what their answers mean.

Pure: the questionnaire and red-flag rules are content, the answers a plain mapping of
question key to stored value (see ``webapp.domain.answer_reading``), ``today`` is passed in.

A page is shown when its ``show_if`` holds of the answers so far. The red-flag page stands
for one page per red-flag question the ticked body sites need, so a change of body sites
changes the questions. An answer to a page that is no longer shown is kept while the person
is filling in the form (they may go back) but never submitted: ``relevant_answers`` drops it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from webapp.content.questionnaire import (
    AGE_FACT,
    BODY_SITES_FACT,
    RED_FLAGS,
    SERVICE_FACT,
    ContactChannel,
    Page,
    Question,
    Questionnaire,
)
from webapp.content.red_flags import RedFlagRules
from webapp.domain.answer_formats import age_on
from webapp.domain.rules import FactValue, evaluate
from webapp.domain.screening import questions_for

Answers = Mapping[str, object]
RED_FLAG_PAGE_PREFIX = "red-flag-"
# What an unanswered (because hidden) earlier question reads as in a show_if.
NOT_ANSWERED = ""
# Age before the date of birth is known: below every real age, so "age >= n" is false.
UNKNOWN_AGE = -1


def red_flag_page_id(key: str) -> str:
    return RED_FLAG_PAGE_PREFIX + key.replace("_", "-")


def red_flag_page(rules: RedFlagRules, key: str) -> Page:
    question = next(q for q in rules.questions if q.key == key)
    return Page(
        id=red_flag_page_id(key),
        questions=(
            Question(
                key=key,
                type="yes_no_not_sure",
                text=question.text,
                hint=question.hint,
                error_required="Select yes, no or not sure",
            ),
        ),
    )


def date_of_birth(questionnaire: Questionnaire, answers: Answers) -> date | None:
    question = questionnaire.with_role("date_of_birth")
    value = answers.get(question.key) if question else None
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def age(questionnaire: Questionnaire, answers: Answers, today: date) -> int | None:
    born = date_of_birth(questionnaire, answers)
    return age_on(born, today) if born else None


def body_sites(questionnaire: Questionnaire, answers: Answers) -> frozenset[str]:
    question = questionnaire.with_role("body_sites")
    value = answers.get(question.key) if question else None
    return frozenset(value) if isinstance(value, list) else frozenset()


def facts(
    questionnaire: Questionnaire, answers: Answers, *, service_id: str, today: date
) -> dict[str, FactValue]:
    """What a show_if may read: each choice or number answer, age, body sites and service."""
    found: dict[str, FactValue] = {}
    for question in questionnaire.questions():
        value = answers.get(question.key)
        if question.type in ("multiple_choice", "body_map"):
            found[question.key] = frozenset(value) if isinstance(value, list) else frozenset()
        elif question.type in ("number", "pain_scale"):
            found[question.key] = value if isinstance(value, int) else UNKNOWN_AGE
        else:
            found[question.key] = value if isinstance(value, str) else NOT_ANSWERED
    years = age(questionnaire, answers, today)
    found[AGE_FACT] = UNKNOWN_AGE if years is None else years
    found[BODY_SITES_FACT] = body_sites(questionnaire, answers)
    found[SERVICE_FACT] = service_id
    return found


def pages(
    questionnaire: Questionnaire,
    answers: Answers,
    *,
    service_id: str,
    rules: RedFlagRules,
    today: date,
) -> tuple[Page, ...]:
    """The pages this person is shown, in order, with the red-flag page expanded."""
    # A show_if reads only answers given on pages still shown: an answer left behind on a
    # page that is now hidden must not keep a later page showing.
    given: dict[str, object] = {}
    shown: list[Page] = []
    for page in questionnaire.pages:
        known = facts(questionnaire, given, service_id=service_id, today=today)
        if page.show_if is not None and not evaluate(page.show_if, known):
            continue
        given.update((q.key, answers[q.key]) for q in page.questions if q.key in answers)
        if page.kind == RED_FLAGS:
            sites = body_sites(questionnaire, answers)
            # Body sites are asked before this page (the loader checks), so this is never
            # empty once the person gets here; before that there is nothing to expand.
            if sites:
                shown += [red_flag_page(rules, key) for key in questions_for(sites, rules=rules)]
            continue
        shown.append(page)
    return tuple(shown)


def is_answered(page: Page, answers: Answers) -> bool:
    return all(question.key in answers for question in page.questions)


def find_page(shown: Sequence[Page], page_id: str) -> Page | None:
    return next((page for page in shown if page.id == page_id), None)


def first_unanswered(shown: Sequence[Page], answers: Answers) -> Page | None:
    """Where to send someone next: None means every page is answered (check your answers)."""
    return next((page for page in shown if not is_answered(page, answers)), None)


def previous_page(shown: Sequence[Page], page_id: str) -> Page | None:
    ids = [page.id for page in shown]
    if page_id not in ids:
        return None
    index = ids.index(page_id)
    return shown[index - 1] if index else None


def is_past_red_flags(shown: Sequence[Page], answers: Answers) -> bool:
    """Every red-flag page shown has been answered."""
    flags = [page for page in shown if page.id.startswith(RED_FLAG_PAGE_PREFIX)]
    return bool(flags) and all(is_answered(page, answers) for page in flags)


def red_flag_answers(shown: Sequence[Page], answers: Answers) -> dict[str, str]:
    """The red-flag answers given so far on pages still shown, for the screen."""
    found: dict[str, str] = {}
    for page in shown:
        if page.id.startswith(RED_FLAG_PAGE_PREFIX):
            for question in page.questions:
                value = answers.get(question.key)
                if isinstance(value, str):
                    found[question.key] = value
    return found


def relevant_answers(shown: Sequence[Page], answers: Answers) -> dict[str, object]:
    """Only the answers to pages still shown: what is submitted and what triage reads."""
    keys = [question.key for page in shown for question in page.questions]
    return {key: answers[key] for key in keys if key in answers}


@dataclass(frozen=True)
class Referral:
    """What the rest of the site needs from the answers, read through each question's role."""

    route: str | None
    date_of_birth: date | None
    body_sites: frozenset[str]
    practice_ods: str | None
    symptom_weeks: int | None
    conditions: frozenset[str]
    ehc_plan: bool
    patient_name: str
    contact_channel: ContactChannel
    phone: str | None
    email: str | None
    gp_suggested: bool
    score_items: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


def _role_value(questionnaire: Questionnaire, answers: Answers, role: str) -> object:
    question = questionnaire.with_role(role)  # type: ignore[arg-type]
    return answers.get(question.key) if question else None


def _chosen_option(questionnaire: Questionnaire, answers: Answers, role: str) -> object:
    question = questionnaire.with_role(role)  # type: ignore[arg-type]
    value = answers.get(question.key) if question else None
    return question.option(value) if question and isinstance(value, str) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def read_referral(questionnaire: Questionnaire, answers: Answers) -> Referral:
    """Read the relevant answers (``relevant_answers``) into what eligibility and triage need."""
    who = _chosen_option(questionnaire, answers, "filled_in_by")
    duration = _chosen_option(questionnaire, answers, "symptom_duration")
    preference = _chosen_option(questionnaire, answers, "contact_preference")
    phone = _text(_role_value(questionnaire, answers, "phone"))
    email = _text(_role_value(questionnaire, answers, "email"))
    return Referral(
        route=getattr(who, "route", None),
        date_of_birth=date_of_birth(questionnaire, answers),
        body_sites=body_sites(questionnaire, answers),
        practice_ods=_text(_role_value(questionnaire, answers, "practice")),
        symptom_weeks=getattr(duration, "weeks", None),
        conditions=conditions(questionnaire, answers),
        ehc_plan=_role_value(questionnaire, answers, "ehc_plan") == "yes",
        patient_name=_text(_role_value(questionnaire, answers, "patient_name")) or "",
        contact_channel=_channel(getattr(preference, "channel", None), phone, email),
        phone=phone,
        email=email,
        gp_suggested=_role_value(questionnaire, answers, "gp_suggested") == "yes",
        score_items={
            score: _score_items(questionnaire, answers, score) for score in ("start_back", "msk_hq")
        },
    )


def _channel(chosen: ContactChannel | None, phone: str | None, email: str | None) -> ContactChannel:
    # Someone who chose email but left it empty is not silently unreachable: fall back to the
    # other route they gave; with neither, the service writes or phones from the GP record.
    if chosen == "email" and email:
        return "email"
    if chosen in ("sms", "phone") and phone:
        return chosen
    if chosen in ("letter", "none"):
        return chosen
    if email:
        return "email"
    return "sms" if phone else "none"


def conditions(questionnaire: Questionnaire, answers: Answers) -> frozenset[str]:
    """Condition codes recorded by the options chosen (content/conditions.yaml)."""
    found: set[str] = set()
    for question in questionnaire.questions():
        value = answers.get(question.key)
        chosen = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        for option in question.options:
            if option.value in chosen:
                found.update(option.conditions)
    return frozenset(found)


def _score_items(questionnaire: Questionnaire, answers: Answers, score: str) -> tuple[int, ...]:
    """A score's item values in order, or () unless every item was answered."""
    values: list[int] = []
    for question in questionnaire.score_items(score):  # type: ignore[arg-type]
        value = answers.get(question.key)
        option = question.option(value) if isinstance(value, str) else None
        if option is None or option.score is None:
            return ()
        values.append(option.score)
    return tuple(values)
