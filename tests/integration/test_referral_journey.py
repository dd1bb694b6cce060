"""The self-referral journey through the web, as a patient or carer clicks through it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from tests.integration.pages import PageChecker
from webapp.extensions import db
from webapp.models import OutboxMessage
from webapp.models.referral import Referral, ReferralDraft, WorkItem

LONDON = ZoneInfo("Europe/London")
# Monday 23 November 2026, 10:00 in London.
MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=LONDON)
NWL_PRACTICE = "E84611"  # Kilburn High Road Surgery, in content/services/nwl-msk.yaml
CHORLEY_PRACTICE_QUERY = "Chorley"

ROUTINE_ADULT: dict[str, dict[str, Any]] = {
    "who": {"filled_in_by": "self"},
    "name": {"patient_name": "Ann Example"},
    "date-of-birth": {
        "date_of_birth[day]": "3",
        "date_of_birth[month]": "4",
        "date_of_birth[year]": "1970",
    },
    "where": {"body_sites": ["lower_back"]},
    "practice": {"gp_practice": NWL_PRACTICE},
    "other-conditions": {"other_conditions": ["none"]},
    "how-long": {"symptom_duration": "months_3_to_6"},
    "pain-score": {"pain_score": "6"},
    "start-back": {f"start_back_{n}": "agree" if n in (1, 3) else "disagree" for n in range(1, 9)},
    "start-back-bother": {"start_back_9": "moderately"},
    "msk-hq-pain": {
        f"msk_hq_{n}": v
        for n, v in (
            (1, "mild"),
            (2, "moderate"),
            (3, "slightly"),
            (4, "not_at_all"),
            (5, "slightly"),
        )
    },
    "msk-hq-daily-life": {
        "msk_hq_6": "slightly",
        "msk_hq_7": "moderately",
        "msk_hq_8": "never",
        "msk_hq_9": "some_nights",
        "msk_hq_10": "slight",
    },
    "msk-hq-coping": {
        "msk_hq_11": "slightly",
        "msk_hq_12": "very_well",
        "msk_hq_13": "moderately",
        "msk_hq_14": "moderately",
    },
    "problem": {"problem_description": "Aching low back since lifting boxes in the summer."},
    "nhs-number": {"nhs_number": "943 476 5919"},
    "postcode": {"postcode": "nw6 7hy"},
    "phone": {"phone": "07700 900982"},
    "email": {"email": "ann@example.com"},
    "contact-preference": {"contact_preference": "email"},
    "needs": {"support_needs": ["nothing"]},
}

CARER_DETAILS = {
    "carer_name": "Bea Example",
    "carer_relationship": "child",
    "carer_phone": "01632 960001",
}


def csrf_token(body: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', body)
    assert match, "every form carries a CSRF token"
    return match.group(1)


class Walker:
    """Clicks through the questionnaire with given answers; red flags are "no" unless given."""

    def __init__(self, client: FlaskClient, pages: PageChecker, service_id: str, lang: str = "en"):
        self.client, self.pages, self.service_id, self.lang = client, pages, service_id, lang
        self.visited: list[str] = []

    def start(self) -> str:
        body = self.pages.get(f"/refer/{self.service_id}?lang={self.lang}", lang=self.lang)
        response = self.client.post(
            f"/refer/{self.service_id}/start", data={"csrf_token": csrf_token(str(body))}
        )
        assert response.status_code == 302
        return response.headers["Location"]

    def answer(self, location: str, data: Mapping[str, Any]) -> Any:
        page = self.pages.get(location, lang=self.lang)
        return self.client.post(location, data={**data, "csrf_token": csrf_token(str(page))})

    def walk(
        self, answers: Mapping[str, Mapping[str, Any]], *, stop_at: str = "check-answers"
    ) -> str:
        location = self.start()
        for _ in range(80):
            page_id = location.rsplit("/", 1)[1]
            if page_id in ("check-answers", "stop", "not-eligible") or page_id == stop_at:
                return location
            self.visited.append(page_id)
            if page_id in answers:
                data = answers[page_id]
            elif page_id.startswith("red-flag-"):
                data = {page_id.removeprefix("red-flag-").replace("-", "_"): "no"}
            else:
                raise AssertionError(f"no answer for page {page_id}")
            response = self.answer(location, data)
            assert response.status_code == 302, f"{page_id}: {response.status_code}"
            location = response.headers["Location"]
        raise AssertionError("the questionnaire never ended")


@pytest.fixture
def monday(app: Flask) -> datetime:
    app.config["OPENMSK_CLOCK"] = lambda: MONDAY
    return MONDAY


def count(app: Flask, model: Any) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model)) or 0


class TestRoutineReferral:
    def test_lands_once_in_the_right_queue_with_the_right_due_date(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        check = walker.walk(ROUTINE_ADULT)
        assert check.endswith("/check-answers")
        summary = pages.get(check)
        text = summary.get_text(" ", strip=True)
        assert "Kilburn High Road Surgery" in text and "3 April 1970" in text
        token = csrf_token(str(summary))
        first = client.post(check, data={"csrf_token": token})
        second = client.post(check, data={"csrf_token": token})  # a double click
        assert first.headers["Location"].endswith("/confirmation")
        assert second.headers["Location"].endswith("/confirmation")
        confirmation = pages.get(first.headers["Location"]).get_text(" ", strip=True)
        # NWL triages within 3 working days (its seed §3.3.5): Monday + 3 = Thursday.
        assert (
            "Thursday 26 November 2026" in confirmation
            or "Thursday, 26 November 2026" in confirmation
        )
        with app.app_context():
            (referral,) = db.session.scalars(select(Referral)).all()
            (item,) = db.session.scalars(select(WorkItem)).all()
            (message,) = db.session.scalars(select(OutboxMessage)).all()
            assert referral.reference.replace(" ", "") in confirmation.replace(" ", "")
            assert referral.service_id == "nwl-msk" and referral.source == "self"
            assert referral.questionnaire_id == "adult-msk" and referral.questionnaire_version == 1
            assert referral.date_of_birth == date(1970, 4, 3)
            assert referral.practice_ods == NWL_PRACTICE
            assert referral.priority == "routine" and referral.screening_disposition == "ROUTINE"
            assert referral.answers["postcode"] == "NW6 7HY"
            assert referral.answers["phone"] == "+447700900982"
            assert referral.answers["nhs_number"] == "9434765919"
            assert referral.scores["start_back"]["risk"] == "low"
            assert (
                referral.scores["msk_hq"] == 3 + 2 + 3 + 4 + 3 + 3 + 2 + 4 + 2 + 3 + 3 + 3 + 2 + 2
            )
            assert item.kind == "new_referral" and item.due_date == date(2026, 11, 26)
            assert message.template == "referral_received" and message.channel == "email"
            assert count(app, ReferralDraft) == 0

    def test_answers_to_pages_no_longer_shown_are_not_sent(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        carer = {
            **ROUTINE_ADULT,
            "who": {"filled_in_by": "someone_else"},
            "about-you": CARER_DETAILS,
            "consent": {"patient_consent": "agrees"},
            "contact-who": {"contact_person": "both"},
        }
        check = walker.walk(carer)
        assert {"about-you", "consent", "contact-who"} <= set(walker.visited)
        # Change "who" back to self: the carer's answers must not be submitted.
        who = check.replace("check-answers", "who")
        response = walker.answer(who, {"filled_in_by": "self"})
        assert response.headers["Location"].endswith("/check-answers")
        summary = pages.get(check)
        client.post(check, data={"csrf_token": csrf_token(str(summary))})
        with app.app_context():
            referral = db.session.scalars(select(Referral)).one()
            assert "carer_name" not in referral.answers and referral.source == "self"

    def test_a_carer_referral_records_the_carer_and_the_route(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "camden-cims")
        answers = {
            **ROUTINE_ADULT,
            "who": {"filled_in_by": "someone_else"},
            "about-you": CARER_DETAILS,
            "consent": {"patient_consent": "cannot_decide"},
            "contact-who": {"contact_person": "me"},
            "practice": {"gp_practice": camden_practice()},
        }
        check = walker.walk(answers)
        summary = pages.get(check)
        assert "What is their full name?" in summary.get_text(" ", strip=True)
        client.post(check, data={"csrf_token": csrf_token(str(summary))})
        with app.app_context():
            referral = db.session.scalars(select(Referral)).one()
            assert referral.source == "carer"
            assert referral.answers["carer_name"] == "Bea Example"
            assert referral.answers["patient_consent"] == "cannot_decide"


def camden_practice() -> str:
    from webapp.content import load_catalogue

    return load_catalogue().services["camden-cims"].area.practices[0].ods


class TestRedFlagsStopTheForm:
    @pytest.mark.parametrize(
        ("answer", "heading"),
        [("yes", "Call 999 now or go to A&E"), ("not_sure", "Get help today")],
    )
    def test_an_emergency_sign_stops_the_form_before_anything_else(
        self,
        app: Flask,
        client: FlaskClient,
        pages: PageChecker,
        monday: datetime,
        answer: str,
        heading: str,
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        stop = walker.walk(
            {**ROUTINE_ADULT, "red-flag-saddle-numbness": {"saddle_numbness": answer}}
        )
        assert stop.endswith("/stop")
        assert "practice" not in walker.visited  # stopped before eligibility (D-10)
        page = pages.get(stop)
        assert heading in page.find("h1").get_text(" ", strip=True)
        assert count(app, Referral) == 0

    def test_a_call_back_puts_a_safety_net_item_in_the_queue(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        stop = walker.walk({**ROUTINE_ADULT, "red-flag-bladder-change": {"bladder_change": "yes"}})
        page = pages.get(stop)
        response = client.post(
            stop,
            data={
                "call_back": "yes",
                "name": "Ann Example",
                "phone": "07700 900982",
                "csrf_token": csrf_token(str(page)),
            },
        )
        assert response.status_code == 200
        with app.app_context():
            referral = db.session.scalars(select(Referral)).one()
            item = db.session.scalars(select(WorkItem)).one()
            assert referral.status == "safety_net" and referral.screening_disposition == "EMERGENCY"
            assert item.kind == "red_flag_safety_net" and item.due_date == date(2026, 11, 23)
            assert count(app, ReferralDraft) == 0

    def test_no_contact_means_nothing_is_kept(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        stop = walker.walk({**ROUTINE_ADULT, "red-flag-bladder-change": {"bladder_change": "yes"}})
        page = pages.get(stop)
        client.post(stop, data={"call_back": "no", "csrf_token": csrf_token(str(page))})
        assert count(app, Referral) == 0 and count(app, ReferralDraft) == 0

    def test_a_call_back_needs_a_real_phone_number(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        stop = walker.walk({**ROUTINE_ADULT, "red-flag-bladder-change": {"bladder_change": "yes"}})
        page = pages.get(stop)
        response = client.post(
            stop,
            data={
                "call_back": "yes",
                "name": "Ann",
                "phone": "12",
                "csrf_token": csrf_token(str(page)),
            },
        )
        body = pages.check(response.get_data(as_text=True), url=stop, lang="en")
        assert "Enter a UK phone number" in body.find(class_="nhsuk-error-summary").get_text()
        assert count(app, Referral) == 0


class TestEligibility:
    def test_too_young_for_the_service_is_told_why_and_nothing_is_sent(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        young = {
            **ROUTINE_ADULT,
            "date-of-birth": {
                "date_of_birth[day]": "1",
                "date_of_birth[month]": "1",
                "date_of_birth[year]": "2012",
            },
        }
        refused = walker.walk(young)
        assert refused.endswith("/not-eligible")
        page = pages.get(refused)
        assert "different age" in page.get_text()
        assert page.find("a", class_="nhsuk-back-link")["href"].endswith("/date-of-birth")
        assert count(app, Referral) == 0

    def test_a_practice_outside_the_area_is_sent_to_the_finder(
        self, app: Flask, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        from webapp.content import load_catalogue

        elsewhere = load_catalogue().services["camden-cims"].area.practices[0].ods
        walker = Walker(client, pages, "nwl-msk")
        refused = walker.walk({**ROUTINE_ADULT, "practice": {"gp_practice": elsewhere}})
        assert refused.endswith("/not-eligible")
        assert pages.get(refused).find("a", href="/services/")
        assert count(app, Referral) == 0

    def test_a_service_without_self_referral_offers_no_form(
        self, client: FlaskClient, pages: PageChecker
    ) -> None:
        page = pages.get("/refer/ipops")
        assert "You cannot refer yourself" in page.get_text()
        assert page.find("form") is None or "Start now" not in page.get_text()
        response = client.post("/refer/ipops/start", data={"csrf_token": "x"})
        assert response.status_code in (302, 400)


class TestBadInput:
    def test_an_impossible_date_is_named_and_what_was_typed_is_kept(
        self, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        location = walker.walk(ROUTINE_ADULT, stop_at="date-of-birth")
        response = walker.answer(
            location,
            {
                "date_of_birth[day]": "31",
                "date_of_birth[month]": "2",
                "date_of_birth[year]": "1980",
            },
        )
        assert response.status_code == 200
        page = pages.check(response.get_data(as_text=True), url=location, lang="en")
        summary = page.find(class_="nhsuk-error-summary")
        assert "Date must be a real date" in summary.get_text()
        assert summary.find("a")["href"] == "#date_of_birth-day"
        assert page.find("input", {"name": "date_of_birth[day]"})["value"] == "31"
        assert page.find("input", id="date_of_birth-day")
        assert page.find("title").get_text().startswith("Error:")

    def test_an_empty_answer_gets_the_question_s_own_message(
        self, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        location = walker.start()
        response = walker.answer(location, {})
        page = pages.check(response.get_data(as_text=True), url=location, lang="en")
        assert (
            "Select who is filling in this form"
            in page.find(class_="nhsuk-error-summary").get_text()
        )

    def test_a_practice_name_matching_several_offers_a_choice(
        self, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk")
        location = walker.walk(ROUTINE_ADULT, stop_at="practice")
        response = walker.answer(location, {"gp_practice": "Surgery"})
        page = pages.check(response.get_data(as_text=True), url=location, lang="en")
        choices = page.find_all("input", {"name": "gp_practice-choice"})
        assert len(choices) > 1
        assert page.find("input", {"name": "gp_practice"})["value"] == "Surgery"

    def test_without_a_session_the_journey_starts_again(self, client: FlaskClient) -> None:
        response = client.get("/refer/nwl-msk/where")
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/refer/nwl-msk?ended=1")


class TestLanguagesAndLinks:
    @pytest.mark.parametrize("lang", ["ur", "ar", "pl"])
    def test_the_questions_are_in_the_visitor_s_language(
        self, client: FlaskClient, pages: PageChecker, monday: datetime, lang: str
    ) -> None:
        walker = Walker(client, pages, "nwl-msk", lang=lang)
        walker.walk(ROUTINE_ADULT, stop_at="practice")  # PageChecker rejects untranslated text

    def test_a_whole_referral_in_urdu_to_the_confirmation(
        self, client: FlaskClient, pages: PageChecker, monday: datetime
    ) -> None:
        walker = Walker(client, pages, "nwl-msk", lang="ur")
        check = walker.walk(ROUTINE_ADULT)
        summary = pages.get(check, lang="ur")
        response = client.post(check, data={"csrf_token": csrf_token(str(summary))})
        pages.get(response.headers["Location"], lang="ur")

    @pytest.mark.parametrize("lang", ["ar", "bn", "ro"])
    def test_the_stop_page_is_in_the_visitor_s_language(
        self, client: FlaskClient, pages: PageChecker, monday: datetime, lang: str
    ) -> None:
        walker = Walker(client, pages, "nwl-msk", lang=lang)
        stop = walker.walk(
            {**ROUTINE_ADULT, "red-flag-saddle-numbness": {"saddle_numbness": "yes"}}
        )
        page = pages.get(stop, lang=lang)
        assert "999" in page.find("h1").get_text()
        response = client.post(stop, data={"call_back": "no", "csrf_token": csrf_token(str(page))})
        pages.check(response.get_data(as_text=True), url=stop, lang=lang)

    def test_the_service_page_links_to_the_form_only_where_self_referral_is_open(
        self, pages: PageChecker
    ) -> None:
        nwl = pages.get("/services/nwl-msk")
        assert nwl.find("a", href="/refer/nwl-msk")
        ipops = pages.get("/services/ipops")
        assert ipops.find("a", href="/refer/ipops") is None
