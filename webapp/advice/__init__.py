"""Condition advice: the library, one page per condition, and a printable booklet."""

from flask import Blueprint

bp = Blueprint("advice", __name__, url_prefix="/advice")

from webapp.advice import views  # noqa: E402,F401
