"""Reading ``content/questionnaires/`` and checking it against the rest of the content.

Beyond each file's own schema: every service named exists and uses one questionnaire, every
condition code is in ``content/conditions.yaml``, and every ``show_if`` reads only questions
asked on earlier pages (so a page never depends on an answer not yet given) with values
those questions can have.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from webapp.content.loader import file_label, parse_file
from webapp.content.problems import ContentError, Problem
from webapp.content.questionnaire import (
    AGE_FACT,
    BODY_SITES_FACT,
    RED_FLAGS,
    SERVICE_FACT,
    Questionnaire,
)
from webapp.content.red_flags import BODY_SITES
from webapp.content.rules import Fact, check_condition

FOLDER = "questionnaires"
# Page ids share the URL space with the journey's own pages.
RESERVED_PAGE_IDS = frozenset(
    {"start", "check-answers", "confirmation", "stop", "not-eligible", "resume", "saved"}
)
RESERVED_PREFIX = "red-flag-"


@dataclass(frozen=True)
class QuestionnaireLibrary:
    by_id: Mapping[str, Questionnaire]
    by_service: Mapping[str, Questionnaire]

    def for_service(self, service_id: str) -> Questionnaire | None:
        return self.by_service.get(service_id)


def load_questionnaires(
    root: Path, *, service_ids: frozenset[str], condition_codes: frozenset[str]
) -> QuestionnaireLibrary:
    """The validated questionnaires; raises ContentError listing every problem."""
    library, problems = read_questionnaires(
        root, service_ids=service_ids, condition_codes=condition_codes
    )
    if problems:
        raise ContentError(problems)
    return library


def read_questionnaires(
    root: Path, *, service_ids: frozenset[str], condition_codes: frozenset[str]
) -> tuple[QuestionnaireLibrary, list[Problem]]:
    problems: list[Problem] = []
    by_id: dict[str, Questionnaire] = {}
    by_service: dict[str, Questionnaire] = {}
    folder = root / FOLDER
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        label = file_label(root, path)
        questionnaire = parse_file(path, Questionnaire, label, problems)
        if questionnaire is None:
            continue
        found = list(_problems(questionnaire, path.stem, service_ids, condition_codes))
        for index, service_id in enumerate(questionnaire.services):
            if service_id in by_service:
                found.append((f"services[{index}]", f"{service_id} already uses another"))
            by_service[service_id] = questionnaire
        problems += [Problem(label, where, what) for where, what in found]
        by_id[questionnaire.id] = questionnaire
    library = QuestionnaireLibrary(MappingProxyType(by_id), MappingProxyType(by_service))
    return library, problems


def _problems(
    questionnaire: Questionnaire,
    stem: str,
    service_ids: frozenset[str],
    condition_codes: frozenset[str],
) -> Iterator[tuple[str, str]]:
    if questionnaire.id != stem:
        yield "id", f"must match the file name {stem!r}"
    for index, service_id in enumerate(questionnaire.services):
        if service_id not in service_ids:
            yield f"services[{index}]", f"unknown service {service_id!r}"
    yield from _page_problems(questionnaire, condition_codes)
    yield from _show_if_problems(questionnaire, service_ids)


def _page_problems(
    questionnaire: Questionnaire, condition_codes: frozenset[str]
) -> Iterator[tuple[str, str]]:
    before_red_flags: set[str] = set()
    for p, page in enumerate(questionnaire.pages):
        if page.id in RESERVED_PAGE_IDS or page.id.startswith(RESERVED_PREFIX):
            yield f"pages[{p}].id", f"{page.id!r} is reserved for the journey's own pages"
        if page.kind == RED_FLAGS:
            # The screen needs the age and the body sites before it can be asked.
            for role in ("date_of_birth", "body_sites"):
                if role not in before_red_flags:
                    yield f"pages[{p}]", f"the {role} question must come before the red flags"
        for q, question in enumerate(page.questions):
            # The body map's answer is the body_sites fact; any other clash would be shadowed.
            if question.key in (AGE_FACT, BODY_SITES_FACT, SERVICE_FACT) and not (
                question.key == BODY_SITES_FACT and question.role == "body_sites"
            ):
                yield f"pages[{p}].questions[{q}].key", f"{question.key!r} names a built-in fact"
            if question.role:
                before_red_flags.add(question.role)
            for o, option in enumerate(question.options):
                for code in option.conditions:
                    if code not in condition_codes:
                        where = f"pages[{p}].questions[{q}].options[{o}].conditions"
                        yield where, f"unknown condition code {code!r} (see conditions.yaml)"


def _show_if_problems(
    questionnaire: Questionnaire, service_ids: frozenset[str]
) -> Iterator[tuple[str, str]]:
    known: dict[str, Fact] = {
        BODY_SITES_FACT: Fact("codes", frozenset(BODY_SITES)),
        SERVICE_FACT: Fact("code", service_ids),
    }
    for p, page in enumerate(questionnaire.pages):
        if page.show_if is not None:
            for where, what in check_condition(page.show_if, known, ("show_if",)):
                path = ".".join(str(part) for part in where)
                yield f"pages[{p}].{path}", what
        for question in page.questions:
            values = frozenset(option.value for option in question.options)
            if question.type == "yes_no_not_sure":
                values = frozenset({"yes", "no", "not_sure"})
            if question.type in ("multiple_choice",):
                known[question.key] = Fact("codes", values)
            elif question.type in ("body_map",):
                known[question.key] = Fact("codes", frozenset(BODY_SITES))
            elif question.type in ("single_choice", "yes_no_not_sure"):
                known[question.key] = Fact("code", values)
            elif question.type in ("number", "pain_scale"):
                known[question.key] = Fact("number")
            if question.role == "date_of_birth":
                known[AGE_FACT] = Fact("number")
