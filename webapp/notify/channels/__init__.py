"""Channels: the ways a message leaves the outbox, chosen by configuration.

``build_channels`` maps each kind of message to the channel that carries it. A kind with
no channel (letters, until the letter channel exists; text messages on an SMTP-only site)
stays queued rather than failing, so it is sent once a channel for it is configured.
"""

from __future__ import annotations

from webapp.notify.channels.base import (
    Channel,
    OutgoingMessage,
    PermanentFailure,
    ProviderResult,
    TemporaryFailure,
)
from webapp.notify.channels.log import LOG_CHANNEL
from webapp.notify.settings import NotifySettings

__all__ = [
    "Channel",
    "OutgoingMessage",
    "PermanentFailure",
    "ProviderResult",
    "TemporaryFailure",
    "build_channels",
]


def build_channels(settings: NotifySettings) -> dict[str, Channel]:
    if settings.channel == "notify" and settings.notify is not None:
        # Imported here so the web app never loads the HTTP client it does not use.
        from webapp.notify.channels.notify import NotifyChannel

        gov_notify = NotifyChannel(settings.notify)
        return {"email": gov_notify, "sms": gov_notify}
    if settings.channel == "smtp" and settings.smtp is not None:
        from webapp.notify.channels.smtp import SmtpChannel

        return {"email": SmtpChannel(settings.smtp)}
    return {"email": LOG_CHANNEL, "sms": LOG_CHANNEL, "letter": LOG_CHANNEL}
