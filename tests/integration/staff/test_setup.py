"""Staff accounts: created on the command line, set up through a one-time link."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from tests.integration.staff.conftest import EMAIL, PASSWORD, Clock, Staff, create_staff
from webapp.extensions import db
from webapp.models import AuditEvent, SetupToken, StaffUser


class TestCreateCommand:
    def test_creates_an_account_with_its_services_and_prints_a_link(
        self, app: Flask, link: str
    ) -> None:
        with app.app_context():
            staff = db.session.scalars(select(StaffUser)).one()
            assert staff.email == EMAIL.lower() and staff.role == "clinician"
            assert staff.service_ids == ["ipops", "nwl-msk"]
            assert staff.password_hash is None and staff.totp_enrolled_at is None
            token = db.session.scalars(select(SetupToken)).one()
            # Only a hash is stored: the database alone cannot rebuild the link.
            assert token.token_hash not in link and link.rsplit("/", 1)[1] not in token.token_hash

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            pytest.param(["--role", "clinician", "--service", "atlantis"], "unknown service",
                         id="an unknown service is refused"),
            pytest.param(["--role", "surgeon", "--service", "ipops"], "surgeon",
                         id="an unknown role is refused"),
        ],
    )  # fmt: skip
    def test_bad_input_creates_nothing(self, app: Flask, args: list[str], message: str) -> None:
        result = app.test_cli_runner().invoke(args=["staff", "create", "--email", EMAIL, *args])
        assert result.exit_code != 0 and message in result.output
        with app.app_context():
            assert db.session.scalars(select(StaffUser)).first() is None

    def test_the_same_email_twice_is_refused(self, app: Flask, link: str) -> None:
        args = ["staff", "create", "--email", EMAIL.upper(), "--role", "administrator"]
        result = app.test_cli_runner().invoke(args=[*args, "--service", "ipops"])
        assert result.exit_code != 0 and "already exists" in result.output


class TestSetUp:
    def test_set_up_then_sign_in_with_password_and_code(
        self, app: Flask, staff: Staff, link: str
    ) -> None:
        response = staff.set_up(link)
        assert response.headers["Location"] == "/staff/sign-in"
        page = staff.pages.get("/staff/sign-in")
        assert "Your account is set up" in page.get_text()
        staff.clock.advance(seconds=30)
        staff.sign_in()
        home = staff.pages.get("/staff/")
        text = home.get_text(" ", strip=True)
        assert EMAIL.lower() in text and "Clinician" in text
        with app.app_context():
            actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
        assert actions == ["setup_completed", "sign_in"]

    def test_the_setup_page_shows_a_qr_code_as_inline_svg(self, staff: Staff, link: str) -> None:
        response = staff.post(link, {"password": PASSWORD, "confirm": PASSWORD})
        page = staff.pages.get(response.headers["Location"])
        svg = page.find("svg", {"role": "img"})
        assert svg is not None and svg.find("title").get_text()

    @pytest.mark.parametrize(
        ("password", "confirm", "message"),
        [
            pytest.param("short", "short", "at least 12 characters", id="too short"),
            pytest.param(EMAIL.lower(), EMAIL.lower(), "not be your email", id="the email"),
            pytest.param(PASSWORD, PASSWORD + "x", "must match", id="not confirmed"),
            pytest.param("", "", "Enter a password", id="empty"),
        ],
    )
    def test_a_weak_or_mistyped_password_is_refused(
        self, app: Flask, staff: Staff, link: str, password: str, confirm: str, message: str
    ) -> None:
        response = staff.post(link, {"password": password, "confirm": confirm})
        assert response.status_code == 200
        page = staff.pages.check(response.get_data(as_text=True), url=link, lang="en")
        assert message in page.select_one(".nhsuk-error-summary").get_text()
        assert page.title.get_text().startswith("Error:")
        # Passwords are never sent back in the page.
        assert all(not i.get("value") for i in page.select("input[type=password]"))
        with app.app_context():
            assert db.session.scalars(select(StaffUser)).one().password_hash is None

    def test_a_wrong_enrolment_code_is_refused(self, app: Flask, staff: Staff, link: str) -> None:
        response = staff.post(link, {"password": PASSWORD, "confirm": PASSWORD})
        step_two = response.headers["Location"]
        response = staff.post(step_two, {"code": "000000"})
        page = staff.pages.check(response.get_data(as_text=True), url=step_two, lang="en")
        assert "code is not correct" in page.select_one(".nhsuk-error-summary").get_text()
        with app.app_context():
            assert db.session.scalars(select(StaffUser)).one().totp_enrolled_at is None

    def test_step_two_cannot_be_reached_without_step_one(self, staff: Staff, link: str) -> None:
        response = staff.client.get(link + "/authenticator")
        assert response.status_code == 302 and response.headers["Location"] == link


class TestSetUpLinkThatCannotBeUsed:
    def test_a_used_link_shows_a_clear_page(self, staff: Staff, link: str) -> None:
        staff.set_up(link)
        page = staff.pages.get(link, status=404)
        assert "cannot be used" in page.h1.get_text()

    def test_an_expired_link_shows_a_clear_page_and_changes_nothing(
        self, app: Flask, staff: Staff, link: str, clock: Clock
    ) -> None:
        clock.advance(hours=72)
        staff.pages.get(link, status=404)
        response = staff.client.post(
            link, data={"password": PASSWORD, "confirm": PASSWORD, "csrf_token": self.token(staff)}
        )
        assert response.status_code == 404
        with app.app_context():
            assert db.session.scalars(select(StaffUser)).one().password_hash is None

    def test_a_link_just_before_expiry_still_works(
        self, staff: Staff, link: str, clock: Clock
    ) -> None:
        clock.advance(hours=71, minutes=59)
        staff.pages.get(link)

    def test_a_made_up_link_shows_the_same_page(self, staff: Staff, link: str) -> None:
        staff.pages.get("/staff/setup/not-a-real-token", status=404)

    def token(self, staff: Staff) -> str:
        from tests.integration.staff.conftest import csrf_token

        return csrf_token(staff.client.get("/staff/sign-in").get_data(as_text=True))


class TestCreateForAnotherPerson:
    def test_two_people_have_separate_links(self, app: Flask, link: str) -> None:
        other = create_staff(
            app, "--email", "sam@example.nhs.uk", "--role", "service_manager", "--service", "ipops"
        )
        assert other != link
