"""Security baseline: headers on every response, CSRF on every POST, safe cookies."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.integration.pages import PageChecker
from tests.integration.probe_routes import add_probe_routes


@pytest.fixture
def probed(app: Flask) -> FlaskClient:
    add_probe_routes(app)
    return app.test_client()


def csp_directives(header: str) -> dict[str, str]:
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in header.split("; ")}


class TestHeaders:
    @pytest.mark.parametrize("path", ["/", "/privacy", "/healthz", "/missing"])
    def test_every_response_carries_the_security_headers(
        self, client: FlaskClient, path: str
    ) -> None:
        headers = client.get(path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] in {"no-referrer", "same-origin"}
        assert "no-store" in headers["Cache-Control"]
        csp = csp_directives(headers["Content-Security-Policy"])
        assert csp["frame-ancestors"] == "'none'"
        assert csp["object-src"] == "'none'"

    def test_csp_allows_no_inline_code_and_no_other_origin(self, client: FlaskClient) -> None:
        header = client.get("/").headers["Content-Security-Policy"]
        assert "unsafe-inline" not in header and "unsafe-eval" not in header
        assert "http:" not in header and "https:" not in header and "*" not in header

    def test_inline_script_carries_this_responses_nonce(self, client: FlaskClient) -> None:
        first, second = client.get("/"), client.get("/")
        nonces = []
        for response in (first, second):
            nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])[1]
            assert f'nonce="{nonce}"' in response.get_data(as_text=True)
            nonces.append(nonce)
        assert nonces[0] != nonces[1], "a nonce is never reused"

    def test_no_server_or_framework_version_is_disclosed(self, client: FlaskClient) -> None:
        headers = client.get("/").headers
        assert "Server" not in headers and "X-Powered-By" not in headers


class TestCsrf:
    def test_post_without_token_gets_an_nhs_styled_error_page(
        self, probed: FlaskClient, pages: PageChecker
    ) -> None:
        response = probed.post("/_probe/form", data={"name": "Ann"})
        assert response.status_code == 400
        page = pages.check(response.get_data(as_text=True), url="/_probe/form", lang="en")
        assert "timed out" in page.find("h1").get_text()
        assert page.find("header", class_="nhsuk-header") is not None

    def test_post_with_token_is_accepted(self, probed: FlaskClient) -> None:
        body = probed.get("/_probe/form").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', body)[1]
        response = probed.post("/_probe/form", data={"csrf_token": token, "name": "Ann"})
        assert response.get_data(as_text=True) == "accepted"

    def test_csrf_error_page_is_in_the_visitors_language(self, probed: FlaskClient) -> None:
        probed.get("/?lang=ur")
        body = probed.post("/_probe/form", data={}).get_data(as_text=True)
        assert 'lang="ur"' in body and 'dir="rtl"' in body

    def test_session_cookie_is_httponly_lax_and_secure(self, probed: FlaskClient) -> None:
        header = probed.get("/_probe/form").headers["Set-Cookie"]
        assert "openmsk_session=" in header
        assert "HttpOnly" in header and "SameSite=Lax" in header and "Secure" in header


class TestErrorPages:
    def test_crash_gives_the_500_page_without_any_detail(
        self, probed: FlaskClient, pages: PageChecker
    ) -> None:
        response = probed.get("/_probe/boom")
        assert response.status_code == 500
        body = response.get_data(as_text=True)
        assert "secret patient detail" not in body and "Traceback" not in body
        page = pages.check(body, url="/_probe/boom", lang="en")
        assert "problem with the service" in page.find("h1").get_text()


class TestAssetsOnAPoorConnection:
    def test_stylesheet_is_compressed_and_cached_for_an_hour(self, client: FlaskClient) -> None:
        browser = {"Accept-Encoding": "gzip, deflate, br, zstd"}
        response = client.get("/static/css/openmsk.css", headers=browser)
        assert response.headers["Content-Encoding"] in {"br", "zstd", "deflate"}
        assert "max-age=3600" in response.headers["Cache-Control"]
        assert len(response.data) < 60_000, "the stylesheet should compress well"

    def test_pages_are_not_compressed_because_they_hold_csrf_tokens(
        self, client: FlaskClient
    ) -> None:
        response = client.get("/", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
        assert "Content-Encoding" not in response.headers


class TestOtherHttpErrors:
    def test_wrong_method_keeps_405_and_its_allow_header(self, client: FlaskClient) -> None:
        response = client.delete("/privacy")
        assert response.status_code == 405
        assert "GET" in response.headers["Allow"]
        assert "nhsuk-header" in response.get_data(as_text=True)

    def test_crash_log_has_code_locations_but_not_the_message(self, probed: FlaskClient) -> None:
        import io
        import logging

        from pythonjsonlogger.json import JsonFormatter

        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.setFormatter(JsonFormatter())
        logging.getLogger("openmsk").addHandler(handler)
        try:
            probed.get("/_probe/boom")
        finally:
            logging.getLogger("openmsk").removeHandler(handler)
        logged = stream.getvalue()
        assert "probe_routes.py" in logged and "probe_boom" in logged
        assert "secret patient detail" not in logged
