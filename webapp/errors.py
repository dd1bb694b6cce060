"""Error pages in the NHS.UK style and the visitor's language; never a stack trace."""

from __future__ import annotations

import logging
import traceback

from flask import Flask, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger("openmsk.errors")

TEMPLATES = {
    404: "errors/404.html",
    405: "errors/404.html",
    500: "errors/500.html",
    503: "errors/503.html",
}
CLIENT_ERROR_TEMPLATE = "errors/400.html"


# Served only if the error page itself cannot render (say, a broken template).
LAST_RESORT = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sorry, there is a '
    "problem with the service</title></head><body><h1>Sorry, there is a problem with the "
    "service</h1><p>Try again later. If you need help now, call NHS 111. In an emergency, "
    "call 999.</p></body></html>"
)


# A visitor lost inside a section is offered that section's index as well as the home page.
SECTION_INDEXES = {
    "advice": ("advice.index", _l("Browse all advice and exercises")),
    "services": ("services.finder", _l("Find your local service")),
}


def _section_index() -> tuple[str, str] | None:
    section = SECTION_INDEXES.get(request.blueprint or "")
    return (url_for(section[0]), str(section[1])) if section else None


def _template(status: int) -> str:
    if status in TEMPLATES:
        return TEMPLATES[status]
    return CLIENT_ERROR_TEMPLATE if status < 500 else TEMPLATES[500]


def _render(status: int) -> tuple[str, int]:
    try:
        page = render_template(_template(status), status=status, section_index=_section_index())
        return page, status
    except Exception as error:
        log.error("error page failed", extra={"error": type(error).__name__})
        return LAST_RESORT, status


def _http_error(error: HTTPException) -> ResponseReturnValue:
    # Keep the real status and its headers (Allow on 405, Retry-After on 429).
    body, status = _render(error.code or 500)
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return body, status, headers


def _csrf_error(error: CSRFError) -> tuple[str, int]:
    return render_template("errors/csrf.html"), 400


def _database_error(error: SQLAlchemyError) -> tuple[str, int]:
    # The type only: a database message can quote the row that failed, with its data.
    log.error("database unavailable", extra={"error": type(error).__name__})
    return _render(503)


def _unexpected(error: Exception) -> ResponseReturnValue:
    if isinstance(error, HTTPException) and not isinstance(error, InternalServerError):
        return _http_error(error)
    original = getattr(error, "original_exception", None) or error
    # Code locations help on-call; the exception's message can quote patient data, so it
    # is never logged, only its type and where it was raised.
    where = [
        f"{frame.filename}:{frame.lineno} {frame.name}"
        for frame in traceback.extract_tb(original.__traceback__)
    ]
    log.error("unhandled error", extra={"error": type(original).__name__, "trace": where})
    return _render(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(OperationalError, _database_error)
    app.register_error_handler(InternalServerError, _unexpected)
    app.register_error_handler(Exception, _unexpected)
