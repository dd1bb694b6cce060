"""The worker: claims due rows, retries what may succeed later, never what cannot."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest

from tests.integration.notify.conftest import (
    ScriptedChannel,
    SessionFactory,
    WorkerCrash,
    later,
    queue_message,
    stored,
)
from webapp.notify.channels.base import PermanentFailure, TemporaryFailure
from webapp.notify.worker import SendReport, send_due


def channels_of(channel: ScriptedChannel) -> dict[str, ScriptedChannel]:
    return {"email": channel, "sms": channel}


class TestSending:
    def test_sends_a_due_message_once_with_its_key_as_reference(
        self, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory, "referral:R1:received:sms")
        channel = ScriptedChannel()
        now = later(0)
        report = send_due(session_factory, channels_of(channel), now=now)
        assert report == SendReport(claimed=1, sent=1)
        assert [m.reference for m in channel.sent] == ["referral:R1:received:sms"]
        assert channel.sent[0].recipient == "+447400123456", "normalised before sending"
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts, message.sent_at) == ("sent", 1, now)
        assert message.provider_reference == f"provider-{message_id}-1"
        assert send_due(session_factory, channels_of(channel), now=later(60)).claimed == 0

    def test_sends_in_the_order_messages_fell_due(self, session_factory: SessionFactory) -> None:
        ids = [queue_message(session_factory, f"k{n}") for n in range(5)]
        channel = ScriptedChannel()
        send_due(session_factory, channels_of(channel), now=later(0), limit=3)
        send_due(session_factory, channels_of(channel), now=later(0), limit=3)
        assert [m.id for m in channel.sent] == ids

    def test_a_message_for_an_unconfigured_channel_waits(
        self, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory, channel="letter", recipient="gp:Z99001")
        report = send_due(session_factory, channels_of(ScriptedChannel()), now=later(0))
        assert report.claimed == 0
        assert stored(session_factory, message_id).status == "queued"


class TestRetries:
    def test_a_temporary_failure_is_retried_after_a_growing_wait(
        self, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory)
        channel = ScriptedChannel(
            TemporaryFailure("provider_error", "500 Exception"),
            TemporaryFailure("provider_timeout"),
        )
        first = later(0)
        assert send_due(session_factory, channels_of(channel), now=first).retrying == 1
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts) == ("failed", 1)
        assert message.next_attempt_at == first + timedelta(minutes=1)
        assert message.last_error == "provider_error: 500 Exception"

        not_yet = first + timedelta(seconds=59)
        assert send_due(session_factory, channels_of(channel), now=not_yet).claimed == 0
        second = first + timedelta(minutes=1)
        send_due(session_factory, channels_of(channel), now=second)
        assert stored(session_factory, message_id).next_attempt_at == second + timedelta(minutes=2)

        third = second + timedelta(minutes=2)
        assert send_due(session_factory, channels_of(channel), now=third).sent == 1
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts, message.last_error) == ("sent", 3, None)
        assert len({m.reference for m in channel.sent}) == 1 and len(channel.sent) == 3

    def test_a_rejection_is_never_retried(self, session_factory: SessionFactory) -> None:
        message_id = queue_message(session_factory)
        channel = ScriptedChannel(PermanentFailure("provider_rejected", "400 ValidationError"))
        report = send_due(session_factory, channels_of(channel), now=later(0))
        assert report == SendReport(claimed=1, permanently_failed=1)
        message = stored(session_factory, message_id)
        assert message.status == "permanently_failed"
        assert message.last_error == "provider_rejected: 400 ValidationError"
        assert send_due(session_factory, channels_of(channel), now=later(600)).claimed == 0
        assert len(channel.sent) == 1

    def test_gives_up_after_the_maximum_attempts(self, session_factory: SessionFactory) -> None:
        message_id = queue_message(session_factory)
        channel = ScriptedChannel(*[TemporaryFailure("provider_error", "503 x")] * 10)
        for day in range(1, 6):
            send_due(
                session_factory, channels_of(channel), now=later(day * 24 * 60), max_attempts=3
            )
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts) == ("permanently_failed", 3)
        assert message.last_error == "max_attempts: provider_error: 503 x"
        assert len(channel.sent) == 3

    def test_a_channel_bug_is_retried_without_stopping_the_pass(
        self, session_factory: SessionFactory
    ) -> None:
        broken, fine = queue_message(session_factory, "a"), queue_message(session_factory, "b")
        channel = ScriptedChannel(RuntimeError("patient@example.com is odd"))
        report = send_due(session_factory, channels_of(channel), now=later(0))
        assert report == SendReport(claimed=2, sent=1, retrying=1)
        assert stored(session_factory, broken).last_error == "channel_error: RuntimeError"
        assert stored(session_factory, fine).status == "sent"


class TestInvalidRecipients:
    @pytest.mark.parametrize(
        ("channel", "recipient", "reason"),
        [
            pytest.param("sms", "07700 900123", "not a valid phone number", id="unused number"),
            pytest.param("sms", "020 7946 0000", "not a mobile number", id="a landline"),
            pytest.param("email", "patient.example.com", "not a valid email address", id="no @"),
        ],
    )
    def test_never_reach_the_provider(
        self, session_factory: SessionFactory, channel: str, recipient: str, reason: str
    ) -> None:
        message_id = queue_message(session_factory, channel=channel, recipient=recipient)
        provider = ScriptedChannel()
        report = send_due(session_factory, channels_of(provider), now=later(0))
        assert report == SendReport(claimed=1, permanently_failed=1)
        assert provider.sent == []
        message = stored(session_factory, message_id)
        assert message.status == "permanently_failed"
        assert message.last_error == f"invalid_recipient: {reason}"


class TestCrashBetweenSendingAndRecording:
    def test_is_sent_again_with_the_same_reference_once_the_lease_runs_out(
        self, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory, "referral:R1:received:sms")
        channel = ScriptedChannel(WorkerCrash())
        crashed_at = later(0)
        with pytest.raises(WorkerCrash):
            send_due(session_factory, channels_of(channel), now=crashed_at)
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts) == ("sending", 1)

        during_lease = crashed_at + timedelta(minutes=9)
        assert send_due(session_factory, channels_of(channel), now=during_lease).claimed == 0
        after_lease = crashed_at + timedelta(minutes=10)
        assert send_due(session_factory, channels_of(channel), now=after_lease).sent == 1

        assert [m.reference for m in channel.sent] == ["referral:R1:received:sms"] * 2
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts) == ("sent", 2)

    def test_a_row_that_keeps_crashing_the_worker_is_given_up(
        self, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory)
        channel = ScriptedChannel(WorkerCrash(), WorkerCrash())
        for hour in (0, 1):
            with pytest.raises(WorkerCrash):
                send_due(
                    session_factory, channels_of(channel), now=later(60 * hour), max_attempts=2
                )
        report = send_due(session_factory, channels_of(channel), now=later(120), max_attempts=2)
        assert report == SendReport(claimed=1, permanently_failed=1)
        assert stored(session_factory, message_id).last_error == "lease_expired: 2 attempts"
        assert len(channel.sent) == 2

    def test_a_late_outcome_does_not_overwrite_a_newer_attempt(
        self, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory)
        start = later(0)
        taken_over: list[SendReport] = []

        class SlowThenTakenOver(ScriptedChannel):
            def send(self, message):  # type: ignore[no-untyped-def]
                if not taken_over:
                    # While this worker is stuck past its lease, another one takes the row.
                    taken_over.append(
                        send_due(
                            session_factory,
                            {"sms": ScriptedChannel()},
                            now=start + timedelta(minutes=11),
                        )
                    )
                return super().send(message)

        report = send_due(session_factory, {"sms": SlowThenTakenOver()}, now=start)
        assert taken_over == [SendReport(claimed=1, sent=1)]
        assert report == SendReport(claimed=1), "the stale outcome is discarded"
        message = stored(session_factory, message_id)
        assert (message.status, message.attempts) == ("sent", 2)
        assert message.provider_reference == f"provider-{message_id}-1"


@pytest.mark.skipif(
    "config.getoption('--database') != 'postgresql'",
    reason="several workers need row locks (FOR UPDATE SKIP LOCKED): PostgreSQL only",
)
class TestConcurrentWorkers:
    def test_two_workers_send_each_message_exactly_once(
        self, session_factory: SessionFactory
    ) -> None:
        ids = [queue_message(session_factory, f"referral:R{n}:received:sms") for n in range(40)]
        channel = ScriptedChannel(delay=0.005)
        start = threading.Barrier(2)
        reports: dict[str, SendReport] = {}

        def worker(name: str) -> None:
            total = SendReport()
            start.wait()
            while (
                report := send_due(session_factory, channels_of(channel), now=later(0), limit=4)
            ).claimed:
                total += report
            reports[name] = total

        threads = [threading.Thread(target=worker, args=(name,)) for name in ("one", "two")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        sends = Counter(message.id for message in channel.sent)
        assert sorted(sends) == ids and set(sends.values()) == {1}
        assert all(report.sent > 0 for report in reports.values()), "both workers took part"
        assert sum(report.sent for report in reports.values()) == 40
        assert {stored(session_factory, i).status for i in ids} == {"sent"}
