"""A new member of staff sets up their account from the one-time link and signs in."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pyotp
from playwright.sync_api import expect

from e2e.live_server import ROOT, LiveServer
from e2e.site import Site

PASSWORD = "a long staff password for testing"


def create_staff(server: LiveServer, email: str) -> str:
    """Run the real CLI against the live server's database; returns the set-up path."""
    # start_live_server keeps its database beside its log.
    database_url = f"sqlite:///{server.log_path.parent / 'e2e.sqlite3'}"
    env = {"PATH": "/usr/bin:/bin", "OPENMSK_ENV": "test", "DATABASE_URL": database_url}
    flask = [sys.executable, "-m", "flask", "--app", "webapp"]
    args = ["staff", "create", "--email", email, "--role", "administrator", "--service", "ipops"]
    result = subprocess.run(
        [*flask, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    link = re.search(r"/staff/setup/\S+", result.stdout)
    assert link is not None, result.stdout
    return link.group(0)


class TestStaffSetUpAndSignIn:
    def test_set_up_with_an_authenticator_then_sign_in(
        self, site: Site, live_server: LiveServer
    ) -> None:
        email = "alex.admin@example.nhs.uk"
        site.goto(create_staff(live_server, email))
        assert site.html_attributes() == ("en", "ltr")
        site.page.get_by_label("Password", exact=True).fill(PASSWORD)
        site.page.get_by_label("Confirm password").fill(PASSWORD)
        site.submit(site.page.get_by_role("button", name="Continue"))

        expect(site.page.locator("h1")).to_have_text("Set up your authenticator app")
        expect(
            site.page.get_by_role("img", name="QR code for your authenticator app")
        ).to_be_visible()
        totp = pyotp.TOTP(site.page.locator("#totp-secret").inner_text().replace(" ", ""))
        site.page.get_by_label("Security code").fill(totp.now())
        site.submit(site.page.get_by_role("button", name="Finish set-up"))

        expect(site.page.locator("h1")).to_have_text("Sign in")
        site.page.get_by_label("Email address").fill(email)
        site.page.get_by_label("Password").fill(PASSWORD)
        site.submit(site.page.get_by_role("button", name="Continue"))
        # The enrolment code's step is spent; the next step's code is inside the window.
        site.page.get_by_label("Security code").fill(totp.at(time.time() + 30))
        site.submit(site.page.get_by_role("button", name="Sign in"))

        expect(site.page.locator("h1")).to_have_text("Your work")
        expect(site.page.locator("main")).to_contain_text(email)
        site.submit(site.page.get_by_role("button", name="Sign out"))
        expect(site.page.locator("main")).to_contain_text("You have signed out")
