"""Send what is due in the outbox: claim, send outside any transaction, record the outcome.

Claiming. One short transaction picks due rows in a fixed order (``next_attempt_at``,
``id``), marks them ``sending`` and counts the attempt. On PostgreSQL the rows are
selected ``FOR UPDATE SKIP LOCKED``, so any number of workers can run at once and each
row goes to one of them. SQLite has no row locks: run a single worker there.

Leases. While a row is ``sending``, ``next_attempt_at`` holds the end of the worker's
lease. If the worker dies between handing a message to the provider and recording the
outcome, the row stays ``sending``; once the lease has run out it is claimed again and
re-sent with the same reference (at least once, never silently lost). Keep ``limit``
times the channel's time-out well under the lease, or a slow pass could outlive it.

Outcomes are written with a guard on ``attempts``: a worker whose lease was taken over
cannot overwrite the outcome of the newer attempt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from webapp.models.outbox import DUE_STATUSES, MessageStatus, OutboxMessage
from webapp.notify.backoff import retry_delay
from webapp.notify.channels.base import (
    Channel,
    DeliveryFailure,
    OutgoingMessage,
    PermanentFailure,
    TemporaryFailure,
)
from webapp.notify.recipients import InvalidRecipient, normalise_recipient

logger = logging.getLogger("openmsk.notify")

MAX_ATTEMPTS = 10
LEASE = timedelta(minutes=10)


@dataclass(frozen=True)
class SendReport:
    claimed: int = 0
    sent: int = 0
    # Failed this time, to be tried again later.
    retrying: int = 0
    permanently_failed: int = 0

    def __add__(self, other: SendReport) -> SendReport:
        return SendReport(
            self.claimed + other.claimed,
            self.sent + other.sent,
            self.retrying + other.retrying,
            self.permanently_failed + other.permanently_failed,
        )


@dataclass(frozen=True)
class _Claimed:
    message: OutgoingMessage
    attempts: int


def _claim(
    session_factory: Callable[[], Session],
    channels: Mapping[str, Channel],
    *,
    now: datetime,
    limit: int,
    lease: timedelta,
) -> list[_Claimed]:
    query = (
        select(OutboxMessage)
        .where(
            OutboxMessage.status.in_([status.value for status in DUE_STATUSES]),
            OutboxMessage.next_attempt_at <= now,
            # A channel nobody configured (letters, for now) leaves its rows queued, untouched.
            OutboxMessage.channel.in_(sorted(channels)),
        )
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    )
    with session_factory() as session, session.begin():
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        claimed = []
        for row in session.scalars(query):
            if row.status == MessageStatus.SENDING:
                logger.warning("message %s: lease expired mid-send; sending again", row.id)
            row.status = MessageStatus.SENDING.value
            row.attempts += 1
            row.next_attempt_at = now + lease
            outgoing = OutgoingMessage(
                id=row.id,
                channel=row.channel,
                template=row.template,
                language=row.language,
                recipient=row.recipient,
                personalisation=dict(row.personalisation),
                reference=row.idempotency_key,
            )
            claimed.append(_Claimed(outgoing, row.attempts))
    return claimed


def _record(
    session_factory: Callable[[], Session], claimed: _Claimed, values: dict[str, Any]
) -> bool:
    with session_factory() as session, session.begin():
        result = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == claimed.message.id,
                OutboxMessage.status == MessageStatus.SENDING.value,
                OutboxMessage.attempts == claimed.attempts,
            )
            .values(**values)
        )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        logger.warning("outcome discarded: message %s was claimed again", claimed.message.id)
        return False
    return True


def _give_up(failure: DeliveryFailure) -> dict[str, Any]:
    return {
        "status": MessageStatus.PERMANENTLY_FAILED.value,
        "last_error": str(failure)[:200],
    }


def _outcome(
    claimed: _Claimed, channel: Channel, *, now: datetime, max_attempts: int
) -> dict[str, Any]:
    """The column values that record what happened when sending one claimed message."""
    message = claimed.message
    if claimed.attempts > max_attempts:
        # Only a row abandoned mid-send again and again gets here; stop re-sending it.
        return _give_up(PermanentFailure("lease_expired", f"{max_attempts} attempts"))
    try:
        recipient = normalise_recipient(message.channel, message.recipient)
    except InvalidRecipient as invalid:
        return _give_up(PermanentFailure("invalid_recipient", str(invalid)))
    try:
        result = channel.send(replace(message, recipient=recipient))
    except PermanentFailure as failure:
        return _give_up(failure)
    except TemporaryFailure as failure:
        return _retry_or_give_up(failure, claimed.attempts, now=now, max_attempts=max_attempts)
    except Exception as error:
        # A bug in a channel must not strand the rest of the pass; the class name only,
        # because an exception's message may quote the recipient.
        logger.error("channel raised %s for message %s", type(error).__name__, message.id)
        bug = TemporaryFailure("channel_error", type(error).__name__)
        return _retry_or_give_up(bug, claimed.attempts, now=now, max_attempts=max_attempts)
    return {
        "status": MessageStatus.SENT.value,
        "sent_at": now,
        "provider_reference": result.provider_reference[:128],
        "last_error": None,
    }


def _retry_or_give_up(
    failure: TemporaryFailure, attempts: int, *, now: datetime, max_attempts: int
) -> dict[str, Any]:
    if attempts >= max_attempts:
        return _give_up(PermanentFailure("max_attempts", str(failure)))
    return {
        "status": MessageStatus.FAILED.value,
        "next_attempt_at": now + retry_delay(attempts),
        "last_error": str(failure)[:200],
    }


def _count(status: str) -> SendReport:
    return SendReport(
        claimed=1,
        sent=int(status == MessageStatus.SENT),
        retrying=int(status == MessageStatus.FAILED),
        permanently_failed=int(status == MessageStatus.PERMANENTLY_FAILED),
    )


def send_due(
    session_factory: Callable[[], Session],
    channels: Mapping[str, Channel],
    *,
    now: datetime,
    limit: int = 50,
    max_attempts: int = MAX_ATTEMPTS,
    lease: timedelta = LEASE,
) -> SendReport:
    """One pass: send up to ``limit`` due messages through the channel for their type.

    ``channels`` maps a message channel (``email``, ``sms``, ``letter``) to the channel
    that carries it. ``session_factory`` makes plain sessions (not the request-scoped
    one), so the worker commits its own short transactions.
    """
    report = SendReport()
    for claimed in _claim(session_factory, channels, now=now, limit=limit, lease=lease):
        channel = channels[claimed.message.channel]
        values = _outcome(claimed, channel, now=now, max_attempts=max_attempts)
        if not _record(session_factory, claimed, values):
            report += SendReport(claimed=1)
            continue
        report += _count(values["status"])
        if values["status"] != MessageStatus.SENT:
            logger.info(
                "message %s %s: %s", claimed.message.id, values["status"], values["last_error"]
            )
    return report
