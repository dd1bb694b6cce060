"""Options and fixtures shared by unit and integration tests."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("openmsk")
    group.addoption(
        "--database",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="Which database the integration tests run against.",
    )
    group.addoption(
        "--postgres-url",
        default=os.environ.get(
            "TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
        ),
        help="PostgreSQL server for --database=postgresql (a throwaway schema is made in it).",
    )


@pytest.fixture(autouse=True)
def _no_outside_services(monkeypatch: pytest.MonkeyPatch) -> None:
    # Anything that tries to talk to a real provider must fail loudly, not send.
    monkeypatch.setenv("OPENMSK_ENV", "test")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
