"""Password and TOTP checks; nothing here touches the database or the request."""

from __future__ import annotations

import hmac
from datetime import datetime

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory parameters.
HASHER = PasswordHasher()
# Verified against when the email is unknown, so both cases take the same time.
_DUMMY_HASH = HASHER.hash("not a real password, only here for timing")
MIN_PASSWORD_LENGTH = 12
ISSUER = "OpenMSK staff"
# Codes from the step before and after the current one are accepted (clock drift).
VALID_WINDOW = 1


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    try:
        return HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def matching_step(secret: str, code: str, at: datetime) -> int | None:
    """The time step whose code this is, within the window, or None."""
    totp = pyotp.TOTP(secret)
    current = totp.timecode(at)
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None
