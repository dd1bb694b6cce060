"""Email through SMTP, received by a local aiosmtpd server started by the test."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.integration.notify.conftest import (
    CrashAfterSending,
    SessionFactory,
    WorkerCrash,
    later,
    queue_message,
    stored,
)
from tests.integration.notify.fake_smtp import Inbox, free_port
from webapp.notify.channels import build_channels
from webapp.notify.settings import load_notify_settings
from webapp.notify.worker import SendReport, send_due

SENDER = "no-reply@openmsk.example"


def smtp_channels(app: Flask, port: int) -> dict[str, Any]:
    app.config.update(
        OPENMSK_NOTIFY_CHANNEL="smtp",
        OPENMSK_SMTP_HOST="127.0.0.1",
        OPENMSK_SMTP_PORT=port,
        OPENMSK_SMTP_FROM=SENDER,
        # The local test server has no certificate; real relays keep STARTTLS on.
        OPENMSK_SMTP_STARTTLS="0",
        OPENMSK_SMTP_TIMEOUT=2,
    )
    return dict(build_channels(load_notify_settings(app.config, environ={})))


def queue_email(factory: SessionFactory, recipient: str = "patient@example.com") -> int:
    return queue_message(
        factory,
        "referral:R7K2:received:email",
        channel="email",
        recipient=recipient,
        personalisation={"reference": "R7K2"},
    )


class TestSmtpDelivery:
    def test_the_local_server_receives_the_rendered_email(
        self, app: Flask, session_factory: SessionFactory, smtp_inbox: Inbox
    ) -> None:
        message_id = queue_email(session_factory)
        channels = smtp_channels(app, smtp_inbox.port)
        assert send_due(session_factory, channels, now=later(0)) == SendReport(claimed=1, sent=1)
        [email] = smtp_inbox.messages
        assert email["To"] == "patient@example.com" and email["From"] == SENDER
        assert email["Subject"] == "We have received your referral"
        assert email["X-OpenMSK-Reference"] == "referral:R7K2:received:email"
        assert "Your reference is R7K2." in email.get_content()
        assert stored(session_factory, message_id).provider_reference == email["Message-ID"]

    def test_a_resend_after_a_crash_carries_the_same_message_id(
        self, app: Flask, session_factory: SessionFactory, smtp_inbox: Inbox
    ) -> None:
        queue_email(session_factory)
        smtp = smtp_channels(app, smtp_inbox.port)["email"]
        crashing = {"email": CrashAfterSending(smtp)}
        with pytest.raises(WorkerCrash):
            send_due(session_factory, crashing, now=later(0))
        assert send_due(session_factory, crashing, now=later(10)).sent == 1
        first, second = smtp_inbox.messages
        assert first["Message-ID"] == second["Message-ID"]
        assert first["X-OpenMSK-Reference"] == second["X-OpenMSK-Reference"]

    def test_a_refused_recipient_is_final(
        self, app: Flask, session_factory: SessionFactory, smtp_inbox: Inbox
    ) -> None:
        smtp_inbox.refuse["gone@example.com"] = "550 5.1.1 No such user"
        message_id = queue_email(session_factory, "gone@example.com")
        report = send_due(session_factory, smtp_channels(app, smtp_inbox.port), now=later(0))
        assert report == SendReport(claimed=1, permanently_failed=1)
        assert stored(session_factory, message_id).last_error == (
            "provider_rejected: 550 recipient refused"
        )
        assert smtp_inbox.messages == []

    def test_try_again_later_is_retried(
        self, app: Flask, session_factory: SessionFactory, smtp_inbox: Inbox
    ) -> None:
        smtp_inbox.refuse["busy@example.com"] = "451 4.3.0 Try again later"
        message_id = queue_email(session_factory, "busy@example.com")
        channels = smtp_channels(app, smtp_inbox.port)
        assert send_due(session_factory, channels, now=later(0)).retrying == 1
        del smtp_inbox.refuse["busy@example.com"]
        assert send_due(session_factory, channels, now=later(1)).sent == 1
        assert stored(session_factory, message_id).attempts == 2
        assert len(smtp_inbox.messages) == 1

    def test_a_relay_that_is_down_is_retried(
        self, app: Flask, session_factory: SessionFactory
    ) -> None:
        message_id = queue_email(session_factory)
        report = send_due(session_factory, smtp_channels(app, free_port()), now=later(0))
        assert report == SendReport(claimed=1, retrying=1)
        assert stored(session_factory, message_id).last_error == (
            "provider_unavailable: ConnectionRefusedError"
        )
