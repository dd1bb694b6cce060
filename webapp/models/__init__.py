"""Persistence: typed SQLAlchemy 2 models and the queries over them."""

from webapp.models.audit import AuditEvent
from webapp.models.base import Base, db
from webapp.models.outbox import OutboxMessage
from webapp.models.staff import SetupToken, StaffServiceMembership, StaffUser

__all__ = [
    "AuditEvent",
    "Base",
    "OutboxMessage",
    "SetupToken",
    "StaffServiceMembership",
    "StaffUser",
    "db",
]
