"""Persistence: typed SQLAlchemy 2 models and the queries over them."""

from webapp.models import referral as referral  # registers its tables with the metadata
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
