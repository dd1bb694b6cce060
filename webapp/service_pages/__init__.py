"""Find the service that covers you, and what each service offers."""

from flask import Blueprint

bp = Blueprint("services", __name__, url_prefix="/services")

from webapp.services import views  # noqa: E402,F401
