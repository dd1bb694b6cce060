"""Fixtures for the outbox: plain sessions like the worker's, a scripted channel, fakes."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.notify.fake_notify import FakeNotify, running_fake_notify
from tests.integration.notify.fake_smtp import Inbox, running_smtp_server
from webapp.models import OutboxMessage, db
from webapp.models.base import utcnow
from webapp.notify.channels.base import Channel, OutgoingMessage, ProviderResult
from webapp.notify.outbox import enqueue

SessionFactory = Callable[[], Session]


class ScriptedChannel:
    """Records what it is asked to send; raises the scripted failures, in order, first."""

    def __init__(self, *outcomes: BaseException, delay: float = 0.0) -> None:
        self.outcomes = list(outcomes)
        self.sent: list[OutgoingMessage] = []
        self.delay = delay
        self.lock = threading.Lock()

    def send(self, message: OutgoingMessage) -> ProviderResult:
        with self.lock:
            self.sent.append(message)
            outcome = self.outcomes.pop(0) if self.outcomes else None
        if self.delay:
            threading.Event().wait(self.delay)
        if outcome is not None:
            raise outcome
        return ProviderResult(provider_reference=f"provider-{message.id}-{len(self.sent)}")


class WorkerCrash(BaseException):
    """Stands in for the process dying: nothing in the worker catches it."""


class CrashAfterSending:
    """Hands the message to the real channel, then 'dies' before the outcome is recorded."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.crashed = False

    def send(self, message: OutgoingMessage) -> ProviderResult:
        result = self.channel.send(message)
        if not self.crashed:
            self.crashed = True
            raise WorkerCrash
        return result


@pytest.fixture(autouse=True)
def _no_notify_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI reads the environment as deployments do; a developer's own settings must not
    # send these tests' messages anywhere.
    for name in list(os.environ):
        if name.startswith(("OPENMSK_NOTIFY_", "OPENMSK_SMTP_")):
            monkeypatch.delenv(name)


@pytest.fixture
def session_factory(app: Flask) -> Iterator[SessionFactory]:
    with app.app_context():
        yield sessionmaker(bind=db.engine)


@pytest.fixture
def fake_notify() -> Iterator[FakeNotify]:
    with running_fake_notify() as fake:
        yield fake


@pytest.fixture
def smtp_inbox() -> Iterator[Inbox]:
    with running_smtp_server() as inbox:
        yield inbox


def queue_message(
    factory: SessionFactory,
    key: str = "referral:R1:received:sms",
    *,
    channel: str = "sms",
    recipient: str = "07400 123456",
    template: str = "referral_received",
    language: str = "en",
    personalisation: dict[str, str] | None = None,
) -> int:
    """Enqueue and commit one message, as a finished request would; its id."""
    with factory() as session, session.begin():
        message = enqueue(
            session,
            channel=channel,
            template=template,
            language=language,
            recipient=recipient,
            personalisation=personalisation or {"reference": "R1"},
            idempotency_key=key,
        )
        return message.id


def stored(factory: SessionFactory, message_id: int) -> OutboxMessage:
    with factory() as session:
        message = session.get(OutboxMessage, message_id)
        assert message is not None
        session.expunge(message)
        return message


def later(minutes: float) -> datetime:
    return utcnow() + timedelta(minutes=minutes)
