"""Integration fixtures: the real app against a real, migrated database."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.integration.databases import ThrowawayDatabase, postgres_reachable
from tests.integration.pages import PageChecker
from webapp import create_app
from webapp.extensions import db


@pytest.fixture(scope="session")
def test_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ThrowawayDatabase]:
    kind = request.config.getoption("--database")
    url = request.config.getoption("--postgres-url")
    if kind == "postgresql" and (why := postgres_reachable(url)) is not None:
        message = f"PostgreSQL at {url} is unreachable: {why}"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(f"SKIPPED ALL POSTGRESQL TESTS. {message}")
    database = ThrowawayDatabase(kind=kind, base_url=url, workdir=tmp_path_factory.mktemp("db"))
    database.prepare()
    yield database
    database.drop()


@pytest.fixture
def app(test_database: ThrowawayDatabase, request: pytest.FixtureRequest) -> Iterator[Flask]:
    name = re.sub(r"\W+", "_", request.node.name)[:60]
    app = create_app({"SQLALCHEMY_DATABASE_URI": test_database.fresh_url(name)})
    yield app
    with app.app_context():
        tables = [table.name for table in reversed(db.metadata.sorted_tables)]
        test_database.empty(db.engine, tables)
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def pages(client: FlaskClient) -> PageChecker:
    return PageChecker(client)
