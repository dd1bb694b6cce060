"""The service finder and service pages, as a patient or GP uses them."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.integration.pages import PageChecker
from webapp.content import load_catalogue
from webapp.i18n import LANGUAGES

SERVICE_IDS = sorted(load_catalogue().services)


class TestServicePages:
    @pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    def test_every_service_page_renders_in_every_language(
        self, pages: PageChecker, service_id: str, lang: str
    ) -> None:
        page = pages.get(f"/services/{service_id}?lang={lang}", lang=lang)
        assert page.find("h1").get_text(strip=True)
        assert "999" in page.get_text()

    @pytest.mark.parametrize(
        ("service_id", "present", "absent"),
        [
            pytest.param(
                "imsk-central-lancs",
                ["For a routine referral, you are offered a first appointment within 35 days"],
                ["Otherwise", "You can refer yourself."],
                id="Chorley: no dangling 'otherwise' and one self-referral sentence",
            ),
            pytest.param(
                "ltc-staffs",
                ["You cannot refer yourself"],
                ["hour", "responds within"],
                id="long-term conditions: professional-only hour limits are not told (D-16)",
            ),
            pytest.param(
                "camden-cims",
                ["you can refer yourself again or see your GP"],
                ["Phone"],
                id="Camden: self-referrers may come back; no empty phone route",
            ),
            pytest.param(
                "ipops",
                [
                    "This only counts appointments you have agreed to.",
                    "Monday, Tuesday, Wednesday, Thursday and Friday: 08:00 to 18:30",
                ],
                ["AM", "PM"],
                id="IPOPS: missed appointments only if accepted; British times and lists",
            ),
        ],
    )
    def test_page_says_what_is_true_and_nothing_misleading(
        self, client: FlaskClient, service_id: str, present: list[str], absent: list[str]
    ) -> None:
        html = client.get(f"/services/{service_id}").get_data(as_text=True)
        main = " ".join(re.sub(r"<[^>]+>", " ", html[html.index('id="maincontent"') :]).split())
        main = main.replace("&#39;", "'")
        for phrase in present:
            assert phrase in main, phrase
        for phrase in absent:
            assert phrase not in main, phrase

    @pytest.mark.parametrize(
        ("service_id", "expected"),
        [
            pytest.param(
                "nwl-msk",
                [
                    "within 3 working days",
                    "within 14 days",
                    "within 28 days",
                    "You can refer yourself.",
                ],
                id="NWL: triage and booking limits, self-referral",
            ),
            pytest.param(
                "ipops",
                [
                    "You cannot refer yourself",
                    "within 27 days",
                    "you fill in the questions your GP sent you",
                ],
                id="IPOPS: no self-referral (D-1), 27 days from opting in (D-15)",
            ),
            pytest.param(
                "imsk-central-lancs",
                ["only for: physiotherapy", "within 2 months", "For people aged 18 and over."],
                id="Chorley: self-referral for physiotherapy only, 2-month follow-up",
            ),
            pytest.param(
                "cyp-stoke",
                [
                    "aged 5 to 19, or up to 25 with an Education, Health and Care plan",
                    "Young people aged 16 or over can refer themselves.",
                ],
                id="children's service: ages with the EHC plan extension (D-6, D-7)",
            ),
            pytest.param(
                "mid-notts-cpms",
                ["up to 12 months", "Mansfield"],
                id="Mid Notts: follow-up agreed at discharge, clinic list",
            ),
        ],
    )
    def test_page_tells_the_rules_from_the_content(
        self, client: FlaskClient, service_id: str, expected: list[str]
    ) -> None:
        text = " ".join(client.get(f"/services/{service_id}").get_data(as_text=True).split())
        for phrase in expected:
            assert phrase in text, phrase

    def test_sample_practice_lists_are_said_to_be_examples(self, pages: PageChecker) -> None:
        assert "are examples" in pages.get("/services/nwl-msk").get_text()

    @pytest.mark.parametrize("lang", ["en", "ar"])
    def test_unknown_service_is_a_404_linking_to_the_finder(
        self, pages: PageChecker, lang: str
    ) -> None:
        page = pages.get(f"/services/no-such-service?lang={lang}", status=404, lang=lang)
        assert page.find("main").find("a", href="/services/") is not None


class TestFinder:
    def test_finder_page_lists_every_area(self, pages: PageChecker) -> None:
        page = pages.get("/services/")
        areas = [a.get_text(strip=True) for a in page.select("main ul a[href*='area=']")]
        assert "Cannock Chase" in areas and "Westminster" in areas and areas == sorted(areas)

    def test_search_by_code_shows_both_staffordshire_services_recommended_first(
        self, pages: PageChecker
    ) -> None:
        page = pages.get("/services/?practice=M83601")
        card = page.select_one(".nhsuk-card")
        assert "Hatherton Street Surgery" in card.get_text()
        links = [a["href"] for a in card.select("a")]
        assert links == ["/services/micats", "/services/ipops"]
        assert "Recommended for your practice" in card.select("li")[0].get_text()
        assert "Recommended" not in card.select("li")[1].get_text()

    def test_search_by_name_keeps_what_was_typed(self, pages: PageChecker) -> None:
        page = pages.get("/services/?practice=kilburn+high")
        assert "Kilburn High Road Surgery" in page.select_one(".nhsuk-card").get_text()
        assert page.find("input", id="practice")["value"] == "kilburn high"

    def test_no_match_explains_how_to_find_the_practice_code(self, pages: PageChecker) -> None:
        page = pages.get("/services/?practice=Nowhere+Surgery")
        text = page.get_text()
        assert "No GP practice found" in text and "a letter followed by 5 numbers" in text
        assert page.find("input", id="practice")["value"] == "Nowhere Surgery"

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            pytest.param("", "Enter the name or code of your GP practice", id="empty search"),
            pytest.param("   ", "Enter the name or code of your GP practice", id="only spaces"),
            pytest.param("x" * 101, "100 characters or fewer", id="too long"),
        ],
    )
    def test_bad_search_gets_an_error_summary_linked_to_the_field(
        self, pages: PageChecker, query: str, message: str
    ) -> None:
        page = pages.get(f"/services/?practice={query}")
        summary = page.select_one(".nhsuk-error-summary")
        assert summary is not None and message in summary.get_text()
        assert summary.find("a")["href"] == "#practice"
        assert message in page.select_one(".nhsuk-error-message").get_text()
        assert page.find("title").get_text().startswith("Error:")

    def test_choosing_an_area_lists_its_services(self, pages: PageChecker) -> None:
        page = pages.get("/services/?area=westminster")
        assert page.select_one("main a[href='/services/nwl-msk']") is not None
        assert page.select_one("a[aria-current='true']").get_text(strip=True) == "Westminster"

    def test_unknown_area_is_ignored_not_an_error(self, pages: PageChecker) -> None:
        pages.get("/services/?area=atlantis")
