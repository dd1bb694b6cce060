"""Creating staff, setting up, and the two sign-in steps, with lockout and audit.

Each function changes rows and leaves the commit to its caller: one commit per request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from webapp.models import AuditEvent, db
from webapp.models.staff import (
    SetupToken,
    StaffRole,
    StaffServiceMembership,
    StaffUser,
    setup_token_by_hash,
    staff_by_email,
)
from webapp.staff.passwords import hash_password, matching_step, new_totp_secret, password_matches

SETUP_LINK_LIFETIME = timedelta(hours=72)
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)


class Outcome(StrEnum):
    OK = "ok"
    FAILED = "failed"
    LOCKED = "locked"
    REPLAYED = "replayed"


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    staff: StaffUser | None = None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def audit(action: str, staff: StaffUser | None) -> None:
    actor = f"staff:{staff.id}" if staff else "unknown"
    record_id = str(staff.id) if staff else "unknown"
    db.session.add(AuditEvent(actor=actor, action=action, record_type="staff", record_id=record_id))


def create_staff(email: str, role: StaffRole, services: list[str], at: datetime) -> str:
    """A new account without a password; returns the one-time set-up token."""
    staff = StaffUser(email=email.strip().lower(), role=role.value, failed_attempts=0)
    staff.memberships = [StaffServiceMembership(service_id=s) for s in sorted(set(services))]
    token = secrets.token_urlsafe(32)
    db.session.add(staff)
    db.session.add(
        SetupToken(token_hash=token_hash(token), staff=staff, expires_at=at + SETUP_LINK_LIFETIME)
    )
    return token


def usable_setup_token(token: str, at: datetime) -> SetupToken | None:
    found = setup_token_by_hash(token_hash(token))
    if found is None or found.used_at is not None or found.expires_at <= at:
        return None
    if not found.staff.active:
        return None
    return found


def choose_password(setup: SetupToken, password: str) -> None:
    # A fresh secret each time, so a half-finished set-up never leaves an old QR code valid.
    setup.staff.password_hash = hash_password(password)
    setup.staff.totp_secret = new_totp_secret()


def complete_setup(setup: SetupToken, code: str, at: datetime) -> bool:
    staff = setup.staff
    step = matching_step(staff.totp_secret or "", code, at) if staff.totp_secret else None
    if step is None:
        return False
    staff.totp_enrolled_at = at
    staff.last_totp_step = step
    setup.used_at = at
    audit("setup_completed", staff)
    return True


def _locked(staff: StaffUser, at: datetime) -> bool:
    return staff.locked_until is not None and staff.locked_until > at


def _fail(staff: StaffUser, at: datetime) -> Outcome:
    audit("sign_in_failed", staff)
    staff.failed_attempts += 1
    if staff.failed_attempts >= MAX_FAILED_ATTEMPTS:
        staff.failed_attempts = 0
        staff.locked_until = at + LOCKOUT
        audit("locked", staff)
        return Outcome.LOCKED
    return Outcome.FAILED


def check_password(email: str, password: str, at: datetime) -> Attempt:
    staff = staff_by_email(email)
    matches = password_matches(staff.password_hash if staff else None, password)
    if staff is None or not staff.active or staff.totp_enrolled_at is None:
        audit("sign_in_failed", None)
        return Attempt(Outcome.FAILED)
    if _locked(staff, at):
        return Attempt(Outcome.LOCKED, staff)
    if not matches:
        return Attempt(_fail(staff, at), staff)
    return Attempt(Outcome.OK, staff)


def check_code(staff: StaffUser, code: str, at: datetime) -> Outcome:
    if _locked(staff, at):
        return Outcome.LOCKED
    step = matching_step(staff.totp_secret or "", code, at)
    if step is None:
        return _fail(staff, at)
    if staff.last_totp_step is not None and step <= staff.last_totp_step:
        outcome = _fail(staff, at)
        return Outcome.REPLAYED if outcome is Outcome.FAILED else outcome
    staff.last_totp_step = step
    staff.failed_attempts = 0
    staff.locked_until = None
    audit("sign_in", staff)
    return Outcome.OK
