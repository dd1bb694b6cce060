"""Self-referral: the questionnaire journey under /refer, red flags first (decision D-10)."""

from flask import Blueprint

bp = Blueprint("referral", __name__, url_prefix="/refer")

from webapp.referral import views  # noqa: E402,F401
