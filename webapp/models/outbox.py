"""The notifications outbox: one row per message, written in the transaction that causes it.

A row is only ever sent by the worker (``webapp.notify.worker``), so a message is never
lost when a change commits and never sent when it rolls back. While a row is ``sending``,
``next_attempt_at`` is the end of the worker's lease: a row still ``sending`` after that
is taken to be abandoned by a crashed worker and is claimed again.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from webapp.models.base import UTCDateTime, db, utcnow


class MessageChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    LETTER = "letter"


class MessageStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    # Failed for now; tried again at next_attempt_at.
    FAILED = "failed"
    PERMANENTLY_FAILED = "permanently_failed"


# The worker picks rows in these states once next_attempt_at has passed.
DUE_STATUSES = (MessageStatus.QUEUED, MessageStatus.FAILED, MessageStatus.SENDING)


def _one_of(column: str, values: type[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


class OutboxMessage(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(db.Integer, "sqlite"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(10))
    template: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(10))
    # An email address, a phone number, or a reference to a postal address (never the address).
    recipient: Mapped[str] = mapped_column(String(320))
    # Only what the template needs (a reference, a date); never logged.
    personalisation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Chosen by the caller so that doing the same thing twice enqueues one message; it is
    # passed to the provider as its reference, so it must carry no personal data.
    idempotency_key: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(20), default=MessageStatus.QUEUED.value)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # "code: reason", written by our code from status codes and error names, never from
    # provider text that might echo the recipient.
    last_error: Mapped[str | None] = mapped_column(String(200))
    # The provider's own id for the message (Notify's notification id), for delivery status.
    provider_reference: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What the message is about (a referral, an appointment), so staff can list its messages.
    record_type: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("idempotency_key", name="uq_outbox_message_idempotency_key"),
        CheckConstraint(_one_of("channel", MessageChannel), name="channel"),
        CheckConstraint(_one_of("status", MessageStatus), name="status"),
        CheckConstraint("attempts >= 0", name="attempts"),
        CheckConstraint("(record_type IS NULL) = (record_id IS NULL)", name="subject"),
        # The worker's query: due rows in a deterministic order.
        Index("ix_outbox_message_due", "status", "next_attempt_at", "id"),
        Index("ix_outbox_message_record", "record_type", "record_id"),
    )

    def __repr__(self) -> str:
        # Never the recipient or the personalisation: reprs end up in logs and tracebacks.
        return f"<OutboxMessage {self.id} {self.channel}/{self.template} {self.status}>"
