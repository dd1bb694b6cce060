"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from tests.integration.databases import ThrowawayDatabase, run_migrations
from webapp.extensions import db
from webapp.models import AuditEvent
from webapp.models.base import utcnow


class TestMigrations:
    def test_models_and_migrations_agree(self, app: Flask) -> None:
        with app.app_context(), db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            differences = compare_metadata(context, db.metadata)
        assert differences == [], f"run `flask db migrate`: {differences}"

    def test_downgrade_to_empty_and_upgrade_again(
        self, test_database: ThrowawayDatabase, tmp_path: object
    ) -> None:
        url = test_database.fresh_url("roundtrip")
        run_migrations(url, revision="base", command="downgrade")
        engine = sa.create_engine(url)
        assert "audit_event" not in sa.inspect(engine).get_table_names()
        run_migrations(url)
        assert "audit_event" in sa.inspect(engine).get_table_names()
        engine.dispose()


class TestAuditEventsAreAppendOnly:
    def add_event(self) -> AuditEvent:
        event = AuditEvent(actor="staff:1", action="viewed", record_type="referral", record_id="R1")
        db.session.add(event)
        db.session.commit()
        return event

    def test_events_are_stored_with_an_aware_utc_time(self, app: Flask) -> None:
        with app.app_context():
            before = utcnow()
            event_id = self.add_event().id
            db.session.expire_all()
            stored = db.session.get(AuditEvent, event_id)
            assert stored is not None and stored.occurred_at.tzinfo is not None
            assert stored.occurred_at >= before.replace(microsecond=0)

    @pytest.mark.parametrize(
        "statement",
        [
            pytest.param("UPDATE audit_event SET actor = 'someone else'", id="update is refused"),
            pytest.param("DELETE FROM audit_event", id="delete is refused"),
        ],
    )
    def test_database_refuses_to_change_an_event(self, app: Flask, statement: str) -> None:
        with app.app_context():
            self.add_event()
            with pytest.raises(sa.exc.DatabaseError, match="append-only"):
                db.session.execute(sa.text(statement))
            db.session.rollback()
            assert db.session.query(AuditEvent).count() == 1

    def test_naive_datetimes_are_rejected(self, app: Flask) -> None:
        from datetime import datetime

        with app.app_context():
            db.session.add(
                AuditEvent(
                    occurred_at=datetime(2026, 1, 1),
                    actor="a",
                    action="b",
                    record_type="c",
                    record_id="d",
                )
            )
            with pytest.raises(sa.exc.StatementError, match="naive"):
                db.session.commit()
            db.session.rollback()
