"""The site's spine in a real browser: languages, layout, errors, keyboard, narrow screens."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from e2e.site import Site
from webapp.i18n import LANGUAGES

LANGUAGE_PARAMS = [pytest.param(lang.code, lang.direction, id=lang.code) for lang in LANGUAGES]
PAGES = [
    pytest.param("/", id="start"),
    pytest.param("/privacy", id="privacy"),
    pytest.param("/accessibility", id="accessibility"),
    pytest.param("/contact", id="contact"),
]


class TestStartPage:
    @pytest.mark.parametrize(("code", "direction"), LANGUAGE_PARAMS)
    def test_start_page_in_every_language(self, site: Site, code: str, direction: str) -> None:
        site.goto(f"/?lang={code}")
        assert site.html_attributes() == (code, direction)
        expect(site.page.locator("h1")).to_be_visible()
        expect(site.page.locator(".nhsuk-card--warning")).to_contain_text("999")

    @pytest.mark.parametrize("site", ["desktop"], indirect=True)
    def test_start_page_on_a_desktop(self, site: Site) -> None:
        site.goto("/")
        expect(site.page.locator("footer")).to_contain_text("Privacy notice")


class TestEveryPage:
    @pytest.mark.parametrize("code", ["en", "ur"])
    @pytest.mark.parametrize("path", PAGES)
    def test_page_fits_a_320_pixel_screen(self, site: Site, path: str, code: str) -> None:
        site.page.set_viewport_size({"width": 320, "height": 640})
        site.goto(f"{path}?lang={code}")
        overflow = site.page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 320, f"{path} is {overflow}px wide at 320px"

    @pytest.mark.parametrize(("code", "direction"), LANGUAGE_PARAMS)
    def test_privacy_notice_in_every_language(self, site: Site, code: str, direction: str) -> None:
        site.goto(f"/privacy?lang={code}")
        assert site.html_attributes() == (code, direction)


class TestLanguageSwitcher:
    def test_switching_without_javascript_is_remembered(self, no_js_site: Site) -> None:
        no_js_site.goto("/")
        no_js_site.follow(no_js_site.page.get_by_role("link", name="اردو"))
        assert no_js_site.html_attributes() == ("ur", "rtl")
        no_js_site.follow(no_js_site.page.locator("footer a[href='/privacy']"))
        assert no_js_site.html_attributes() == ("ur", "rtl")
        assert no_js_site.page.url.endswith("/privacy")

    def test_switching_back_to_english(self, site: Site) -> None:
        site.goto("/accessibility?lang=ar")
        site.follow(site.page.get_by_role("link", name="English"))
        assert site.html_attributes() == ("en", "ltr")
        expect(site.page.locator("h1")).to_have_text("Accessibility statement")


class TestKeyboard:
    def test_skip_link_is_the_first_stop_and_reaches_the_content(self, site: Site) -> None:
        site.goto("/")
        site.page.keyboard.press("Tab")
        focused = site.page.locator(":focus")
        expect(focused).to_have_text("Skip to main content")
        site.page.keyboard.press("Enter")
        assert site.page.evaluate("location.hash") == "#maincontent"

    def test_every_link_in_the_header_and_footer_is_reachable_by_tab(self, site: Site) -> None:
        site.goto("/")
        expected = site.page.locator("header a, nav a, footer a").count()
        reached = set()
        for _ in range(expected + 10):
            site.page.keyboard.press("Tab")
            reached.add(site.page.evaluate("document.activeElement.getAttribute('href')"))
        for href in ("/privacy", "/accessibility", "/contact", "?lang=ur"):
            assert href in reached, f"{href} never received focus"


class TestErrorsAndHealth:
    @pytest.mark.parametrize("code", ["en", "ar"])
    def test_not_found_page(self, site: Site, code: str) -> None:
        site.goto(f"/no-such-page?lang={code}", status=404)
        assert site.html_attributes()[0] == code
        expect(site.page.locator("main a[href='/']")).to_be_visible()

    def test_healthz_reports_ok(self, site: Site) -> None:
        response = site.page.request.get(f"{site.base_url}/healthz")
        assert response.status == 200
        body = json.loads(response.text())
        assert body["status"] == "ok" and body["database"] is True

    def test_real_server_discloses_no_version(self, site: Site) -> None:
        headers = site.page.request.get(f"{site.base_url}/").headers
        assert "/" not in headers.get("server", ""), headers.get("server")
        assert "x-powered-by" not in headers
