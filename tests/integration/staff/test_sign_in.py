"""Signing in: password, then a TOTP code; lockout, replay, rate limit, idle sign-out."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from tests.integration.staff.conftest import EMAIL, PASSWORD, Staff, csrf_token
from webapp.extensions import db
from webapp.models import AuditEvent, StaffUser

WRONG = "Email address or password is not correct"


def error_text(staff: Staff, response: object, url: str) -> str:
    page = staff.pages.check(response.get_data(as_text=True), url=url, lang="en")  # type: ignore[attr-defined]
    summary = page.select_one(".nhsuk-error-summary")
    assert summary is not None, "no error summary"
    return summary.get_text(" ", strip=True)


def audit_actions(app: Flask) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


class TestPassword:
    def test_a_wrong_password_and_an_unknown_email_get_the_same_message(
        self, app: Flask, enrolled: Staff
    ) -> None:
        wrong = enrolled.password("not the password")
        unknown = enrolled.password(email="nobody@example.nhs.uk")
        assert WRONG in error_text(enrolled, wrong, "/staff/sign-in")
        assert WRONG in error_text(enrolled, unknown, "/staff/sign-in")
        with app.app_context():
            rows = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
            failed = [(r.actor, r.record_type) for r in rows if r.action == "sign_in_failed"]
        assert failed[0][0].startswith("staff:") and failed[1][0] == "unknown"
        assert {kind for _, kind in failed} == {"staff"}

    def test_the_email_typed_is_kept_and_the_password_is_not(self, enrolled: Staff) -> None:
        response = enrolled.password("not the password")
        page = enrolled.pages.check(response.get_data(as_text=True), url="/", lang="en")
        assert page.find("input", {"name": "email"})["value"] == EMAIL
        assert not page.find("input", {"name": "password"}).get("value")

    def test_email_case_does_not_matter(self, enrolled: Staff) -> None:
        response = enrolled.password(email=EMAIL.upper())
        assert response.headers["Location"] == "/staff/sign-in/code"

    def test_empty_fields_are_named_in_the_error_summary(self, enrolled: Staff) -> None:
        response = enrolled.post("/staff/sign-in", {"email": "", "password": ""})
        text = error_text(enrolled, response, "/staff/sign-in")
        assert "Enter your email address" in text and "Enter your password" in text


class TestSecondFactor:
    def test_nothing_signed_in_goes_to_sign_in(self, client: object) -> None:
        response = client.get("/staff/")  # type: ignore[attr-defined]
        assert response.status_code == 302 and response.headers["Location"] == "/staff/sign-in"

    def test_the_second_factor_cannot_be_skipped(self, enrolled: Staff) -> None:
        enrolled.password()
        response = enrolled.client.get("/staff/")
        assert response.headers["Location"] == "/staff/sign-in/code"

    def test_the_code_page_without_a_password_goes_back_to_sign_in(self, staff: Staff) -> None:
        response = staff.client.get("/staff/sign-in/code")
        assert response.headers["Location"] == "/staff/sign-in"

    def test_a_correct_password_is_forgotten_after_five_minutes(self, enrolled: Staff) -> None:
        enrolled.password()
        enrolled.clock.advance(minutes=5, seconds=1)
        response = enrolled.client.get("/staff/sign-in/code")
        assert response.headers["Location"] == "/staff/sign-in"

    def test_a_wrong_code_is_refused(self, app: Flask, enrolled: Staff) -> None:
        enrolled.password()
        response = enrolled.post("/staff/sign-in/code", {"code": "000000"})
        assert "code is not correct" in error_text(enrolled, response, "/staff/sign-in/code")
        assert enrolled.client.get("/staff/").status_code == 302

    def test_a_code_from_the_previous_step_is_accepted(self, enrolled: Staff) -> None:
        enrolled.password()
        response = enrolled.post("/staff/sign-in/code", {"code": enrolled.code(steps=-1)})
        assert response.headers["Location"] == "/staff/"

    def test_a_code_two_steps_old_is_refused(self, enrolled: Staff) -> None:
        enrolled.clock.advance(seconds=60)
        enrolled.password()
        response = enrolled.post("/staff/sign-in/code", {"code": enrolled.code(steps=-2)})
        assert response.status_code == 200

    def test_spaces_in_the_code_are_ignored(self, enrolled: Staff) -> None:
        enrolled.password()
        code = enrolled.code()
        response = enrolled.post("/staff/sign-in/code", {"code": f"{code[:3]} {code[3:]}"})
        assert response.headers["Location"] == "/staff/"

    def test_a_replayed_code_is_refused(self, enrolled: Staff) -> None:
        enrolled.sign_in()
        enrolled.post("/staff/sign-out", {}, form_url="/staff/")
        enrolled.password()
        # Same clock: the same step's code, already used to sign in.
        response = enrolled.post("/staff/sign-in/code", {"code": enrolled.code()})
        assert "already been used" in error_text(enrolled, response, "/staff/sign-in/code")

    def test_the_enrolment_code_cannot_be_replayed_to_sign_in(
        self, staff: Staff, link: str
    ) -> None:
        staff.set_up(link)
        staff.password()
        response = staff.post("/staff/sign-in/code", {"code": staff.code()})
        assert "already been used" in error_text(staff, response, "/staff/sign-in/code")


class TestLockout:
    def test_five_failures_lock_the_account_for_fifteen_minutes(
        self, app: Flask, enrolled: Staff
    ) -> None:
        for _ in range(4):
            assert WRONG in error_text(enrolled, enrolled.password("wrong"), "/staff/sign-in")
        locked = enrolled.password("wrong")
        assert "locked for 15 minutes" in error_text(enrolled, locked, "/staff/sign-in")
        # Even the right password is refused while locked.
        right = enrolled.password()
        assert "locked" in error_text(enrolled, right, "/staff/sign-in")
        assert audit_actions(app).count("locked") == 1
        enrolled.clock.advance(minutes=15)
        enrolled.sign_in()

    def test_wrong_codes_count_towards_the_lockout(self, enrolled: Staff) -> None:
        enrolled.password("wrong")
        enrolled.password("wrong")
        enrolled.password()
        for _ in range(2):
            enrolled.post("/staff/sign-in/code", {"code": "000000"})
        response = enrolled.post("/staff/sign-in/code", {"code": "000000"})
        assert "locked" in error_text(enrolled, response, "/staff/sign-in/code")
        response = enrolled.post("/staff/sign-in/code", {"code": enrolled.code()})
        assert "locked" in error_text(enrolled, response, "/staff/sign-in/code")

    def test_a_full_sign_in_resets_the_count(self, app: Flask, enrolled: Staff) -> None:
        for _ in range(4):
            enrolled.password("wrong")
        enrolled.sign_in()
        with app.app_context():
            assert db.session.scalars(select(StaffUser)).one().failed_attempts == 0


class TestRateLimit:
    def test_more_than_ten_sign_in_attempts_a_minute_get_a_429_page(self, staff: Staff) -> None:
        token = csrf_token(staff.client.get("/staff/sign-in").get_data(as_text=True))
        data = {"email": "x@example.nhs.uk", "password": "x", "csrf_token": token}
        statuses = [staff.client.post("/staff/sign-in", data=data).status_code for _ in range(11)]
        assert statuses == [200] * 10 + [429]
        response = staff.client.post("/staff/sign-in", data=data)
        page = staff.pages.check(response.get_data(as_text=True), url="/staff/sign-in", lang="en")
        assert page.h1.get_text() == "Too many attempts"
        assert response.headers.get("Retry-After")
        # Reading the page is never limited.
        staff.pages.get("/staff/sign-in")


class TestSignOut:
    def test_sign_out_ends_the_session(self, enrolled: Staff) -> None:
        enrolled.sign_in()
        response = enrolled.post("/staff/sign-out", {}, form_url="/staff/")
        assert response.headers["Location"] == "/staff/sign-in"
        assert "You have signed out" in enrolled.pages.get("/staff/sign-in").get_text()
        assert enrolled.client.get("/staff/").headers["Location"] == "/staff/sign-in"

    def test_fifteen_idle_minutes_sign_you_out(self, enrolled: Staff) -> None:
        enrolled.sign_in()
        enrolled.clock.advance(minutes=14)
        enrolled.pages.get("/staff/")
        enrolled.clock.advance(minutes=15, seconds=1)
        response = enrolled.client.get("/staff/")
        assert response.headers["Location"] == "/staff/sign-in"
        assert "inactive for 15 minutes" in enrolled.pages.get("/staff/sign-in").get_text()
        assert enrolled.client.get("/staff/").headers["Location"] == "/staff/sign-in"


class TestEveryPostNeedsCsrf:
    @pytest.mark.parametrize(
        "url",
        [
            pytest.param("/staff/sign-in", id="sign in"),
            pytest.param("/staff/sign-in/code", id="code"),
            pytest.param("/staff/sign-out", id="sign out"),
            pytest.param("/staff/setup/TOKEN", id="set-up password"),
            pytest.param("/staff/setup/TOKEN/authenticator", id="set-up code"),
        ],
    )
    def test_a_post_without_a_token_is_refused(self, staff: Staff, link: str, url: str) -> None:
        url = url.replace("/staff/setup/TOKEN", link)
        response = staff.client.post(url, data={"email": EMAIL, "password": PASSWORD})
        assert response.status_code == 400
        assert "timed out" in response.get_data(as_text=True)


class TestStaffPagesAreEnglish:
    def test_staff_pages_are_english_without_a_language_switcher(self, staff: Staff) -> None:
        staff.pages.get("/?lang=ar", lang="ar")
        page = staff.pages.get("/staff/sign-in")
        assert page.select_one(".openmsk-language-switcher") is None
