"""Referring yourself in a phone-sized browser: routine, in Urdu, and an emergency stop."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from playwright.sync_api import expect

from e2e.site import Site
from tests.integration.test_referral_journey import ROUTINE_ADULT

CONTINUE = "main form button[type='submit']"


def answer_page(site: Site, answers: Mapping[str, Any]) -> None:
    page = site.page
    for name, value in answers.items():
        values = value if isinstance(value, list) else [value]
        field = page.locator(f"[name='{name}']").first
        kind = field.get_attribute("type")
        if kind in ("radio", "checkbox"):
            for chosen in values:
                # The label is what a person taps; the input itself is visually replaced.
                input_id = page.locator(f"[name='{name}'][value='{chosen}']").get_attribute("id")
                page.locator(f"label[for='{input_id}']").click()
        else:
            field.fill(value)
    site.submit(page.locator(CONTINUE))


def walk(
    site: Site, service_id: str, answers: Mapping[str, Mapping[str, Any]], lang: str = "en"
) -> str:
    site.goto(f"/refer/{service_id}?lang={lang}")
    site.submit(site.page.locator("main form button[type='submit']"))
    for _ in range(80):
        page_id = site.page.url.rsplit("/", 1)[1]
        if page_id in ("check-answers", "stop", "not-eligible"):
            return page_id
        if page_id in answers:
            answer_page(site, answers[page_id])
        else:
            assert page_id.startswith("red-flag-"), f"no answer for {page_id}"
            answer_page(site, {page_id.removeprefix("red-flag-").replace("-", "_"): "no"})
    raise AssertionError("the questionnaire never ended")


class TestSelfReferral:
    def test_a_routine_referral_from_the_service_page_to_the_confirmation(self, site: Site) -> None:
        site.goto("/services/nwl-msk")
        site.follow(site.page.get_by_role("button", name="Refer yourself online"))
        assert walk(site, "nwl-msk", ROUTINE_ADULT) == "check-answers"
        expect(site.page.locator("main")).to_contain_text("Kilburn High Road Surgery")
        site.submit(site.page.get_by_role("button", name="Send referral"))
        expect(site.page.locator(".nhsuk-panel")).to_contain_text("Your reference number")
        expect(site.page.locator("main")).to_contain_text("will look at your referral by")

    def test_a_routine_referral_in_urdu(self, site: Site) -> None:
        assert walk(site, "nwl-msk", ROUTINE_ADULT, lang="ur") == "check-answers"
        assert site.html_attributes() == ("ur", "rtl")
        site.submit(site.page.locator(CONTINUE))
        expect(site.page.locator(".nhsuk-panel")).to_be_visible()

    def test_an_emergency_answer_stops_the_form_with_what_to_do(self, site: Site) -> None:
        answers = {**ROUTINE_ADULT, "red-flag-saddle-numbness": {"saddle_numbness": "yes"}}
        assert walk(site, "nwl-msk", answers) == "stop"
        expect(site.page.locator("h1")).to_contain_text("Call 999 now or go to A&E")
        site.page.locator("label[for='call_back-2']").click()
        site.submit(site.page.get_by_role("button", name="Finish"))
        expect(site.page.locator("main")).to_contain_text("Your answers have been deleted")

    def test_a_wrong_date_is_named_and_kept(self, site: Site) -> None:
        site.goto("/refer/nwl-msk")
        site.submit(site.page.locator("main form button[type='submit']"))
        answer_page(site, ROUTINE_ADULT["who"])
        answer_page(site, ROUTINE_ADULT["name"])
        answer_page(
            site,
            {
                "date_of_birth[day]": "30",
                "date_of_birth[month]": "2",
                "date_of_birth[year]": "1990",
            },
        )
        summary = site.page.locator(".nhsuk-error-summary")
        expect(summary).to_contain_text("Date must be a real date")
        summary.get_by_role("link").click()
        expect(site.page.locator("#date_of_birth-day")).to_be_focused()
        expect(site.page.locator("#date_of_birth-day")).to_have_value("30")
