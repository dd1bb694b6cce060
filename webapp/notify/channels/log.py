"""The development channel: sends nothing, logs that it would have, remembers the last few.

It logs the message id and template key only: a development log is still a log, and
people test with their own phone numbers. The memory is per process, so a staff page can
show it only when the worker runs in the same process (a local site); the outbox table
itself is the record that works everywhere.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass

from webapp.notify.channels.base import OutgoingMessage, ProviderResult

logger = logging.getLogger("openmsk.notify.log")

KEEP = 50


@dataclass(frozen=True)
class LoggedMessage:
    message_id: int
    channel: str
    template: str
    language: str


class LogChannel:
    def __init__(self, keep: int = KEEP) -> None:
        self._recent: deque[LoggedMessage] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def send(self, message: OutgoingMessage) -> ProviderResult:
        logger.info("message %s (%s) not sent: log channel", message.id, message.template)
        logged = LoggedMessage(message.id, message.channel, message.template, message.language)
        with self._lock:
            self._recent.append(logged)
        return ProviderResult(provider_reference=f"log-{message.id}")

    def recent(self) -> list[LoggedMessage]:
        """Newest first."""
        with self._lock:
            return list(reversed(self._recent))


# One per process, so a worker and a page in the same process see the same messages.
LOG_CHANNEL = LogChannel()
