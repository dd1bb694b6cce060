"""Find the service that covers you, and what each service offers (URLs under /services).

Not `webapp/services/`: ARCHITECTURE.md keeps that name for the use-case layer.
"""

from flask import Blueprint

bp = Blueprint("services", __name__, url_prefix="/services")

from webapp.service_pages import views  # noqa: E402,F401
