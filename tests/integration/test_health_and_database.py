"""/healthz, and what visitors see when the database is missing or broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from tests.integration.pages import PageChecker
from tests.integration.probe_routes import add_probe_routes
from webapp import create_app

# A port nothing listens on, so the connection is refused at once.
UNREACHABLE_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:9/none?connect_timeout=2"


def app_with_database(url: str) -> Flask:
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    add_probe_routes(app)
    return app


class TestHealthz:
    def test_reports_ok_with_database_content_and_version(self, app: Flask) -> None:
        response = app.test_client().get("/healthz")
        assert response.status_code == 200
        assert response.json == {
            "status": "ok",
            "database": True,
            "content": True,
            "version": app.config["OPENMSK_VERSION"],
        }

    def test_unreachable_database_gives_503(self) -> None:
        response = app_with_database(UNREACHABLE_POSTGRES).test_client().get("/healthz")
        assert response.status_code == 503
        assert response.json["status"] == "unavailable" and response.json["database"] is False


class TestBrokenDatabase:
    def test_unreachable_database_gives_the_503_page_not_a_trace(self) -> None:
        client = app_with_database(UNREACHABLE_POSTGRES).test_client()
        response = client.get("/_probe/db?lang=pl")
        assert response.status_code == 503
        page = PageChecker(client).check(
            response.get_data(as_text=True), url="/_probe/db", lang="pl"
        )
        assert "Traceback" not in page.get_text()

    def test_database_without_tables_gives_the_503_page(self, tmp_path: Path) -> None:
        client = app_with_database(f"sqlite:///{tmp_path / 'empty.sqlite3'}").test_client()
        response = client.get("/_probe/db")
        assert response.status_code == 503
        assert "unavailable" in response.get_data(as_text=True)

    def test_pages_that_need_no_database_still_serve(self) -> None:
        assert app_with_database(UNREACHABLE_POSTGRES).test_client().get("/").status_code == 200

    def test_working_database_answers(self, app: Flask) -> None:
        add_probe_routes(app)
        assert app.test_client().get("/_probe/db").get_data(as_text=True) == "0"


@pytest.mark.parametrize("path", ["/healthz", "/"])
def test_responses_never_crash_on_head_requests(app: Flask, path: str) -> None:
    assert app.test_client().head(path).status_code == 200
