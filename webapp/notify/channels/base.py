"""What every channel speaks: a message in, a provider reference or a typed failure out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class OutgoingMessage:
    """One claimed outbox row, as a channel needs it; detached from the database session."""

    id: int
    channel: str
    template: str
    language: str
    # Normalised by the worker (E.164 phone numbers, normalised email addresses).
    recipient: str = field(repr=False)
    personalisation: Mapping[str, str] = field(repr=False)
    # The outbox idempotency key: the same on every attempt, so the provider can tell a
    # re-send after a crash from a new message.
    reference: str


@dataclass(frozen=True)
class ProviderResult:
    provider_reference: str


class DeliveryFailure(Exception):
    """``code`` is stored; ``reason`` too, so both must be free of personal data."""

    def __init__(self, code: str, reason: str = "") -> None:
        super().__init__(f"{code}: {reason}" if reason else code)
        self.code = code
        self.reason = reason


class TemporaryFailure(DeliveryFailure):
    """Worth trying again later: a provider outage, a time-out, a rate limit."""


class PermanentFailure(DeliveryFailure):
    """Trying again cannot help: the provider rejected the message itself."""


class Channel(Protocol):
    def send(self, message: OutgoingMessage) -> ProviderResult:
        """Hand the message over, or raise TemporaryFailure / PermanentFailure."""
        ...
