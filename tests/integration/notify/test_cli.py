"""`flask notify send-due` and `flask notify run`, through Flask's CLI runner."""

from __future__ import annotations

import os
import signal
import threading
import time

from flask import Flask

from tests.integration.notify.conftest import SessionFactory, queue_message, stored


def wait_for(condition: object, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


class TestSendDue:
    def test_one_pass_sends_and_prints_counts(
        self, app: Flask, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory)
        result = app.test_cli_runner().invoke(args=["notify", "send-due"])
        assert result.exit_code == 0, result.output
        assert "claimed 1, sent 1, will retry 0, permanently failed 0" in result.output
        message = stored(session_factory, message_id)
        assert (message.status, message.provider_reference) == ("sent", f"log-{message_id}")

    def test_production_refuses_the_log_channel_and_sends_nothing(
        self, app: Flask, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory)
        app.config.update(OPENMSK_ENV="production", OPENMSK_NOTIFY_CHANNEL="log")
        result = app.test_cli_runner().invoke(args=["notify", "send-due"])
        assert result.exit_code != 0 and "ALLOW_LOG_IN_PRODUCTION" in result.output
        assert stored(session_factory, message_id).status == "queued"


class TestRun:
    def test_sends_until_sigterm_then_stops_cleanly(
        self, app: Flask, session_factory: SessionFactory
    ) -> None:
        message_id = queue_message(session_factory)
        original = signal.getsignal(signal.SIGTERM)

        def stop_when_sent() -> None:
            # Only signal once the worker's own handler is in place, or SIGTERM would
            # end the test process itself; then stop it even if nothing was sent.
            if wait_for(lambda: signal.getsignal(signal.SIGTERM) is not original):
                wait_for(lambda: stored(session_factory, message_id).status == "sent")
                os.kill(os.getpid(), signal.SIGTERM)

        stopper = threading.Thread(target=stop_when_sent)
        stopper.start()
        result = app.test_cli_runner().invoke(args=["notify", "run", "--interval", "0.05"])
        stopper.join()
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[-1] == "stopped"
        assert signal.getsignal(signal.SIGTERM) is original, "handlers are put back"
        assert stored(session_factory, message_id).status == "sent"
