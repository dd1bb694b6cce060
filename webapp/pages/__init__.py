"""Pages that explain the site: start, privacy notice, accessibility statement."""

from flask import Blueprint

bp = Blueprint("pages", __name__)

from webapp.pages import views  # noqa: E402,F401
