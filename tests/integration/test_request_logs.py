"""Request logs are structured and carry no personal data."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from flask import Flask
from pythonjsonlogger.json import JsonFormatter

from tests.integration.probe_routes import add_probe_routes
from webapp.request_log import LOGGER_NAME


@pytest.fixture
def log_lines(app: Flask) -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("%(name)s %(message)s"))
    logger = logging.getLogger("openmsk")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def records(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


class TestRequestLogs:
    def test_each_request_logs_route_status_and_timing_as_json(
        self, app: Flask, log_lines: io.StringIO
    ) -> None:
        app.test_client().get("/privacy?lang=pl")
        (entry,) = [r for r in records(log_lines) if r.get("name") == LOGGER_NAME]
        assert entry["route"] == "/privacy" and entry["status"] == 200 and entry["method"] == "GET"
        assert isinstance(entry["duration_ms"], float)

    def test_query_strings_and_form_bodies_are_never_logged(
        self, app: Flask, log_lines: io.StringIO
    ) -> None:
        add_probe_routes(app)
        client = app.test_client()
        client.get("/?nhs_number=9434765919&lang=ur")
        client.post("/_probe/form", data={"name": "Jane Patient"})
        client.get("/_probe/boom")
        text = log_lines.getvalue()
        assert "9434765919" not in text and "Jane Patient" not in text
        assert "secret patient detail" not in text
        assert '"error": "RuntimeError"' in text
