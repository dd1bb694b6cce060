"""Throwaway databases for integration tests, migrated with the real Alembic migrations.

SQLite: migrate once into a template file and copy it for each test (the audit trigger
forbids DELETE, so copying is also the only clean reset). PostgreSQL: one schema per test
session, named so parallel runs on the same server never meet, emptied with TRUNCATE.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_migrations(database_url: str, *, revision: str = "head", command: str = "upgrade") -> None:
    """Run Alembic through the real CLI, exactly as `make run` does."""
    env = {"OPENMSK_ENV": "test", "DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    if content_root := os.environ.get("OPENMSK_CONTENT_ROOT"):
        env["OPENMSK_CONTENT_ROOT"] = content_root
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", "db", command, revision],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"flask db {command} failed:\n{result.stdout}\n{result.stderr}")


def with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@dataclass
class ThrowawayDatabase:
    kind: str
    base_url: str
    workdir: Path
    schema: str | None = None
    template: Path | None = None

    def prepare(self) -> None:
        if self.kind == "sqlite":
            self.template = self.workdir / "template.sqlite3"
            run_migrations(f"sqlite:///{self.template}")
            return
        self.schema = f"openmsk_test_{uuid.uuid4().hex[:12]}"
        engine = sa.create_engine(self.base_url)
        with engine.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{self.schema}"'))
        engine.dispose()
        run_migrations(self.url_for_session())

    def url_for_session(self) -> str:
        assert self.schema is not None
        return with_search_path(self.base_url, self.schema)

    def fresh_url(self, name: str) -> str:
        """A database URL whose tables are migrated and empty."""
        if self.kind == "sqlite":
            assert self.template is not None
            target = self.workdir / f"{name}.sqlite3"
            shutil.copyfile(self.template, target)
            return f"sqlite:///{target}"
        return self.url_for_session()

    def empty(self, engine: sa.Engine, table_names: list[str]) -> None:
        if self.kind != "postgresql" or not table_names:
            return
        with engine.begin() as connection:
            quoted = ", ".join(f'"{name}"' for name in table_names)
            connection.execute(sa.text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))

    def drop(self) -> None:
        if self.kind == "postgresql" and self.schema:
            engine = sa.create_engine(self.base_url)
            with engine.begin() as connection:
                connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE'))
            engine.dispose()


def postgres_reachable(url: str) -> str | None:
    """None if reachable, else why not."""
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
    except sa.exc.OperationalError as error:
        return str(error.orig).splitlines()[0] if error.orig else str(error)
    return None
