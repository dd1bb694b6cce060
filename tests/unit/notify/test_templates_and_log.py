"""Plain-text rendering for SMTP, and the development log channel."""

from __future__ import annotations

import logging

import pytest

from webapp.notify.channels.base import OutgoingMessage, PermanentFailure, TemporaryFailure
from webapp.notify.channels.log import LogChannel
from webapp.notify.templates import render


def outgoing(message_id: int = 1, **changes: object) -> OutgoingMessage:
    values: dict[str, object] = {
        "id": message_id,
        "channel": "email",
        "template": "one_time_code",
        "language": "en",
        "recipient": "patient@example.com",
        "personalisation": {"code": "493817"},
        "reference": f"code:{message_id}",
    }
    return OutgoingMessage(**{**values, **changes})  # type: ignore[arg-type]


class TestRender:
    def test_fills_the_personalisation(self) -> None:
        text = render("one_time_code", "en", {"code": "493817"})
        assert "493817" in text.body and text.subject == "Your security code"

    def test_a_language_without_its_own_text_falls_back_to_english(self) -> None:
        assert render("one_time_code", "fr", {"code": "1"}) == render(
            "one_time_code", "en", {"code": "1"}
        )

    def test_an_unknown_template_is_retried_not_dropped(self) -> None:
        with pytest.raises(TemporaryFailure, match="template_missing"):
            render("no_such_template", "en", {})

    def test_a_missing_field_is_final(self) -> None:
        with pytest.raises(PermanentFailure, match="personalisation_missing: 'code'"):
            render("one_time_code", "en", {})


class TestLogChannel:
    def test_logs_the_id_and_template_never_the_recipient_or_personalisation(
        self, caplog: pytest.LogCaptureFixture
    ) -> None:
        logger = logging.getLogger("openmsk.notify.log")
        logger.addHandler(caplog.handler)
        try:
            with caplog.at_level(logging.INFO, logger="openmsk.notify.log"):
                result = LogChannel().send(outgoing(7))
        finally:
            logger.removeHandler(caplog.handler)
        assert result.provider_reference == "log-7"
        assert "7" in caplog.text and "one_time_code" in caplog.text
        assert "patient@example.com" not in caplog.text and "493817" not in caplog.text

    def test_keeps_the_newest_few_newest_first(self) -> None:
        channel = LogChannel(keep=2)
        for message_id in (1, 2, 3):
            channel.send(outgoing(message_id))
        assert [logged.message_id for logged in channel.recent()] == [3, 2]

    def test_the_message_repr_hides_contact_details(self) -> None:
        text = repr(outgoing())
        assert "patient@example.com" not in text and "493817" not in text
