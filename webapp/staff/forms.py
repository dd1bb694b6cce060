"""Staff forms. English only: plain strings, no gettext."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from webapp.staff.passwords import MIN_PASSWORD_LENGTH


def _digits_only(value: Any) -> Any:
    return "".join(str(value).split()) if value else value


class SignInForm(FlaskForm):
    email = EmailField(
        "Email address",
        validators=[
            DataRequired("Enter your email address"),
            Length(max=320, message="Email address must be 320 characters or fewer"),
        ],
    )
    password = PasswordField(
        "Password",
        validators=[
            DataRequired("Enter your password"),
            Length(max=1000, message="Password must be 1000 characters or fewer"),
        ],
    )


class CodeForm(FlaskForm):
    code = StringField(
        "Security code",
        filters=[_digits_only],
        validators=[
            DataRequired("Enter the 6-digit code from your authenticator app"),
            Regexp(r"^\d{6}$", message="Enter the 6-digit code from your authenticator app"),
        ],
    )


class ChoosePasswordForm(FlaskForm):
    password = PasswordField(
        "Password",
        validators=[
            DataRequired("Enter a password"),
            Length(
                min=MIN_PASSWORD_LENGTH,
                message=f"Password must be at least {MIN_PASSWORD_LENGTH} characters",
            ),
            Length(max=1000, message="Password must be 1000 characters or fewer"),
        ],
    )
    confirm = PasswordField(
        "Confirm password",
        validators=[
            DataRequired("Enter your password again"),
            EqualTo("password", message="Passwords must match"),
        ],
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._email = email

    def validate_password(self, field: PasswordField) -> None:
        if field.data and field.data.strip().lower() == self._email.lower():
            raise ValidationError("Password must not be your email address")


class SignOutForm(FlaskForm):
    """No fields: the CSRF token is the point."""
