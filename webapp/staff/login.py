"""Flask-Login for staff: only someone past both factors is ever ``login_user``-ed.

After a correct password, the session holds a pending id with a short expiry; the code
page finishes the job. A signed-in person idle for too long is signed out.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, current_app, flash, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, logout_user

from webapp.clock import now
from webapp.extensions import login_manager
from webapp.models.staff import StaffUser, staff_by_id

PENDING_KEY = "staff_pending"
LAST_SEEN_KEY = "staff_last_seen"
PENDING_LIFETIME = timedelta(minutes=5)


def _load_user(user_id: str) -> StaffUser | None:
    staff = staff_by_id(int(user_id)) if user_id.isdigit() else None
    if staff is None or not staff.active or staff.totp_enrolled_at is None:
        return None
    return staff


def start_pending(staff: StaffUser) -> None:
    session[PENDING_KEY] = {"id": staff.id, "until": (now() + PENDING_LIFETIME).timestamp()}


def pending_staff() -> StaffUser | None:
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or pending.get("until", 0) <= now().timestamp():
        return None
    return _load_user(str(pending.get("id", "")))


def clear_pending() -> None:
    session.pop(PENDING_KEY, None)


def mark_seen() -> None:
    session[LAST_SEEN_KEY] = now().timestamp()


def _unauthorised() -> ResponseReturnValue:
    if pending_staff() is not None:
        return redirect(url_for("staff.sign_in_code"))
    return redirect(url_for("staff.sign_in"))


def _idle_sign_out() -> ResponseReturnValue | None:
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    idle = timedelta(minutes=current_app.config["OPENMSK_STAFF_IDLE_MINUTES"])
    last_seen = session.get(LAST_SEEN_KEY, 0)
    if now().timestamp() - last_seen > idle.total_seconds():
        logout_user()
        session.clear()
        if request.blueprint == "staff":
            minutes = current_app.config["OPENMSK_STAFF_IDLE_MINUTES"]
            flash(f"You were signed out because you were inactive for {minutes} minutes.")
            return redirect(url_for("staff.sign_in"))
        return None
    mark_seen()
    return None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_unauthorised)
    # A session moved to another browser or address is dropped, not trusted.
    login_manager.session_protection = "strong"
    app.before_request(_idle_sign_out)
