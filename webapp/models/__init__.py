"""Persistence: typed SQLAlchemy 2 models and the queries over them."""

from webapp.models.base import Base, db
from webapp.models.audit import AuditEvent

__all__ = ["AuditEvent", "Base", "db"]
