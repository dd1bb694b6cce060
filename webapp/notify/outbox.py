"""Writing to the outbox, in the caller's transaction, and reading a record's messages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from webapp.models.base import utcnow
from webapp.models.outbox import MessageChannel, MessageStatus, OutboxMessage

# Personalisation is the minimum a template needs (a reference, a date, a code), not a
# copy of the record: it is personal data kept until the message is purged.
MAX_PERSONALISATION_FIELDS = 20
MAX_PERSONALISATION_VALUE = 500

_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


@dataclass(frozen=True)
class Subject:
    """The record a message is about, so staff can list a referral's messages."""

    record_type: str
    record_id: str


class IdempotencyKeyReused(ValueError):
    """The key already names a different message: a caller bug, not a duplicate."""


def _check_personalisation(personalisation: Mapping[str, str]) -> dict[str, str]:
    if len(personalisation) > MAX_PERSONALISATION_FIELDS:
        raise ValueError("personalisation has too many fields; keep it minimal")
    for name, value in personalisation.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise TypeError("personalisation maps field names to strings")
        if len(value) > MAX_PERSONALISATION_VALUE:
            raise ValueError(f"personalisation field {name!r} is too long")
    return dict(personalisation)


def enqueue(
    session: Session,
    *,
    channel: MessageChannel | str,
    template: str,
    language: str,
    recipient: str,
    personalisation: Mapping[str, str],
    idempotency_key: str,
    subject: Subject | None = None,
    not_before: datetime | None = None,
) -> OutboxMessage:
    """Add a message to the outbox in the caller's transaction (no commit here).

    The same ``idempotency_key`` again returns the message already queued under it, even
    when another transaction inserted it concurrently (``INSERT … ON CONFLICT DO NOTHING``).
    The key is sent to the provider as its reference: build it from codes and ids
    (``referral:R7K2:received:email``), never from names or contact details.
    """
    channel = MessageChannel(channel)
    now = utcnow()
    insert = _INSERTS[session.get_bind().dialect.name]
    statement = (
        insert(OutboxMessage)
        .values(
            channel=channel.value,
            template=template,
            language=language,
            recipient=recipient,
            personalisation=_check_personalisation(personalisation),
            idempotency_key=idempotency_key,
            status=MessageStatus.QUEUED.value,
            attempts=0,
            next_attempt_at=not_before or now,
            created_at=now,
            record_type=subject.record_type if subject else None,
            record_id=subject.record_id if subject else None,
        )
        .on_conflict_do_nothing(index_elements=["idempotency_key"])
    )
    session.execute(statement)
    message = session.scalars(
        select(OutboxMessage).where(OutboxMessage.idempotency_key == idempotency_key)
    ).one()
    if (message.channel, message.template, message.recipient) != (
        channel.value,
        template,
        recipient,
    ):
        raise IdempotencyKeyReused(f"key {idempotency_key!r} names a different message")
    return message


def messages_about(session: Session, subject: Subject) -> Sequence[OutboxMessage]:
    """A record's messages, oldest first, for the staff view."""
    return session.scalars(
        select(OutboxMessage)
        .where(
            OutboxMessage.record_type == subject.record_type,
            OutboxMessage.record_id == subject.record_id,
        )
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    ).all()
