"""Staff journey (URLs under /staff): set-up, sign-in with a second factor, the landing page.

Staff pages are English only and call no gettext, so they add nothing to the catalogues
patients' translators work through.
"""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

from webapp.staff import views  # noqa: E402,F401
