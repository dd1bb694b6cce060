"""Structured request logs that never carry personal data.

Only the route's rule (``/advice/<slug>``), never the full path or query string, the
method, status and timing are logged: URLs may carry answers and form bodies always do.
"""

from __future__ import annotations

import logging
import sys
import time

from flask import Flask, Response, g, request
from pythonjsonlogger.json import JsonFormatter

LOGGER_NAME = "openmsk.request"


def configure_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger("openmsk")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _start_timer() -> None:
    g.request_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    started = g.get("request_started")
    elapsed_ms = round((time.perf_counter() - started) * 1000, 2) if started else None
    logging.getLogger(LOGGER_NAME).info(
        "request",
        extra={
            "method": request.method,
            "route": request.url_rule.rule if request.url_rule else "<unmatched>",
            "endpoint": request.endpoint,
            "status": response.status_code,
            "duration_ms": elapsed_ms,
        },
    )
    return response


def init_app(app: Flask) -> None:
    configure_logging()
    app.before_request(_start_timer)
    app.after_request(_log_request)
