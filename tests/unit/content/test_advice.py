"""Advice pages: the schema, the cross-language checks, and the real library."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from webapp.content.advice import load_advice, read_advice, split_front_matter
from webapp.content.problems import ContentError
from webapp.content.text import LANGUAGES

REAL_ADVICE = Path(__file__).resolve().parents[3] / "content" / "advice"
REQUIRED_SLUGS = {
    "low-back-pain",
    "sciatica",
    "neck-pain",
    "shoulder-pain",
    "knee-pain",
    "hip-pain",
    "tennis-elbow",
    "carpal-tunnel-syndrome",
    "plantar-heel-pain",
    "ankle-sprain",
    "hand-and-wrist-pain",
    "persistent-pain",
    "fibromyalgia",
    "me-cfs",
    "flare-ups",
    "osteoporosis",
    "copd-flare-up-plan",
    "asthma-action-plan",
    "diabetes-when-unwell",
    "heart-failure-daily-checks",
}
BODY = "## What it is\n\nText.\n\n## What helps\n\nMore text.\n"


def front_matter(slug: str, lang: str) -> dict[str, object]:
    return {
        "slug": slug,
        "lang": lang,
        "title": f"Title {lang}",
        "summary": "A summary.",
        "topics": ["knee"],
        "last_reviewed": "2026-11-23",
        "clinically_reviewed": False,
        "sources": [{"title": "Osteoarthritis", "publisher": "NICE", "reference": "NG226"}],
        "exercises": [
            {
                "id": "squat",
                "drawing": "knee-squat",
                "title": "Squat",
                "steps": ["Stand up.", "Bend."],
                "repeat": "10 times.",
            }
        ],
        "urgent_help": {"emergency": ["a hot swollen knee with a fever"]},
        "support": [{"name": "Versus Arthritis", "description": "Help.", "phone": "0800 5200 520"}],
    }


class Library:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "drawings").mkdir(parents=True)
        (root / "drawings" / "knee-squat.svg").write_text("<svg/>")

    def write(
        self,
        slug: str,
        lang: str,
        meta: dict[str, object] | None = None,
        body: str = BODY,
        raw: str | None = None,
    ) -> None:
        folder = self.root / slug
        folder.mkdir(exist_ok=True)
        text = (
            raw
            if raw is not None
            else (
                "---\n"
                + yaml.safe_dump(meta or front_matter(slug, lang), allow_unicode=True)
                + "---\n"
                + body
            )
        )
        (folder / f"{lang}.md").write_text(text, encoding="utf-8")

    def write_all(self, slug: str = "knee-pain") -> None:
        for lang in LANGUAGES:
            self.write(slug, lang)

    def problems(self) -> list[str]:
        return [str(problem) for problem in read_advice(self.root)[1]]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "content" / "advice")


def broken(field: str, value: object) -> dict[str, object]:
    meta = front_matter("knee-pain", "pl")
    meta[field] = value
    return meta


class TestAValidLibrary:
    def test_a_page_in_every_language_loads(self, library: Library) -> None:
        library.write_all()
        loaded = load_advice(library.root)
        assert loaded.page("knee-pain", "ur") is not None
        assert loaded.page("knee-pain", "ur").rtl  # type: ignore[union-attr]
        assert loaded.page("no-such-page", "en") is None

    def test_front_matter_and_body_are_split_at_the_closing_rule(self) -> None:
        assert split_front_matter("---\na: 1\n---\n## Body\n") == ("a: 1\n", "## Body\n")


class TestBrokenPagesAreNamed:
    @pytest.mark.parametrize(
        ("meta", "body", "expected"),
        [
            pytest.param(broken("sources", []), BODY, "sources", id="a page without sources"),
            pytest.param(
                broken("last_reviewed", "2026-02-30"),
                BODY,
                "last_reviewed",
                id="a review date that does not exist",
            ),
            pytest.param(broken("topics", ["elbows"]), BODY, "topics", id="an unknown topic"),
            pytest.param(
                broken("urgent_help", {"see_gp": ["x"]}),
                BODY,
                "urgent_help",
                id="a page that never says when to get urgent help",
            ),
            pytest.param(
                broken("lang", "fr"), BODY, "lang", id="a language the site does not have"
            ),
            pytest.param(
                broken("slug", "other-page"),
                BODY,
                "slug",
                id="a slug that does not match its folder",
            ),
            pytest.param(
                front_matter("knee-pain", "pl"),
                "## Only one section\n",
                "body",
                id="a body with fewer than two sections",
            ),
            pytest.param(
                broken("exercises", [{"id": "x", "title": "X", "steps": ["one"], "repeat": "r"}]),
                BODY,
                "steps",
                id="an exercise with a single step",
            ),
        ],
    )
    def test_problem_names_the_file_and_field(
        self, library: Library, meta: dict[str, object], body: str, expected: str
    ) -> None:
        library.write_all()
        library.write("knee-pain", "pl", meta=meta, body=body)
        problems = library.problems()
        assert problems, "the broken page was accepted"
        assert any("content/advice/knee-pain/pl.md" in p and expected in p for p in problems), (
            problems
        )

    def test_missing_translation_is_named(self, library: Library) -> None:
        library.write_all()
        (library.root / "knee-pain" / "bn.md").unlink()
        assert library.problems() == [
            "content/advice/knee-pain/bn.md: (whole file): missing translation"
        ]

    def test_translation_that_drops_a_step_is_refused(self, library: Library) -> None:
        library.write_all()
        meta = front_matter("knee-pain", "ar")
        meta["exercises"] = [
            {
                "id": "squat",
                "drawing": "knee-squat",
                "title": "Squat",
                "steps": ["Stand up.", "Bend.", "Extra."],
                "repeat": "10 times.",
            }
        ]
        library.write("knee-pain", "ar", meta=meta)
        assert any("ar.md" in p and "must match the English" in p for p in library.problems())

    def test_missing_drawing_is_named(self, library: Library) -> None:
        library.write_all()
        (library.root / "drawings" / "knee-squat.svg").unlink()
        assert any("knee-squat.svg" in p for p in library.problems())

    @pytest.mark.parametrize(
        "raw",
        [
            pytest.param("no front matter\n", id="no front matter at all"),
            pytest.param("---\ntitle: x\n", id="front matter never closed"),
            pytest.param("---\ntitle: [unclosed\n---\n" + BODY, id="front matter that is not YAML"),
        ],
    )
    def test_unreadable_page_is_named(self, library: Library, raw: str) -> None:
        library.write_all()
        library.write("knee-pain", "ro", raw=raw)
        assert any(p.startswith("content/advice/knee-pain/ro.md") for p in library.problems())

    def test_loading_a_broken_library_raises_with_every_problem(self, library: Library) -> None:
        library.write_all()
        (library.root / "knee-pain" / "bn.md").unlink()
        (library.root / "knee-pain" / "ur.md").unlink()
        with pytest.raises(ContentError) as raised:
            load_advice(library.root)
        assert len(raised.value.problems) == 2


class TestTheRealLibrary:
    def test_every_required_page_exists_in_every_language_without_problems(self) -> None:
        library, problems = read_advice(REAL_ADVICE)
        assert [str(p) for p in problems] == []
        assert set(library.pages) >= REQUIRED_SLUGS
        for slug in REQUIRED_SLUGS:
            assert set(library.pages[slug]) == set(LANGUAGES), slug

    def test_every_page_cites_guidance_and_says_when_to_get_urgent_help(self) -> None:
        library, _ = read_advice(REAL_ADVICE)
        for versions in library.pages.values():
            english = versions["en"].meta
            assert english.sources and (english.urgent_help.emergency or english.urgent_help.urgent)
