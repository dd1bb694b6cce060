"""Staff fixtures: a clock tests can move, accounts made through the real CLI, and forms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.integration.pages import PageChecker

PASSWORD = "correct horse battery staple"
EMAIL = "Pat.Clinician@Example.NHS.uk"


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 9, 0, 7, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(app: Flask) -> Clock:
    clock = Clock()
    app.config["OPENMSK_CLOCK"] = clock
    return clock


def csrf_token(body: str) -> str:
    found = BeautifulSoup(body, "html.parser").find("input", {"name": "csrf_token"})
    assert found is not None, "no CSRF token on the page"
    return str(found["value"])


@dataclass
class Staff:
    """A browser-like helper: fetches each form page (checked), then posts it."""

    client: FlaskClient
    pages: PageChecker
    clock: Clock
    secret: str = ""

    def post(self, url: str, data: dict[str, str], *, form_url: str | None = None) -> TestResponse:
        page = self.pages.get(form_url or url)
        return self.client.post(url, data={**data, "csrf_token": csrf_token(str(page))})

    def code(self, *, steps: int = 0) -> str:
        return pyotp.TOTP(self.secret).at(self.clock.now + timedelta(seconds=30 * steps))

    def set_up(self, link: str) -> TestResponse:
        response = self.post(link, {"password": PASSWORD, "confirm": PASSWORD})
        assert response.status_code == 302, response.status_code
        page = self.pages.get(response.headers["Location"])
        key = page.find(id="totp-secret")
        assert key is not None
        self.secret = key.get_text().replace(" ", "")
        return self.post(response.headers["Location"], {"code": self.code()})

    def password(self, password: str = PASSWORD, email: str = EMAIL) -> TestResponse:
        return self.post("/staff/sign-in", {"email": email, "password": password})

    def sign_in(self) -> TestResponse:
        assert self.password().headers["Location"] == "/staff/sign-in/code"
        response = self.post("/staff/sign-in/code", {"code": self.code()})
        assert response.headers["Location"] == "/staff/"
        return response


def create_staff(app: Flask, *args: str) -> str:
    result = app.test_cli_runner().invoke(args=["staff", "create", *args])
    assert result.exit_code == 0, result.output
    link = re.search(r"/staff/setup/\S+", result.output)
    assert link is not None, result.output
    return link.group(0)


@pytest.fixture
def link(app: Flask, clock: Clock) -> str:
    return create_staff(
        app, "--email", EMAIL, "--role", "clinician", "--service", "nwl-msk", "--service", "ipops"
    )


@pytest.fixture
def staff(client: FlaskClient, pages: PageChecker, clock: Clock) -> Staff:
    return Staff(client=client, pages=pages, clock=clock)


@pytest.fixture
def enrolled(staff: Staff, link: str) -> Staff:
    staff.set_up(link)
    # Two steps on, so neither the enrolment code nor its window neighbour is a replay.
    staff.clock.advance(seconds=60)
    return staff
