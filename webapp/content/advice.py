"""Condition advice pages: Markdown prose with structured front matter, one file per language.

Layout: ``content/advice/<slug>/<lang>.md`` and exercise drawings in
``content/advice/drawings/<id>.svg``. The parts every page must have and that the site
renders with NHS.UK components (exercises as numbered steps, urgent help as care cards,
sources, support) are structured front matter; the explanations are Markdown. Every slug
must exist in every site language with the same exercises, drawings and topics, so a
translation can never silently drop a step or a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal, cast, get_args

from pydantic import Field, HttpUrl, ValidationError, model_validator

from webapp.content.codes import BodySite
from webapp.content.common import Frozen, Name, Slug
from webapp.content.problems import ContentError, Problem, from_validation_error
from webapp.content.text import LANGUAGES, RIGHT_TO_LEFT, Language, Text
from webapp.content.yaml_io import YamlError, read_yaml_text

# Advice is filed under the body sites the questionnaire uses, plus two topics of its own.
Topic = BodySite | Literal["bones", "long_term_conditions"]
TOPICS: tuple[str, ...] = (*get_args(BodySite), "bones", "long_term_conditions")
FRONT_MATTER = "---"


class AdviceSource(Frozen):
    title: Text
    publisher: Name
    reference: str | None = None
    year: Annotated[int, Field(ge=1990, le=2100)] | None = None
    url: HttpUrl | None = None


class Exercise(Frozen):
    id: Slug
    drawing: Slug | None = None
    title: Text
    steps: Annotated[tuple[Text, ...], Field(min_length=2)]
    repeat: Text


class UrgentHelp(Frozen):
    """Red flags grouped by what to do, rendered as NHS.UK care cards."""

    emergency: tuple[Text, ...] = ()  # call 999 or go to A&E
    urgent: tuple[Text, ...] = ()  # urgent GP appointment today or NHS 111
    see_gp: tuple[Text, ...] = ()  # routine GP appointment

    @model_validator(mode="after")
    def _says_when_to_get_help(self) -> UrgentHelp:
        if not (self.emergency or self.urgent):
            raise ValueError("a page must say when to get urgent help (emergency or urgent)")
        return self


class Support(Frozen):
    name: Name
    description: Text
    url: HttpUrl | None = None
    phone: Annotated[str, Field(pattern=r"^[0-9 ]{6,16}$")] | None = None


class AdviceFrontMatter(Frozen):
    slug: Slug
    lang: Language
    title: Text
    summary: Text
    topics: Annotated[tuple[Topic, ...], Field(min_length=1)]
    last_reviewed: date
    clinically_reviewed: bool
    # Who reviewed this language version; a review nobody signed is not a review.
    reviewed_by: Name | None = None
    sources: Annotated[tuple[AdviceSource, ...], Field(min_length=1)]
    exercises: tuple[Exercise, ...] = ()
    urgent_help: UrgentHelp
    support: Annotated[tuple[Support, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _review_is_signed(self) -> AdviceFrontMatter:
        if self.clinically_reviewed != (self.reviewed_by is not None):
            raise ValueError("clinically_reviewed: true needs reviewed_by, and only then")
        return self


@dataclass(frozen=True)
class AdvicePage:
    meta: AdviceFrontMatter
    body: str  # Markdown

    @property
    def rtl(self) -> bool:
        return self.meta.lang in RIGHT_TO_LEFT


@dataclass(frozen=True)
class AdviceLibrary:
    pages: Mapping[str, Mapping[Language, AdvicePage]]
    drawings: Path

    def page(self, slug: str, lang: str) -> AdvicePage | None:
        # Every page exists in every language (the loader refuses anything less).
        versions = cast(Mapping[str, AdvicePage], self.pages.get(slug, {}))
        return versions.get(lang)

    def in_language(self, lang: str) -> list[AdvicePage]:
        found = [self.page(slug, lang) for slug in self.pages]
        return sorted((page for page in found if page), key=lambda page: page.meta.title)


def split_front_matter(text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER:
        raise YamlError("line 1: a page starts with '---' and its front matter")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FRONT_MATTER:
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    raise YamlError("the front matter is not closed with '---'")


def _read_page(path: Path, relative: str, problems: list[Problem]) -> AdvicePage | None:
    try:
        front, body = split_front_matter(path.read_text(encoding="utf-8"))
        meta = AdviceFrontMatter.model_validate(read_yaml_text(front))
    except YamlError as error:
        problems.append(Problem(relative, "", str(error)))
        return None
    except ValidationError as error:
        problems.extend(from_validation_error(relative, error))
        return None
    if not relative.endswith(f"/advice/{meta.slug}/{meta.lang}.md"):
        problems.append(Problem(relative, "slug", "slug and lang must match the folder and file"))
    if body.count("\n## ") + body.startswith("## ") < 2:
        problems.append(Problem(relative, "body", "expected at least 2 '## ' sections"))
    return AdvicePage(meta=meta, body=body)


def _shape(page: AdvicePage) -> tuple[object, ...]:
    meta = page.meta
    return (meta.topics, tuple((e.id, e.drawing, len(e.steps)) for e in meta.exercises))


def _check_versions(slug: str, versions: dict[Language, AdvicePage], root: Path) -> list[Problem]:
    label = f"{root.parent.name}/{root.name}/{slug}"
    problems = [
        Problem(f"{label}/{lang}.md", "", "missing translation")
        for lang in LANGUAGES
        if lang not in versions
    ]
    english = versions.get("en")
    for lang, page in versions.items():
        where = f"{label}/{lang}.md"
        if english and _shape(page) != _shape(english):
            problems.append(
                Problem(where, "exercises", "topics, exercises and steps must match the English")
            )
        for exercise in page.meta.exercises:
            drawing = root / "drawings" / f"{exercise.drawing}.svg"
            if exercise.drawing and not drawing.is_file():
                problems.append(Problem(where, f"exercises.{exercise.id}", f"no {drawing.name}"))
    return problems


def read_advice(root: Path) -> tuple[AdviceLibrary, list[Problem]]:
    """Read every page under ``root`` (``content/advice``); return what loaded and what is wrong."""
    problems: list[Problem] = []
    pages: dict[str, dict[Language, AdvicePage]] = {}
    for path in sorted(root.glob("*/*.md")):
        relative = path.relative_to(root.parent.parent).as_posix()
        page = _read_page(path, relative, problems)
        if page is not None:
            pages.setdefault(page.meta.slug, {})[page.meta.lang] = page
    for slug, versions in sorted(pages.items()):
        problems.extend(_check_versions(slug, versions, root))
    frozen = {slug: MappingProxyType(dict(v)) for slug, v in pages.items()}
    return AdviceLibrary(pages=MappingProxyType(frozen), drawings=root / "drawings"), problems


def load_advice(root: Path) -> AdviceLibrary:
    library, problems = read_advice(root)
    if problems:
        raise ContentError(problems)
    return library
