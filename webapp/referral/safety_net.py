"""After an emergency stop: may the service call to check the person got help?"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.validators import InputRequired, Length, ValidationError

from webapp.domain.answer_formats import FormatError, uk_phone
from webapp.referral.wording import FORMAT_ERRORS

CALL_BACK, NO_CONTACT = "yes", "no"


class SafetyNetForm(FlaskForm):
    call_back = RadioField(
        _l("Can someone from the service phone you today to check you got help?"),
        choices=[(CALL_BACK, _l("Yes, phone me")), (NO_CONTACT, _l("No, do not contact me"))],
        validators=[InputRequired(_l("Select whether the service can phone you"))],
    )
    name = StringField(_l("Name of the person who needs help"), validators=[Length(max=100)])
    phone = StringField(_l("Phone number"), validators=[Length(max=40)])

    def wants_call(self) -> bool:
        return self.call_back.data == CALL_BACK

    def phone_number(self) -> str:
        return uk_phone(self.phone.data or "")

    def validate_name(self, field: Any) -> None:
        if self.wants_call() and not (field.data or "").strip():
            raise ValidationError(_l("Enter the name of the person who needs help"))

    def validate_phone(self, field: Any) -> None:
        if not self.wants_call():
            return
        try:
            uk_phone(field.data or "")
        except FormatError as error:
            raise ValidationError(FORMAT_ERRORS[error.code]) from error
