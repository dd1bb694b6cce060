"""Enqueueing: in the caller's transaction, once per idempotency key, minimal and checked."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from tests.integration.notify.conftest import SessionFactory, queue_message, stored
from webapp.models import OutboxMessage
from webapp.notify.outbox import IdempotencyKeyReused, Subject, enqueue, messages_about


def count(factory: SessionFactory) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(OutboxMessage)) or 0


def add(session: sa.orm.Session, key: str, **changes: object) -> OutboxMessage:
    values: dict[str, object] = {
        "channel": "email",
        "template": "referral_received",
        "language": "pl",
        "recipient": "patient@example.com",
        "personalisation": {"reference": "R7K2"},
        "idempotency_key": key,
    }
    return enqueue(session, **{**values, **changes})  # type: ignore[arg-type]


class TestEnqueue:
    def test_same_key_twice_is_one_message(self, session_factory: SessionFactory) -> None:
        with session_factory() as session, session.begin():
            first = add(session, "referral:R7K2:received:email").id
            assert add(session, "referral:R7K2:received:email").id == first
        with session_factory() as session, session.begin():
            assert add(session, "referral:R7K2:received:email").id == first
        assert count(session_factory) == 1

    def test_a_new_message_is_queued_and_due_now(self, session_factory: SessionFactory) -> None:
        message_id = queue_message(session_factory)
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts, message.last_error) == ("queued", 0, None)
        assert message.next_attempt_at == message.created_at

    def test_nothing_is_queued_when_the_callers_transaction_rolls_back(
        self, session_factory: SessionFactory
    ) -> None:
        with session_factory() as session:
            session.begin()
            add(session, "referral:R7K2:received:email")
            session.rollback()
        assert count(session_factory) == 0

    def test_a_key_reused_for_a_different_message_is_a_bug(
        self, session_factory: SessionFactory
    ) -> None:
        with session_factory() as session, session.begin():
            add(session, "referral:R7K2:received:email")
            with pytest.raises(IdempotencyKeyReused):
                add(session, "referral:R7K2:received:email", recipient="other@example.com")

    @pytest.mark.parametrize(
        "personalisation",
        [
            pytest.param({f"field{n}": "x" for n in range(21)}, id="too many fields"),
            pytest.param({"notes": "x" * 501}, id="a value too long to be minimal"),
            pytest.param({"age": 42}, id="a value that is not text"),
        ],
    )
    def test_personalisation_stays_minimal(
        self, session_factory: SessionFactory, personalisation: dict[str, object]
    ) -> None:
        with (
            session_factory() as session,
            session.begin(),
            pytest.raises((TypeError, ValueError)),
        ):
            add(session, "k", personalisation=personalisation)

    def test_an_unknown_channel_is_refused(self, session_factory: SessionFactory) -> None:
        with session_factory() as session, session.begin(), pytest.raises(ValueError):
            add(session, "k", channel="fax")


class TestDatabaseInvariants:
    @pytest.mark.parametrize(
        ("column", "value"),
        [
            pytest.param("status", "'lost'", id="an unknown status"),
            pytest.param("channel", "'fax'", id="an unknown channel"),
            pytest.param("record_type", "'referral'", id="a subject type without an id"),
        ],
    )
    def test_the_database_refuses_impossible_rows(
        self, session_factory: SessionFactory, column: str, value: str
    ) -> None:
        message_id = queue_message(session_factory)
        with session_factory() as session, pytest.raises(sa.exc.IntegrityError):
            session.execute(
                sa.text(f"UPDATE outbox_message SET {column} = {value} WHERE id = :id"),
                {"id": message_id},
            )
            session.commit()


class TestMessagesAbout:
    def test_lists_a_records_messages_oldest_first(self, session_factory: SessionFactory) -> None:
        referral = Subject("referral", "R7K2")
        with session_factory() as session, session.begin():
            for key in ("b", "a", "c"):
                add(session, f"referral:R7K2:{key}", subject=referral)
            add(session, "referral:OTHER:a", subject=Subject("referral", "OTHER"))
        with session_factory() as session:
            keys = [m.idempotency_key for m in messages_about(session, referral)]
        assert keys == ["referral:R7K2:b", "referral:R7K2:a", "referral:R7K2:c"]


class TestConcurrentEnqueue:
    @pytest.mark.skipif(
        "config.getoption('--database') != 'postgresql'", reason="row locks need PostgreSQL"
    )
    def test_two_transactions_with_one_key_make_one_message(
        self, session_factory: SessionFactory
    ) -> None:
        seen: list[int] = []

        def second_request() -> None:
            with session_factory() as session, session.begin():
                # Waits on the first transaction's uncommitted row, then finds it.
                seen.append(add(session, "referral:R7K2:received:email").id)

        with session_factory() as session, session.begin():
            first = add(session, "referral:R7K2:received:email").id
            other = threading.Thread(target=second_request)
            other.start()
            other.join(timeout=0.3)
            assert other.is_alive(), "the second insert waits for the first to commit"
        other.join(timeout=10)
        assert seen == [first] and count(session_factory) == 1
