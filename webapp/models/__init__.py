"""Persistence: typed SQLAlchemy 2 models and the queries over them."""

from webapp.models.audit import AuditEvent
from webapp.models.base import Base, db

__all__ = ["AuditEvent", "Base", "db"]
