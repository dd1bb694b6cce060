from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class PracticeSearchForm(FlaskForm):
    """A GET search: nothing is changed, so no CSRF token is needed or sent in the URL."""

    class Meta:
        csrf = False

    practice = StringField(
        _l("GP practice name or code"),
        validators=[
            DataRequired(_l("Enter the name or code of your GP practice")),
            Length(max=100, message=_l("Practice name or code must be 100 characters or fewer")),
        ],
    )
