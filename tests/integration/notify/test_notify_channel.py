"""GOV.UK Notify through its official client, against a local server speaking its API."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.integration.notify.conftest import SessionFactory, later, queue_message, stored
from tests.integration.notify.fake_notify import API_KEY, FakeNotify
from webapp.notify.channels import build_channels
from webapp.notify.settings import load_notify_settings
from webapp.notify.worker import SendReport, send_due

TEMPLATES = {
    "referral_received": {
        "sms": {"en": "sms-received-en", "pl": "sms-received-pl"},
        "email": {"en": "email-received-en"},
    }
}


@pytest.fixture
def notify_channels(app: Flask, fake_notify: FakeNotify) -> dict[str, Any]:
    app.config.update(
        OPENMSK_NOTIFY_CHANNEL="notify",
        OPENMSK_NOTIFY_API_KEY=API_KEY,
        OPENMSK_NOTIFY_BASE_URL=fake_notify.base_url,
        OPENMSK_NOTIFY_TEMPLATES=TEMPLATES,
        OPENMSK_NOTIFY_TIMEOUT=0.3,
    )
    # environ={}: a developer's own Notify settings never leak into a test.
    return dict(build_channels(load_notify_settings(app.config, environ={})))


class TestSending:
    def test_a_text_message_reaches_notify_with_our_reference(
        self,
        session_factory: SessionFactory,
        notify_channels: dict[str, Any],
        fake_notify: FakeNotify,
    ) -> None:
        message_id = queue_message(session_factory, "referral:R1:received:sms", language="pl")
        report = send_due(session_factory, notify_channels, now=later(0))
        assert report == SendReport(claimed=1, sent=1)
        [request] = fake_notify.received
        assert request.kind == "sms"
        assert request.body == {
            "phone_number": "+447400123456",
            "template_id": "sms-received-pl",
            "personalisation": {"reference": "R1"},
            "reference": "referral:R1:received:sms",
        }
        message = stored(session_factory, message_id)
        assert message.status == "sent" and message.provider_reference

    def test_an_email_in_a_language_without_a_template_goes_in_english(
        self,
        session_factory: SessionFactory,
        notify_channels: dict[str, Any],
        fake_notify: FakeNotify,
    ) -> None:
        queue_message(
            session_factory, channel="email", recipient="patient@example.com", language="ur"
        )
        send_due(session_factory, notify_channels, now=later(0))
        [request] = fake_notify.received
        assert request.kind == "email"
        assert request.body["email_address"] == "patient@example.com"
        assert request.body["template_id"] == "email-received-en"

    def test_a_template_nobody_configured_waits_for_configuration(
        self,
        session_factory: SessionFactory,
        notify_channels: dict[str, Any],
        fake_notify: FakeNotify,
    ) -> None:
        message_id = queue_message(session_factory, template="booking_confirmed")
        assert send_due(session_factory, notify_channels, now=later(0)).retrying == 1
        assert stored(session_factory, message_id).last_error == (
            "template_missing: booking_confirmed sms"
        )
        assert fake_notify.received == []


class TestProviderAnswers:
    @pytest.mark.parametrize(
        ("reply", "error"),
        [
            pytest.param(500, "provider_error: 500 Exception", id="a server error"),
            pytest.param("slow", "provider_timeout", id="a time-out"),
            pytest.param(403, "provider_error: 403 AuthError", id="our key refused"),
        ],
    )
    def test_errors_are_retried_and_then_succeed(
        self,
        session_factory: SessionFactory,
        notify_channels: dict[str, Any],
        fake_notify: FakeNotify,
        reply: int | str,
        error: str,
    ) -> None:
        fake_notify.script = [reply]
        message_id = queue_message(session_factory)
        first = later(0)
        assert send_due(session_factory, notify_channels, now=first).retrying == 1
        message = stored(session_factory, message_id)
        assert (message.status, message.last_error) == ("failed", error)

        assert send_due(session_factory, notify_channels, now=later(1)).sent == 1
        references = {request.body["reference"] for request in fake_notify.received}
        assert len(fake_notify.received) == 2 and references == {"referral:R1:received:sms"}
        assert stored(session_factory, message_id).status == "sent"

    def test_a_rejection_is_not_retried(
        self,
        session_factory: SessionFactory,
        notify_channels: dict[str, Any],
        fake_notify: FakeNotify,
    ) -> None:
        fake_notify.script = [400]
        message_id = queue_message(session_factory)
        report = send_due(session_factory, notify_channels, now=later(0))
        assert report == SendReport(claimed=1, permanently_failed=1)
        assert send_due(session_factory, notify_channels, now=later(24 * 60)).claimed == 0
        assert len(fake_notify.received) == 1
        message = stored(session_factory, message_id)
        assert message.status == "permanently_failed"
        # Notify's message text is not stored: it could quote the recipient.
        assert message.last_error == "provider_rejected: 400 ValidationError"

    def test_an_invalid_number_never_reaches_notify(
        self,
        session_factory: SessionFactory,
        notify_channels: dict[str, Any],
        fake_notify: FakeNotify,
    ) -> None:
        message_id = queue_message(session_factory, recipient="+1 202 555 0100")
        send_due(session_factory, notify_channels, now=later(0))
        assert fake_notify.received == []
        assert stored(session_factory, message_id).last_error == (
            "invalid_recipient: not a UK phone number"
        )


class TestFakeNotifyChecksAuthorisation:
    def test_a_request_without_a_token_is_refused(self, fake_notify: FakeNotify) -> None:
        import requests

        response = requests.post(
            f"{fake_notify.base_url}/v2/notifications/sms", json={"template_id": "t"}, timeout=2
        )
        assert response.status_code == 403 and fake_notify.received == []
