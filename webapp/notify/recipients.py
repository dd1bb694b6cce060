"""Is a recipient one a provider could deliver to? Pure checks, no network.

Checked by the worker, not when the message is enqueued: a mistyped phone number must not
stop a referral being saved; the message is marked permanently failed instead and the
queue shows that the person could not be contacted.
"""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

# Numbers in the UK's +44 plan, including the Crown Dependencies' mobile networks.
UK_REGIONS = frozenset({"GB", "GG", "JE", "IM"})
MOBILE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


class InvalidRecipient(ValueError):
    """The reason is stored, so it never repeats the recipient."""


def normalise_email(address: str) -> str:
    try:
        # No DNS look-up: the worker must not depend on the network for a syntax check,
        # and a domain without MX today may have one tomorrow.
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidRecipient("not a valid email address") from None


def normalise_uk_mobile(number: str) -> str:
    """The number in E.164 (+447…), if it is a UK mobile that can receive a text."""
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        raise InvalidRecipient("not a phone number") from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidRecipient("not a valid phone number")
    if phonenumbers.region_code_for_number(parsed) not in UK_REGIONS:
        raise InvalidRecipient("not a UK phone number")
    if phonenumbers.number_type(parsed) not in MOBILE_TYPES:
        raise InvalidRecipient("not a mobile number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_recipient(channel: str, recipient: str) -> str:
    if channel == "email":
        return normalise_email(recipient)
    if channel == "sms":
        return normalise_uk_mobile(recipient)
    if channel == "letter":
        # A reference to a postal address held elsewhere; the letter channel resolves it.
        if not recipient.strip():
            raise InvalidRecipient("no address reference")
        return recipient
    raise InvalidRecipient("unknown channel")
