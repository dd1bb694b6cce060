"""Plain email through an SMTP relay, for sites without GOV.UK Notify.

The text comes from the template registry. The Message-ID is derived from the outbox
idempotency key, so a re-send after a crash carries the same id (and the key itself, in
``X-OpenMSK-Reference``) and mail systems can recognise it as the same message.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from email.message import EmailMessage

from webapp.notify.channels.base import (
    DeliveryFailure,
    OutgoingMessage,
    PermanentFailure,
    ProviderResult,
    TemporaryFailure,
)
from webapp.notify.settings import SmtpSettings
from webapp.notify.templates import render


def _by_reply_code(code: int, kind: str) -> DeliveryFailure:
    # 5xx is the server's final word on this message; 4xx means "try again later".
    if 500 <= code < 600:
        return PermanentFailure("provider_rejected", f"{code} {kind}")
    return TemporaryFailure("provider_error", f"{code} {kind}")


def classify(error: Exception) -> DeliveryFailure:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()] or [550]
        return _by_reply_code(min(codes), "recipient refused")
    if isinstance(error, smtplib.SMTPAuthenticationError | smtplib.SMTPSenderRefused):
        # Our credentials or sender address: fixable by configuration, so retried.
        return TemporaryFailure("provider_auth", f"{error.smtp_code} {type(error).__name__}")
    if isinstance(error, smtplib.SMTPResponseException):
        return _by_reply_code(error.smtp_code, type(error).__name__)
    if isinstance(error, TimeoutError):
        return TemporaryFailure("provider_timeout")
    return TemporaryFailure("provider_unavailable", type(error).__name__)


def message_id(reference: str, sender: str) -> str:
    domain = sender.rpartition("@")[2] or "openmsk.invalid"
    return f"<{hashlib.sha256(reference.encode()).hexdigest()[:32]}@{domain}>"


class SmtpChannel:
    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings

    def _compose(self, message: OutgoingMessage) -> EmailMessage:
        text = render(message.template, message.language, message.personalisation)
        email = EmailMessage()
        email["From"] = self._settings.sender
        email["To"] = message.recipient
        email["Subject"] = text.subject
        email["Message-ID"] = message_id(message.reference, self._settings.sender)
        email["X-OpenMSK-Reference"] = message.reference
        email["Content-Language"] = message.language
        email.set_content(text.body)
        return email

    def _deliver(self, email: EmailMessage) -> None:
        settings = self._settings
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
            if settings.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.username and settings.password:
                smtp.login(settings.username, settings.password)
            smtp.send_message(email)

    def send(self, message: OutgoingMessage) -> ProviderResult:
        if message.channel != "email":
            raise PermanentFailure("unsupported_channel", message.channel)
        email = self._compose(message)
        try:
            self._deliver(email)
        except (smtplib.SMTPException, OSError) as error:
            raise classify(error) from None
        return ProviderResult(provider_reference=str(email["Message-ID"]))
