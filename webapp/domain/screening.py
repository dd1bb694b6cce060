"""The red-flag screen: how urgently someone needs care, from a few yes / no / not sure answers.

Pure: the rules are content (``content/red_flags.yaml``), passed in or loaded once by the
content layer. Every rule that holds fires; the outcome is the most severe disposition that
fired, with the rules behind it. ``EMERGENCY`` and ``URGENT_SAME_DAY`` stop the form in every
service (decision D-10); ``PRIORITY`` is accepted and flagged, or refused, per service (D-11).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from webapp.content.red_flags import AGE, ANSWERS, BODY_SITES, SITES, RedFlagRules, load_red_flags
from webapp.domain.rules import FactValue, evaluate

Disposition = Literal["EMERGENCY", "URGENT_SAME_DAY", "PRIORITY", "ROUTINE"]
# Most severe first; ROUTINE is what is left when no rule fires.
SEVERITY: tuple[Disposition, ...] = ("EMERGENCY", "URGENT_SAME_DAY", "PRIORITY", "ROUTINE")
STOPS_THE_FORM: frozenset[Disposition] = frozenset({"EMERGENCY", "URGENT_SAME_DAY"})
# A question that was not asked counts as "no": it was not asked because it does not apply.
NOT_ASKED = "no"


@dataclass(frozen=True, slots=True)
class ScreeningOutcome:
    disposition: Disposition
    # The ids of the rules that fired at this disposition, sorted.
    reasons: tuple[str, ...]
    # Every rule that fired, at any disposition, sorted: triage sees the whole picture.
    all_reasons: tuple[str, ...]

    @property
    def stops_the_form(self) -> bool:
        return self.disposition in STOPS_THE_FORM


def screen(
    answers: Mapping[str, str],
    *,
    age: int,
    body_sites: Collection[str],
    rules: RedFlagRules | None = None,
) -> ScreeningOutcome:
    """Screen one person's answers; raises ValueError for anything not a valid answer.

    An answer to a question not asked for these body sites still counts: a "yes" is never
    thrown away because of which part of the body map was ticked.
    """
    rules = load_red_flags() if rules is None else rules
    sites = _sites(body_sites)
    _check_age(age)
    _check_answers(answers, rules)
    facts: dict[str, FactValue] = {key: answers.get(key, NOT_ASKED) for key in rules.keys}
    facts[AGE] = age
    facts[SITES] = sites
    fired = [rule for rule in rules.rules if evaluate(rule.when, facts)]
    if not fired:
        return ScreeningOutcome("ROUTINE", (), ())
    disposition = min((rule.disposition for rule in fired), key=SEVERITY.index)
    return ScreeningOutcome(
        disposition=disposition,
        reasons=tuple(sorted(rule.id for rule in fired if rule.disposition == disposition)),
        all_reasons=tuple(sorted(rule.id for rule in fired)),
    )


def questions_for(
    body_sites: Collection[str], *, rules: RedFlagRules | None = None
) -> tuple[str, ...]:
    """The answer keys to ask for these body sites, in the content's clinical order."""
    rules = load_red_flags() if rules is None else rules
    sites = _sites(body_sites)
    return tuple(question.key for question in rules.questions if question.is_asked_for(sites))


def _sites(body_sites: Collection[str]) -> frozenset[str]:
    # A bare string is a Collection[str] too; "knee" must not be read as k, n, e.
    if isinstance(body_sites, str):
        raise ValueError(f"body_sites must be a collection of codes, not the string {body_sites!r}")
    sites = frozenset(body_sites)
    if not sites:
        # Nothing would be asked and the screen would say ROUTINE: never safe by accident.
        raise ValueError("at least one body site is needed to choose the red-flag questions")
    unknown = sorted(site for site in sites if site not in BODY_SITES)
    if unknown:
        raise ValueError(f"unknown body site(s) {unknown}; expected codes from {BODY_SITES}")
    return sites


def _check_age(age: int) -> None:
    if isinstance(age, bool) or not isinstance(age, int):
        raise ValueError(f"age must be a whole number of years, got {age!r}")
    if age < 0:
        raise ValueError(f"age cannot be negative, got {age}")


def _check_answers(answers: Mapping[str, str], rules: RedFlagRules) -> None:
    known = set(rules.keys)
    for key, value in answers.items():
        # A misspelt key silently counted as "no" could hide a "yes": refuse it.
        if key not in known:
            raise ValueError(f"unknown red-flag question {key!r}")
        if value not in ANSWERS:
            raise ValueError(f"{key} must be one of {ANSWERS}, got {value!r}")
