"""What the referral journey's codes are called, in the visitor's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

# Error messages for what was typed, by the code the readers raise (NHS.UK error style:
# say what to do, not what went wrong). "required" uses the question's own message.
FORMAT_ERRORS = {
    "required": _l("Answer this question"),
    "choice_invalid": _l("Select one of the options"),
    "exclusive_with_others": _l("Select the options that apply, or select only the last option"),
    "practice_not_found": _l(
        "We could not find that GP surgery. Check the spelling, or enter its code, a letter followed by 5 numbers"
    ),
    "practice_choose": _l("Several GP surgeries match. Select yours from the list"),
    "nhs_number_not_digits": _l("NHS number must only contain numbers"),
    "nhs_number_length": _l("NHS number must be 10 numbers"),
    "nhs_number_checksum": _l(
        "Enter a real NHS number, like 999 123 4567. Leave it empty if you do not know it"
    ),
    "phone_invalid": _l("Enter a UK phone number, like 07700 900 982 or 01632 960 001"),
    "phone_not_uk": _l("Enter a UK phone number, starting with 0 or +44"),
    "phone_not_mobile": _l("Enter a UK mobile number, like 07700 900 982"),
    "email_invalid": _l("Enter an email address in the correct format, like name@example.com"),
    "postcode_invalid": _l("Enter a full UK postcode, like LS1 4AP"),
    "date_missing": _l("Enter a date"),
    "date_missing_day": _l("Date must include a day"),
    "date_missing_month": _l("Date must include a month"),
    "date_missing_year": _l("Date must include a year"),
    "date_not_number": _l("Date must be a real date, written in numbers, like 15 3 1984"),
    "date_year_4_digits": _l("Year must include 4 numbers"),
    "date_not_real": _l("Date must be a real date"),
    "date_in_future": _l("Date must be today or in the past"),
    "date_too_old": _l("Check the year: the date is more than 130 years ago"),
    "number_not_whole": _l("Enter a whole number"),
    "number_too_small": _l("The number is too small"),
    "number_too_large": _l("The number is too large"),
    "text_too_long": _l("Your answer is too long. Shorten it and try again"),
}

BODY_SITES = {
    "lower_back": _l("Lower back"),
    "upper_back": _l("Upper or middle back"),
    "neck": _l("Neck"),
    "shoulder": _l("Shoulder"),
    "elbow": _l("Elbow"),
    "hand_wrist": _l("Hand or wrist"),
    "hip": _l("Hip"),
    "knee": _l("Knee"),
    "foot_ankle": _l("Foot or ankle"),
    "widespread": _l("Pain in many places"),
    "head_jaw": _l("Head or jaw"),
}

YES_NO_NOT_SURE = {"yes": _l("Yes"), "no": _l("No"), "not_sure": _l("I'm not sure")}
