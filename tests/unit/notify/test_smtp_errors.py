"""Which SMTP answers are final and which are worth another try."""

from __future__ import annotations

import smtplib

import pytest

from webapp.notify.channels.base import DeliveryFailure, PermanentFailure, TemporaryFailure
from webapp.notify.channels.smtp import classify, message_id


class TestClassify:
    @pytest.mark.parametrize(
        ("error", "kind", "code"),
        [
            pytest.param(
                smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"no such user")}),
                PermanentFailure,
                "provider_rejected",
                id="a 550 for the recipient is final",
            ),
            pytest.param(
                smtplib.SMTPRecipientsRefused({"a@example.com": (451, b"try later")}),
                TemporaryFailure,
                "provider_error",
                id="a 451 for the recipient is retried",
            ),
            pytest.param(
                smtplib.SMTPDataError(554, b"rejected"),
                PermanentFailure,
                "provider_rejected",
                id="a 554 for the message is final",
            ),
            pytest.param(
                smtplib.SMTPAuthenticationError(535, b"bad credentials"),
                TemporaryFailure,
                "provider_auth",
                id="our credentials are retried until fixed",
            ),
            pytest.param(
                TimeoutError(), TemporaryFailure, "provider_timeout", id="a time-out is retried"
            ),
            pytest.param(
                ConnectionRefusedError(),
                TemporaryFailure,
                "provider_unavailable",
                id="a relay that is down is retried",
            ),
        ],
    )
    def test_classify(self, error: Exception, kind: type[DeliveryFailure], code: str) -> None:
        failure = classify(error)
        assert type(failure) is kind and failure.code == code
        assert "example.com" not in str(failure)


class TestMessageId:
    def test_the_same_reference_gives_the_same_id(self) -> None:
        first = message_id("referral:R1:received", "no-reply@openmsk.example")
        assert first == message_id("referral:R1:received", "no-reply@openmsk.example")
        assert first.endswith("@openmsk.example>")
        assert first != message_id("referral:R2:received", "no-reply@openmsk.example")
