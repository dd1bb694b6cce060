"""The advice library: index, search, every page in every language, drawings, PDF booklets."""

from __future__ import annotations

import io
import unicodedata

import pytest
from flask.testing import FlaskClient
from pypdf import PdfReader

from tests.integration.pages import PageChecker
from webapp.content.advice import read_advice
from webapp.content.loader import DEFAULT_ROOT
from webapp.i18n import LANGUAGES

LIBRARY, _ = read_advice(DEFAULT_ROOT / "advice")
SLUGS = sorted(LIBRARY.pages)
CODES = [lang.code for lang in LANGUAGES]


def squash(text: str) -> str:
    # PDF text comes back in presentation forms and with its own spacing; compare letters only.
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


class TestAdvicePages:
    @pytest.mark.parametrize("lang", CODES)
    @pytest.mark.parametrize("slug", SLUGS)
    def test_every_page_renders_in_every_language(
        self, pages: PageChecker, slug: str, lang: str
    ) -> None:
        page = pages.get(f"/advice/{slug}?lang={lang}", lang=lang)
        expected = LIBRARY.pages[slug][lang].meta  # type: ignore[index]
        assert page.find("h1").get_text(strip=True) == expected.title
        assert page.select(".nhsuk-card--care"), "urgent help is shown as care cards"
        assert page.find("a", href=f"/advice/{slug}.pdf?lang={lang}") is not None

    def test_exercise_steps_are_a_numbered_list_beside_the_drawing(
        self, pages: PageChecker
    ) -> None:
        page = pages.get("/advice/low-back-pain")
        exercise = page.select_one(".openmsk-exercise")
        assert exercise.select("ol li") and exercise.find("img")["alt"].startswith("Drawing")

    def test_translation_notice_links_to_the_english_page(self, pages: PageChecker) -> None:
        page = pages.get("/advice/sciatica?lang=ur", lang="ur")
        link = page.select_one(".nhsuk-inset-text a[hreflang='en']")
        assert link is not None and link["href"] == "/advice/sciatica?lang=en"

    @pytest.mark.parametrize("lang", ["en", "bn"])
    def test_unknown_page_is_a_404_linking_to_the_library(
        self, pages: PageChecker, lang: str
    ) -> None:
        page = pages.get(f"/advice/no-such-condition?lang={lang}", status=404, lang=lang)
        assert page.find("main").find("a", href="/advice/") is not None


class TestIndexAndSearch:
    def test_index_lists_every_page_under_its_body_area(self, pages: PageChecker) -> None:
        page = pages.get("/advice/")
        linked = {a["href"].removeprefix("/advice/") for a in page.select("main ul a")}
        assert set(SLUGS) <= linked
        headings = [h.get_text(strip=True) for h in page.select("main h2")]
        assert "Lower back" in headings and "Knee" in headings

    def test_search_works_without_javascript_and_finds_by_title_first(
        self, pages: PageChecker
    ) -> None:
        page = pages.get("/advice/?q=sciatica")
        results = [a["href"] for a in page.select("#search-results a")]
        assert results[0] == "/advice/sciatica"
        assert page.find("input", id="advice-search")["value"] == "sciatica"

    def test_search_in_another_language_searches_that_language(self, pages: PageChecker) -> None:
        title = LIBRARY.pages["knee-pain"]["pl"].meta.title  # type: ignore[index]
        page = pages.get(f"/advice/?q={title}&lang=pl", lang="pl")
        assert "/advice/knee-pain" in [a["href"] for a in page.select("#search-results a")]

    def test_search_with_no_results_says_so(self, pages: PageChecker) -> None:
        text = pages.get("/advice/?q=xylophone").get_text()
        assert "0 pages found" in text and "Check the spelling" in text


class TestDrawings:
    def test_drawing_is_served_as_svg_and_cached(self, client: FlaskClient) -> None:
        drawing = LIBRARY.pages["low-back-pain"]["en"].meta.exercises[0].drawing  # type: ignore[index]
        response = client.get(f"/advice/drawings/{drawing}.svg")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert "max-age" in response.headers["Cache-Control"]

    def test_publicly_cached_drawings_never_set_a_language_cookie(
        self, client: FlaskClient
    ) -> None:
        drawing = LIBRARY.pages["knee-pain"]["en"].meta.exercises[0].drawing  # type: ignore[index]
        response = client.get(f"/advice/drawings/{drawing}.svg?lang=pl")
        assert response.status_code == 200 and "Set-Cookie" not in response.headers

    # The client decodes %2F before routing, so a traversal cannot even reach the view; these
    # names do reach it, and its own check must refuse them.
    @pytest.mark.parametrize("name", ["missing", "a.b", "a_b", "..."])
    def test_unknown_or_crafted_drawing_names_are_404(self, client: FlaskClient, name: str) -> None:
        assert client.get(f"/advice/drawings/{name}.svg").status_code == 404


class TestPdfBooklets:
    @pytest.mark.parametrize("lang", CODES)
    def test_booklet_is_a_pdf_with_the_title_in_its_own_script(
        self, client: FlaskClient, lang: str
    ) -> None:
        response = client.get(f"/advice/knee-pain.pdf?lang={lang}")
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert response.data.startswith(b"%PDF-")
        reader = PdfReader(io.BytesIO(response.data))
        text = squash(" ".join(page.extract_text() for page in reader.pages))
        title = squash(LIBRARY.pages["knee-pain"][lang].meta.title)  # type: ignore[index]
        assert title in text, f"{lang}: title {title!r} not found in the PDF text"

    def test_booklet_is_cached_only_by_this_browser(self, client: FlaskClient) -> None:
        response = client.get("/advice/knee-pain.pdf?lang=pl")
        assert "private" in response.headers["Cache-Control"]
        assert "public" not in response.headers["Cache-Control"]
        assert {"Cookie", "Accept-Language"} <= set(response.vary)

    def test_unknown_booklet_is_a_404(self, client: FlaskClient) -> None:
        assert client.get("/advice/no-such-condition.pdf").status_code == 404
