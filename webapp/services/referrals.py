"""Self-referrals: keep a draft, submit it exactly once, record an emergency stop.

A draft is found again by a secret token held only by the person's browser; the database
keeps its SHA-256, so a copy of the database cannot resume anyone's referral. The draft's
reference becomes the referral's, and the referral's reference is unique: submitting the
same draft twice (a double click, a refresh, a replayed POST) returns the first referral
and writes nothing more.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal, cast

from sqlalchemy import CursorResult, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from webapp.content import Service
from webapp.content.codes import Priority
from webapp.domain.screening import ScreeningOutcome
from webapp.domain.sla import due_date
from webapp.models.referral import (
    REFERENCE_LENGTH,
    ContactChannel,
    Referral,
    ReferralDraft,
    ReferralPriority,
    ReferralSource,
    ReferralStatus,
    WorkItem,
    WorkItemKind,
    WorkItemStatus,
    draft_by_token_hash,
    reference_in_use,
    referral_by_reference,
)
from webapp.notify.outbox import Subject, enqueue

# Counted from the last save, so someone still filling the form in never loses it.
DRAFT_LIFETIME = timedelta(days=30)
# No 0, O, 1, I, L or U: a reference is read out over the phone and typed in again.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
# 30**8 references: a clash is rare, ten in a row means something else is wrong.
_REFERENCE_ATTEMPTS = 10
# Spaces and every kind of dash people (and phone keyboards) put in a reference.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
_VALID_REFERENCE = re.compile(f"[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}")
_HOURS_PER_DAY = 24

ContactChoice = Literal["email", "sms", "none"]


class ReferenceExhausted(RuntimeError):
    """No unused reference was found: the random source or the database is broken."""


@dataclass(frozen=True)
class Submission:
    """Everything the form has worked out by the time the person presses submit."""

    answers: dict[str, Any]
    screening: ScreeningOutcome
    eligibility_flags: tuple[str, ...]
    scores: dict[str, Any]
    patient_name: str
    date_of_birth: date
    practice_ods: str | None
    contact_channel: ContactChoice
    # The email address, or the mobile number in E.164; None when contact_channel is none.
    contact_address: str | None
    suggested_by_gp: bool

    def __post_init__(self) -> None:
        if self.contact_channel not in ("email", "sms", "none"):
            raise ValueError(f"unknown contact channel {self.contact_channel!r}")
        if (self.contact_channel == "none") != (self.contact_address is None):
            raise ValueError("give a contact address exactly when there is a contact channel")
        if self.screening.stops_the_form:
            # D-10: these never become a referral; record_safety_net keeps them instead.
            raise ValueError(f"a {self.screening.disposition} screen stops the form")


# References --------------------------------------------------------------------------


def format_reference(reference: str) -> str:
    """The stored reference as people see it: ``ABCD EFGH``."""
    if not _VALID_REFERENCE.fullmatch(reference):
        raise ValueError("not a stored reference")
    half = REFERENCE_LENGTH // 2
    return f"{reference[:half]} {reference[half:]}"


def normalise_reference(text: str) -> str | None:
    """A typed reference as stored (``abcd-efgh`` → ``ABCDEFGH``), or None if it cannot be one."""
    candidate = _SEPARATORS.sub("", text).upper()
    return candidate if _VALID_REFERENCE.fullmatch(candidate) else None


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def _unused_reference(session: Session) -> str:
    for _ in range(_REFERENCE_ATTEMPTS):
        reference = new_reference()
        if not reference_in_use(session, reference):
            return reference
    raise ReferenceExhausted(f"no unused reference in {_REFERENCE_ATTEMPTS} attempts")


# Drafts ------------------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_draft(
    session: Session,
    *,
    service_id: str,
    questionnaire_id: str,
    questionnaire_version: int,
    source: str,
    language: str,
    now: datetime,
) -> tuple[ReferralDraft, str]:
    """A new empty draft and the secret token that finds it again (shown once, never stored)."""
    token = secrets.token_urlsafe(32)
    draft = ReferralDraft(
        token_hash=hash_token(token),
        reference=_unused_reference(session),
        service_id=service_id,
        questionnaire_id=questionnaire_id,
        questionnaire_version=questionnaire_version,
        source=ReferralSource(source).value,
        answers={},
        language=language,
        created_at=now,
        updated_at=now,
        expires_at=now + DRAFT_LIFETIME,
    )
    session.add(draft)
    session.flush()
    return draft, token


def load_draft(session: Session, token: str, *, now: datetime) -> ReferralDraft | None:
    """The draft this token opens, or None if there is none or it has expired."""
    draft = draft_by_token_hash(session, hash_token(token))
    if draft is None or draft.expires_at <= now:
        return None
    return draft


def save_answers(
    session: Session, draft: ReferralDraft, answers: Mapping[str, Any], *, now: datetime
) -> None:
    # A new dict, not an in-place change: the JSON column only notices reassignment.
    draft.answers = dict(answers)
    draft.updated_at = now
    draft.expires_at = now + DRAFT_LIFETIME
    session.flush()


def purge_expired_drafts(session: Session, *, now: datetime) -> int:
    """Delete drafts past their expiry (unsubmitted answers are personal data); how many."""
    statement = delete(ReferralDraft).where(ReferralDraft.expires_at <= now)
    result = cast("CursorResult[Any]", session.execute(statement))
    return result.rowcount


# Submitting --------------------------------------------------------------------------


def triage_due_date(service: Service, priority: str, received_at: datetime) -> date | None:
    """The last day to triage within the service's limit (D-13), or None if it sets none."""
    limit = service.time_limit("triage", cast(Priority, priority))
    if limit is None:
        return None
    if limit.unit == "hours":
        # The queue has no times of day: whole calendar days, rounded up.
        return due_date(received_at, math.ceil(limit.amount / _HOURS_PER_DAY), working_days=False)
    return due_date(received_at, limit.amount, working_days=limit.unit == "working_days")


def submit_referral(
    session: Session,
    service: Service,
    draft: ReferralDraft,
    submission: Submission,
    *,
    now: datetime,
) -> Referral:
    """Write the referral, its queue item and its confirmation, and delete the draft.

    Flushes, never commits. The same draft again returns the referral already written.
    """
    existing = referral_by_reference(session, draft.reference)
    if existing is not None:
        return existing
    referral = _received_referral(service, draft, submission, now)

    def follow_up(saved: Referral) -> None:
        _queue(session, service, saved, _submitted_kind(submission), now)
        _confirm(session, saved, submission)
        session.delete(draft)

    return _insert_once(session, referral, follow_up)


def _received_referral(
    service: Service, draft: ReferralDraft, submission: Submission, now: datetime
) -> Referral:
    priority = (
        ReferralPriority.PRIORITY
        if submission.screening.disposition == "PRIORITY"
        else ReferralPriority.ROUTINE
    )
    return Referral(
        reference=draft.reference,
        service_id=service.id,
        source=draft.source,
        status=ReferralStatus.RECEIVED.value,
        suggested_by_gp=submission.suggested_by_gp,
        questionnaire_id=draft.questionnaire_id,
        questionnaire_version=draft.questionnaire_version,
        answers=dict(submission.answers),
        language=draft.language,
        screening_disposition=submission.screening.disposition,
        screening_reasons=list(submission.screening.all_reasons),
        eligibility_flags=list(submission.eligibility_flags),
        scores=dict(submission.scores),
        priority=priority.value,
        patient_name=submission.patient_name,
        date_of_birth=submission.date_of_birth,
        practice_ods=submission.practice_ods,
        contact_channel=submission.contact_channel,
        contact_address=submission.contact_address,
        received_at=now,
    )


def _submitted_kind(submission: Submission) -> WorkItemKind:
    if submission.suggested_by_gp:
        return WorkItemKind.GP_SUGGESTED_REFERRAL
    return WorkItemKind.NEW_REFERRAL


def _queue(
    session: Session, service: Service, referral: Referral, kind: WorkItemKind, now: datetime
) -> WorkItem:
    if kind is WorkItemKind.RED_FLAG_SAFETY_NET:
        # Same local day, whatever the service's usual limits and whatever the day.
        due: date | None = due_date(now, 0, working_days=False)
    else:
        due = triage_due_date(service, referral.priority, now)
    item = WorkItem(
        service_id=referral.service_id,
        kind=kind.value,
        referral_id=referral.id,
        priority=referral.priority,
        due_date=due,
        received_at=now,
        status=WorkItemStatus.OPEN.value,
        created_at=now,
    )
    session.add(item)
    return item


def _confirm(session: Session, referral: Referral, submission: Submission) -> None:
    if submission.contact_channel == "none" or submission.contact_address is None:
        return
    enqueue(
        session,
        channel=submission.contact_channel,
        template="referral_received",
        language=referral.language,
        recipient=submission.contact_address,
        personalisation={"reference": format_reference(referral.reference)},
        # The reference is not personal data, so it may travel to the provider.
        idempotency_key=f"referral:{referral.reference}:received:{submission.contact_channel}",
        subject=Subject("referral", str(referral.id)),
    )


def _insert_once(
    session: Session, referral: Referral, follow_up: Callable[[Referral], None]
) -> Referral:
    """Add the referral and what comes with it, or return the one a concurrent request added.

    Two requests for one reference can both miss the first look-up; the unique reference
    lets exactly one insert win. The loser rolls back to its savepoint, keeping the
    caller's transaction usable, and returns the winner's row.
    """
    try:
        with session.begin_nested():
            session.add(referral)
            session.flush()
            follow_up(referral)
            session.flush()
    except IntegrityError:
        winner = referral_by_reference(session, referral.reference)
        if winner is None:
            raise
        return winner
    return referral


# The emergency stop ------------------------------------------------------------------


def record_safety_net(
    session: Session,
    service: Service,
    *,
    reference: str | None,
    source: str,
    language: str,
    screening: ScreeningOutcome,
    answers_so_far: Mapping[str, Any],
    contact_name: str,
    contact_phone: str,
    date_of_birth: date | None,
    now: datetime,
) -> Referral:
    """Keep what someone told us before an emergency stop, for staff to call back today.

    ``reference`` is the draft's when there is one, so a second press of the stop button
    returns the record already made; without a draft a new reference is found.
    """
    if not screening.stops_the_form:
        raise ValueError(f"a {screening.disposition} screen does not stop the form")
    reference = _stored_reference(reference) if reference else _unused_reference(session)
    existing = referral_by_reference(session, reference)
    if existing is not None:
        return existing
    referral = Referral(
        reference=reference,
        service_id=service.id,
        source=ReferralSource(source).value,
        status=ReferralStatus.SAFETY_NET.value,
        suggested_by_gp=False,
        answers=dict(answers_so_far),
        language=language,
        screening_disposition=screening.disposition,
        screening_reasons=list(screening.all_reasons),
        eligibility_flags=[],
        scores={},
        priority=ReferralPriority.URGENT.value,
        patient_name=contact_name,
        date_of_birth=date_of_birth,
        contact_channel=ContactChannel.PHONE.value,
        contact_address=contact_phone,
        received_at=now,
    )

    def follow_up(saved: Referral) -> None:
        _queue(session, service, saved, WorkItemKind.RED_FLAG_SAFETY_NET, now)

    return _insert_once(session, referral, follow_up)


def _stored_reference(reference: str) -> str:
    stored = normalise_reference(reference)
    if stored is None:
        raise ValueError("not a valid reference")
    return stored
