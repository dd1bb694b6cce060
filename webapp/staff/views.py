from __future__ import annotations

from typing import Any

import segno
from flask import flash, redirect, render_template, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_login import current_user, login_required, login_user, logout_user
from markupsafe import Markup
from werkzeug.exceptions import TooManyRequests

from webapp.clock import now
from webapp.content_registry import content
from webapp.extensions import db, limiter
from webapp.models.staff import StaffUser
from webapp.staff import accounts, bp
from webapp.staff.accounts import Outcome
from webapp.staff.forms import ChoosePasswordForm, CodeForm, SignInForm, SignOutForm
from webapp.staff.login import clear_pending, mark_seen, pending_staff, start_pending
from webapp.staff.passwords import provisioning_uri

SIGN_IN_LIMIT = "10 per minute"
SETUP_KEY = "staff_setup"
WRONG_DETAILS = "Email address or password is not correct"
LOCKED = (
    "This account is locked for 15 minutes after too many attempts. "
    "Try again later, or ask your service manager for help."
)


def render(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
    # Staff pages are English whatever language the visitor last chose on the public site.
    with force_locale("en_GB"):
        return render_template(template, **context), status


def _link_gone() -> tuple[str, int]:
    # Unknown, expired and used links look alike: a guessed token learns nothing.
    return render("staff/setup_invalid.html", 404)


@bp.route("/setup/<token>", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def setup_password(token: str) -> ResponseReturnValue:
    setup = accounts.usable_setup_token(token, now())
    if setup is None:
        return _link_gone()
    form = ChoosePasswordForm(email=setup.staff.email)
    if not form.validate_on_submit():
        return render("staff/setup_password.html", form=form, email=setup.staff.email)
    accounts.choose_password(setup, form.password.data or "")
    db.session.commit()
    session[SETUP_KEY] = setup.token_hash
    return redirect(url_for("staff.setup_code", token=token))


@bp.route("/setup/<token>/authenticator", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def setup_code(token: str) -> ResponseReturnValue:
    setup = accounts.usable_setup_token(token, now())
    if setup is None:
        return _link_gone()
    if session.get(SETUP_KEY) != setup.token_hash or not setup.staff.totp_secret:
        return redirect(url_for("staff.setup_password", token=token))
    form = CodeForm()
    if form.validate_on_submit():
        if accounts.complete_setup(setup, form.code.data or "", now()):
            db.session.commit()
            session.pop(SETUP_KEY, None)
            flash("Your account is set up. Sign in with your password and a security code.")
            return redirect(url_for("staff.sign_in"))
        form.code.errors = ["The code is not correct. Enter the current code from your app"]
    secret = setup.staff.totp_secret
    return render(
        "staff/setup_code.html",
        form=form,
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        qr_code=_qr_svg(provisioning_uri(secret, setup.staff.email)),
    )


def _qr_svg(uri: str) -> Markup:
    svg = segno.make(uri, error="m").svg_inline(scale=4, title="QR code for your authenticator app")
    # segno's own markup from a URI we built; role and title give it an accessible name.
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S704


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def sign_in() -> ResponseReturnValue:
    form = SignInForm()
    if form.validate_on_submit():
        attempt = accounts.check_password(form.email.data or "", form.password.data or "", now())
        db.session.commit()
        if attempt.outcome is Outcome.OK and attempt.staff is not None:
            start_pending(attempt.staff)
            return redirect(url_for("staff.sign_in_code"))
        message = LOCKED if attempt.outcome is Outcome.LOCKED else WRONG_DETAILS
        form.email.errors = [message]
    form.password.data = ""
    return render("staff/sign_in.html", form=form)


@bp.route("/sign-in/code", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_LIMIT, methods=["POST"])
def sign_in_code() -> ResponseReturnValue:
    staff = pending_staff()
    if staff is None:
        clear_pending()
        flash("Sign in again: your password is only remembered for 5 minutes.")
        return redirect(url_for("staff.sign_in"))
    form = CodeForm()
    if form.validate_on_submit():
        outcome = accounts.check_code(staff, form.code.data or "", now())
        db.session.commit()
        if outcome is Outcome.OK:
            _finish_sign_in(staff)
            return redirect(url_for("staff.home"))
        form.code.errors = [CODE_ERRORS[outcome]]
    return render("staff/sign_in_code.html", form=form)


CODE_ERRORS = {
    Outcome.FAILED: "The code is not correct. Enter the current code from your app",
    Outcome.REPLAYED: "That code has already been used. Wait for your app to show a new code",
    Outcome.LOCKED: LOCKED,
}


def _finish_sign_in(staff: StaffUser) -> None:
    # A fresh session: nothing from before sign-in carries over into it.
    session.clear()
    login_user(staff)
    mark_seen()


@bp.post("/sign-out")
def sign_out() -> ResponseReturnValue:
    form = SignOutForm()
    if form.validate_on_submit() and current_user.is_authenticated:
        accounts.audit("signed_out", current_user)
        db.session.commit()
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("staff.sign_in"))


@bp.get("/")
@login_required
def home() -> ResponseReturnValue:
    services = content().catalogue.services
    return render(
        "staff/home.html",
        staff=current_user,
        services=[services[s] for s in current_user.service_ids if s in services],
        sign_out_form=SignOutForm(),
    )


@bp.errorhandler(TooManyRequests)
def too_many_requests(error: TooManyRequests) -> ResponseReturnValue:
    body, status = render("staff/too_many_requests.html", 429)
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return body, status, headers
