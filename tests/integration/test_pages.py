"""Every public page renders, in every language, with what every page must carry."""

from __future__ import annotations

import pytest

from tests.integration.pages import PageChecker
from webapp.i18n import LANGUAGES

PUBLIC_PAGES = [
    pytest.param("/", id="start page"),
    pytest.param("/privacy", id="privacy notice"),
    pytest.param("/accessibility", id="accessibility statement"),
    pytest.param("/contact", id="contact page"),
]
LANGUAGE_CODES = [pytest.param(language.code, id=language.code) for language in LANGUAGES]


class TestEveryPageInEveryLanguage:
    @pytest.mark.parametrize("lang", LANGUAGE_CODES)
    @pytest.mark.parametrize("path", PUBLIC_PAGES)
    def test_page_renders_fully_translated(self, pages: PageChecker, path: str, lang: str) -> None:
        page = pages.get(f"{path}?lang={lang}", lang=lang)
        assert page.find(id="maincontent") is not None

    @pytest.mark.parametrize("lang", LANGUAGE_CODES)
    def test_not_found_page_is_in_the_visitors_language(
        self, pages: PageChecker, lang: str
    ) -> None:
        page = pages.get(f"/no-such-page?lang={lang}", status=404, lang=lang)
        assert page.find("a", href="/") is not None, "404 page links back to the start"


class TestLayout:
    def test_layout_has_skip_link_header_banner_switcher_and_footer(
        self, pages: PageChecker
    ) -> None:
        page = pages.get("/")
        skip = page.find("a", class_="nhsuk-skip-link")
        assert skip is not None and skip["href"] == "#maincontent"
        assert page.find("header", class_="nhsuk-header") is not None
        assert page.find(class_="openmsk-phase-banner") is not None
        footer_links = {a["href"] for a in page.select("footer a")}
        assert {"/privacy", "/accessibility", "/contact"} <= footer_links

    def test_language_switcher_offers_each_language_in_its_own_name(
        self, pages: PageChecker
    ) -> None:
        page = pages.get("/privacy")
        nav = page.find("nav", class_="openmsk-language-switcher")
        links = {a["lang"]: a for a in nav.find_all("a")}
        assert set(links) == {"pl", "ro", "bn", "ur", "ar"}
        assert links["ur"]["href"] == "?lang=ur"
        assert links["ur"]["dir"] == "rtl" and links["ur"].get_text(strip=True) == "اردو"
        current = nav.find(attrs={"aria-current": "true"})
        assert current.get_text(strip=True) == "English"

    def test_start_page_warns_about_emergencies_before_anything_else(
        self, pages: PageChecker
    ) -> None:
        page = pages.get("/")
        callout = page.find(class_="nhsuk-card--warning")
        assert callout is not None and "999" in callout.get_text()

    def test_stylesheet_and_script_come_from_our_own_origin(self, pages: PageChecker) -> None:
        page = pages.get("/")
        sources = [
            tag.get("src") or tag.get("href") for tag in page.select("script[src], link[href]")
        ]
        assert sources and all(src.startswith("/") for src in sources), sources
