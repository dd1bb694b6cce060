"""Staff accounts, the services each person works for, and one-time set-up links.

A person signs in with a password (argon2id) and a TOTP code; only the queries the staff
journey needs live here, so views never build them.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.models.base import UTCDateTime, db, utcnow


class StaffRole(StrEnum):
    CLINICIAN = "clinician"
    # Booking and clerical work.
    ADMINISTRATOR = "administrator"
    # Also manages staff and reads the audit.
    SERVICE_MANAGER = "service_manager"


ROLES = "role IN ({})".format(", ".join(repr(role.value) for role in StaffRole))


class StaffUser(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Always stored lower-cased, so one person cannot hold two accounts by case alone.
    email: Mapped[str] = mapped_column(String(320))
    # None until the person has used their set-up link.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    # Stored as given for now. Production should encrypt this at rest (an application key
    # outside the database), so a copy of the database alone cannot mint codes.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The 30-second step of the last code accepted: a code from that step or earlier is a
    # replay and is refused.
    last_totp_step: Mapped[int | None] = mapped_column()
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    memberships: Mapped[list[StaffServiceMembership]] = relationship(
        back_populates="staff", order_by="StaffServiceMembership.service_id"
    )

    __table_args__ = (
        UniqueConstraint("email", name="uq_staff_user_email"),
        CheckConstraint(ROLES, name="role"),
        CheckConstraint("email = lower(email)", name="email_lower_case"),
        CheckConstraint("failed_attempts >= 0", name="failed_attempts"),
    )

    @property
    def is_active(self) -> bool:  # Flask-Login's name for it
        return self.active

    @property
    def service_ids(self) -> list[str]:
        return [membership.service_id for membership in self.memberships]

    def __repr__(self) -> str:
        # Never the email, hash or secret: reprs end up in logs and tracebacks.
        return f"<StaffUser {self.id} {self.role}>"


class StaffServiceMembership(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "staff_service_membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    # A content service id (content/services/*.yaml), not a foreign key: services are content.
    service_id: Mapped[str] = mapped_column(String(64))

    staff: Mapped[StaffUser] = relationship(back_populates="memberships")

    __table_args__ = (
        UniqueConstraint("staff_id", "service_id", name="uq_staff_service_membership_staff_id"),
    )


class SetupToken(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "staff_setup_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the token; the token itself is only ever in the link the person is given.
    token_hash: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    staff: Mapped[StaffUser] = relationship()

    __table_args__ = (UniqueConstraint("token_hash", name="uq_staff_setup_token_token_hash"),)


def staff_by_email(email: str) -> StaffUser | None:
    return db.session.scalars(select(StaffUser).filter_by(email=email.strip().lower())).first()


def staff_by_id(staff_id: int) -> StaffUser | None:
    return db.session.get(StaffUser, staff_id)


def setup_token_by_hash(token_hash: str) -> SetupToken | None:
    return db.session.scalars(select(SetupToken).filter_by(token_hash=token_hash)).first()
