"""Self-referrals: the draft a person fills in, the referral they submit, and the queue item.

A draft and its referral share one ``reference``. The referral's reference is unique, so a
double click, a refresh or a replayed POST can only ever create one referral; the queue
item is unique per referral and kind for the same reason.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from webapp.models.base import UTCDateTime, db, utcnow

# Stored without the space it is shown with ("ABCD EFGH").
REFERENCE_LENGTH = 8


class ReferralSource(StrEnum):
    SELF = "self"
    CARER = "carer"
    GP_LINK = "gp_link"
    TELEPHONE = "telephone"
    SCHOOL = "school"


class ReferralStatus(StrEnum):
    RECEIVED = "received"
    # The form stopped at an emergency or same-day red flag: staff call the person back.
    SAFETY_NET = "safety_net"


class ReferralPriority(StrEnum):
    ROUTINE = "routine"
    PRIORITY = "priority"
    URGENT = "urgent"


class ScreeningDisposition(StrEnum):
    EMERGENCY = "EMERGENCY"
    URGENT_SAME_DAY = "URGENT_SAME_DAY"
    PRIORITY = "PRIORITY"
    ROUTINE = "ROUTINE"


class ContactChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    # A number staff call (the safety net); it may be a landline, so no texts go to it.
    PHONE = "phone"
    NONE = "none"


class WorkItemKind(StrEnum):
    NEW_REFERRAL = "new_referral"
    GP_SUGGESTED_REFERRAL = "gp_suggested_referral"
    RED_FLAG_SAFETY_NET = "red_flag_safety_net"
    PIFU_REQUEST = "pifu_request"
    APPOINTMENT_CHANGE = "appointment_change"
    DNA_FOLLOW_UP = "dna_follow_up"


class WorkItemStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


def one_of(column: str, values: type[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


class ReferralDraft(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "referral_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the secret token; the token itself only ever lives in the person's browser.
    token_hash: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(REFERENCE_LENGTH))
    service_id: Mapped[str] = mapped_column(String(64))
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[int] = mapped_column()
    source: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        UniqueConstraint("token_hash", name="uq_referral_draft_token_hash"),
        UniqueConstraint("reference", name="uq_referral_draft_reference"),
        CheckConstraint(one_of("source", ReferralSource), name="source"),
        CheckConstraint("questionnaire_version >= 1", name="questionnaire_version"),
        CheckConstraint(f"length(reference) = {REFERENCE_LENGTH}", name="reference_length"),
        # The purge deletes by expiry.
        Index("ix_referral_draft_expires_at", "expires_at"),
    )

    def __repr__(self) -> str:
        # Never the answers or the token hash: reprs end up in logs and tracebacks.
        return f"<ReferralDraft {self.id} {self.reference} {self.service_id}>"


class Referral(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(REFERENCE_LENGTH))
    service_id: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    suggested_by_gp: Mapped[bool] = mapped_column(default=False)
    # None only for a safety-net record, which may stop before the questionnaire is chosen.
    questionnaire_id: Mapped[str | None] = mapped_column(String(64))
    questionnaire_version: Mapped[int | None] = mapped_column()
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    language: Mapped[str] = mapped_column(String(10))
    screening_disposition: Mapped[str] = mapped_column(String(20))
    # Every red-flag rule that fired, at any disposition: triage sees the whole picture.
    screening_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    eligibility_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    priority: Mapped[str] = mapped_column(String(10))
    patient_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    practice_ods: Mapped[str | None] = mapped_column(String(10))
    # How to reach the person: the confirmation goes there, and staff call a safety net back.
    contact_channel: Mapped[str] = mapped_column(String(10))
    contact_address: Mapped[str | None] = mapped_column(String(320))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        UniqueConstraint("reference", name="uq_referral_reference"),
        CheckConstraint(one_of("source", ReferralSource), name="source"),
        CheckConstraint(one_of("status", ReferralStatus), name="status"),
        CheckConstraint(one_of("priority", ReferralPriority), name="priority"),
        CheckConstraint(
            one_of("screening_disposition", ScreeningDisposition), name="screening_disposition"
        ),
        CheckConstraint(one_of("contact_channel", ContactChannel), name="contact_channel"),
        CheckConstraint(
            "(contact_channel = 'none') = (contact_address IS NULL)", name="contact_address"
        ),
        # A submitted referral is complete; only the emergency stop may lack these.
        CheckConstraint(
            "status = 'safety_net' OR (questionnaire_id IS NOT NULL"
            " AND questionnaire_version IS NOT NULL AND date_of_birth IS NOT NULL)",
            name="complete_when_received",
        ),
        CheckConstraint(f"length(reference) = {REFERENCE_LENGTH}", name="reference_length"),
        Index("ix_referral_service_received", "service_id", "received_at"),
    )

    def __repr__(self) -> str:
        # Never names, dates of birth, contact details or answers.
        return f"<Referral {self.id} {self.reference} {self.service_id} {self.status}>"


class WorkItem(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "work_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(30))
    # None for kinds that will hang off other records (appointments, follow-up requests).
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    priority: Mapped[str] = mapped_column(String(10))
    # The last day the item may be done within the service's time limit; None if it has none.
    due_date: Mapped[date | None] = mapped_column(Date)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20), default=WorkItemStatus.OPEN.value)
    claimed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        UniqueConstraint("referral_id", "kind", name="uq_work_item_referral_id_kind"),
        CheckConstraint(one_of("kind", WorkItemKind), name="kind"),
        CheckConstraint(one_of("priority", ReferralPriority), name="priority"),
        CheckConstraint(one_of("status", WorkItemStatus), name="status"),
        # The queue's two orders (content: queue.order), within one service and status.
        Index("ix_work_item_queue_by_due", "service_id", "status", "priority", "due_date"),
        Index("ix_work_item_queue_by_received", "service_id", "status", "received_at"),
    )

    def __repr__(self) -> str:
        return f"<WorkItem {self.id} {self.kind} {self.status}>"


def referral_by_reference(session: Session, reference: str) -> Referral | None:
    return session.scalars(select(Referral).filter_by(reference=reference)).first()


def draft_by_token_hash(session: Session, token_hash: str) -> ReferralDraft | None:
    return session.scalars(select(ReferralDraft).filter_by(token_hash=token_hash)).first()


def reference_in_use(session: Session, reference: str) -> bool:
    in_drafts = select(ReferralDraft.id).filter_by(reference=reference)
    in_referrals = select(Referral.id).filter_by(reference=reference)
    return session.scalars(in_drafts.union_all(in_referrals).limit(1)).first() is not None


def work_items_for(session: Session, referral_id: int) -> list[WorkItem]:
    return list(
        session.scalars(
            select(WorkItem).filter_by(referral_id=referral_id).order_by(WorkItem.id)
        ).all()
    )
