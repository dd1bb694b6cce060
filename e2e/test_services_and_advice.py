"""Finding a service and reading advice, in a phone-sized browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.site import Site


class TestFindingAService:
    def test_find_service_by_practice_code_and_open_it(self, site: Site) -> None:
        site.goto("/services/")
        site.page.get_by_label("GP practice name or code").fill("M83803")
        site.submit(site.page.get_by_role("button", name="Search"))
        card = site.page.locator(".nhsuk-card").first
        expect(card).to_contain_text("Cathedral Close Surgery")
        expect(card.locator("li").first).to_contain_text("Recommended for your practice")
        site.follow(card.get_by_role("link", name="IPOPS Community MSK Service"))
        expect(site.page.locator("h1")).to_have_text("IPOPS Community MSK Service")
        expect(site.page.locator("main")).to_contain_text("You cannot refer yourself")

    def test_empty_search_shows_an_error_summary_that_links_to_the_field(self, site: Site) -> None:
        site.goto("/services/")
        site.submit(site.page.get_by_role("button", name="Search"))
        summary = site.page.locator(".nhsuk-error-summary")
        expect(summary).to_contain_text("Enter the name or code of your GP practice")
        summary.get_by_role("link").click()
        expect(site.page.locator("#practice")).to_be_focused()

    def test_search_by_name_using_only_the_keyboard(self, site: Site) -> None:
        site.goto("/services/")
        site.page.locator("#practice").focus()
        site.page.keyboard.type("kilburn")
        with site.page.expect_navigation():
            site.page.keyboard.press("Enter")
        site.check_page()
        expect(site.page.locator(".nhsuk-card").first).to_contain_text("Kilburn High Road Surgery")

    def test_choose_an_area_in_urdu(self, site: Site) -> None:
        site.goto("/services/?lang=ur")
        assert site.html_attributes() == ("ur", "rtl")
        site.follow(site.page.get_by_role("link", name="Westminster"))
        expect(site.page.locator("main a[href='/services/nwl-msk']")).to_be_visible()


class TestReadingAdvice:
    def test_read_an_advice_page_in_urdu_with_rtl_steps_and_care_cards(self, site: Site) -> None:
        site.goto("/advice/?lang=ur")
        site.follow(site.page.locator("main a[href='/advice/low-back-pain']"))
        assert site.html_attributes() == ("ur", "rtl")
        steps = site.page.locator(".openmsk-exercise ol").first
        expect(steps).to_be_visible()
        assert steps.evaluate("el => getComputedStyle(el).direction") == "rtl"
        expect(site.page.locator(".nhsuk-card--care--emergency")).to_contain_text("999")

    def test_printing_hides_navigation_but_keeps_the_advice(self, site: Site) -> None:
        site.goto("/advice/sciatica")
        site.page.emulate_media(media="print")
        expect(site.page.locator(".openmsk-language-switcher")).to_be_hidden()
        expect(site.page.locator(".openmsk-no-print")).to_be_hidden()
        expect(site.page.locator(".openmsk-exercise").first).to_be_visible()
        pdf = site.page.request.get(f"{site.base_url}/advice/sciatica.pdf?lang=en")
        assert pdf.status == 200 and pdf.body().startswith(b"%PDF-")

    def test_search_advice_without_javascript(self, no_js_site: Site) -> None:
        no_js_site.goto("/advice/")
        no_js_site.page.get_by_label("Search advice").fill("knee")
        no_js_site.submit(no_js_site.page.get_by_role("button", name="Search"))
        expect(
            no_js_site.page.locator("#search-results a[href='/advice/knee-pain']")
        ).to_be_visible()

    @pytest.mark.parametrize(
        "path", ["/advice/", "/advice/knee-pain", "/services/", "/services/nwl-msk"]
    )
    def test_section_fits_a_320_pixel_screen(self, site: Site, path: str) -> None:
        site.page.set_viewport_size({"width": 320, "height": 640})
        site.goto(f"{path}?lang=ar")
        assert site.page.evaluate("document.documentElement.scrollWidth") <= 320
