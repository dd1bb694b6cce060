"""The red-flag screen as data: which questions each body site is asked, and cited rules.

``content/red_flags.yaml`` holds a register of the national guidance rules cite, the
questions (in the order they are asked, emergency signs first) and the rules, each
``{id, when, disposition, source}``. Everything a rule says is checked when the file loads:
an unknown fact, operator, answer or body site is a content error naming its field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from webapp.content.codes import BodySite
from webapp.content.common import DECISION_SOURCE, SEED_SOURCE, Code, Frozen, source_parts
from webapp.content.loader import DEFAULT_ROOT, file_label, parse_file
from webapp.content.problems import ContentError, Problem
from webapp.content.rules import Condition, Fact, Location, check_condition, facts_read
from webapp.content.text import Text
from webapp.content.vocabulary import SourcesFile

Answer = Literal["yes", "no", "not_sure"]
ANSWERS: tuple[Answer, ...] = get_args(Answer)
# ROUTINE is what is left when no rule fires, so no rule may name it.
Disposition = Literal["EMERGENCY", "URGENT_SAME_DAY", "PRIORITY"]
BODY_SITES: tuple[BodySite, ...] = get_args(BodySite)
EVERY_SITE = "all"
AGE, SITES = "age", "body_sites"  # the facts beside the answers

RED_FLAGS_FILE = "red_flags.yaml"
GUIDANCE_SOURCE = re.compile(r"^(?P<guidance>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+) §(?P<section>\S.*)$")
GuidanceId = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")]


def _valid_source(value: str) -> str:
    for part in source_parts(value):
        if not any(form.match(part) for form in (SEED_SOURCE, DECISION_SOURCE, GUIDANCE_SOURCE)):
            raise ValueError(
                "a source reads '<GUIDANCE-ID> §<section>', '<seed file> §<section>' or "
                f"'decision D-<n>', several joined by '; '; got {part!r}"
            )
    return value


class Guidance(Frozen):
    title: Text
    publisher: Text
    url: Annotated[str, Field(pattern=r"^https://\S+$")]


class Question(Frozen):
    key: Code
    # English; translated through the gettext catalogues (make update-messages extracts it).
    text: Text
    hint: Text | None = None
    asked_for: tuple[Literal[BodySite, "all"], ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _all_stands_alone(self) -> Question:
        if EVERY_SITE in self.asked_for and len(self.asked_for) > 1:
            raise ValueError("'all' already covers every body site; list nothing beside it")
        if len(set(self.asked_for)) != len(self.asked_for):
            raise ValueError("a body site is listed twice")
        return self

    def is_asked_for(self, sites: frozenset[str]) -> bool:
        return EVERY_SITE in self.asked_for or not sites.isdisjoint(self.asked_for)


class RedFlagRule(Frozen):
    id: Code
    when: Condition
    disposition: Disposition
    source: Annotated[str, AfterValidator(_valid_source)]


class RedFlagRules(Frozen):
    guidance: Annotated[
        Mapping[GuidanceId, Guidance], AfterValidator(lambda value: MappingProxyType(dict(value)))
    ]
    questions: tuple[Question, ...] = Field(min_length=1)
    rules: tuple[RedFlagRule, ...] = Field(min_length=1)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(question.key for question in self.questions)

    def facts(self) -> dict[str, Fact]:
        """What each fact a rule may read is, and the values it can take."""
        answers = {key: Fact("code", frozenset(ANSWERS)) for key in self.keys}
        return {**answers, AGE: Fact("number"), SITES: Fact("codes", frozenset(BODY_SITES))}

    @model_validator(mode="after")
    def _consistent(self) -> RedFlagRules:
        found = list(self._problems())
        if found:
            raise ValidationError.from_exception_data(
                type(self).__name__,
                [
                    InitErrorDetails(
                        type=PydanticCustomError("red_flags", message), loc=where, input=None
                    )
                    for where, message in found
                ],
            )
        return self

    def _problems(self) -> Iterator[tuple[Location, str]]:
        yield from _repeats("questions", "key", [q.key for q in self.questions])
        yield from _repeats("questions", "text", [q.text for q in self.questions])
        yield from _repeats("rules", "id", [rule.id for rule in self.rules])
        facts = self.facts()
        read: set[str] = set()
        for index, question in enumerate(self.questions):
            if question.key in (AGE, SITES):
                yield ("questions", index, "key"), f"{question.key!r} is a fact name, not a key"
        for index, rule in enumerate(self.rules):
            yield from check_condition(rule.when, facts, ("rules", index, "when"))
            read |= facts_read(rule.when)
            for part in source_parts(rule.source):
                cited = GUIDANCE_SOURCE.match(part)
                if cited and cited["guidance"] not in self.guidance:
                    yield ("rules", index, "source"), f"{cited['guidance']!r} is not in guidance"
        for index, question in enumerate(self.questions):
            if question.key not in read:
                yield ("questions", index, "key"), "no rule reads this answer, so do not ask it"


def _repeats(section: str, name: str, values: list[str]) -> Iterator[tuple[Location, str]]:
    for index, value in enumerate(values):
        if value in values[:index]:
            yield (section, index, name), f"{value!r} is written twice"


def load_red_flags(root: Path | None = None) -> RedFlagRules:
    """The validated screen, read once per content folder; raises ContentError listing all."""
    return _load((root or DEFAULT_ROOT).resolve())


@functools.cache
def _load(root: Path) -> RedFlagRules:
    rules, problems = _read(root)
    if problems or rules is None:
        raise ContentError(problems)
    return rules


def check_red_flags(root: Path | None = None) -> list[str]:
    """Every problem in the red-flag file, one line each naming the file and the field."""
    return [str(problem) for problem in _read(root or DEFAULT_ROOT)[1]]


def _read(root: Path) -> tuple[RedFlagRules | None, list[Problem]]:
    file = file_label(root, root / RED_FLAGS_FILE)
    problems: list[Problem] = []
    rules = parse_file(root / RED_FLAGS_FILE, RedFlagRules, file, problems)
    if rules is None:
        return None, problems
    # A broken sources.yaml is reported by the catalogue check; here it only blocks loading.
    sources = parse_file(root / "sources.yaml", SourcesFile, "", [])
    if sources is None:
        problems.append(Problem(file, "", "cannot check the seeds and decisions cited"))
    else:
        problems += [Problem(file, where, what) for where, what in _unknown_sources(rules, sources)]
    return (None, problems) if problems else (rules, problems)


def _unknown_sources(rules: RedFlagRules, sources: SourcesFile) -> Iterator[tuple[str, str]]:
    for index, rule in enumerate(rules.rules):
        for part in source_parts(rule.source):
            seed, decision = SEED_SOURCE.match(part), DECISION_SOURCE.match(part)
            if seed and seed["seed"] not in sources.seeds:
                yield f"rules[{index}].source", f"unknown seed file {seed['seed']!r}"
            if decision and decision["decision"] not in sources.decisions:
                yield f"rules[{index}].source", f"unknown decision {decision['decision']!r}"
