"""Persistence: typed SQLAlchemy 2 models and the queries over them."""

from webapp.models.audit import AuditEvent
from webapp.models.base import Base, db
from webapp.models.outbox import OutboxMessage

__all__ = ["AuditEvent", "Base", "OutboxMessage", "db"]
