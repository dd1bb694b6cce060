"""Choosing a channel: log while developing, a real one in production, refused if unsafe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from webapp.notify.settings import load_notify_settings
from webapp.settings import ConfigurationError

API_KEY = "openmsk_test-11111111-1111-1111-1111-111111111111-22222222-2222-2222-2222-222222222222"


class TestChannelChoice:
    @pytest.mark.parametrize("env", ["development", "test"])
    def test_log_is_the_default_outside_production(self, env: str) -> None:
        assert load_notify_settings({"OPENMSK_ENV": env}, environ={}).channel == "log"

    def test_production_has_no_default(self) -> None:
        with pytest.raises(ConfigurationError, match="OPENMSK_NOTIFY_CHANNEL"):
            load_notify_settings({"OPENMSK_ENV": "production"}, environ={})

    def test_production_refuses_the_log_channel(self) -> None:
        with pytest.raises(ConfigurationError, match="ALLOW_LOG_IN_PRODUCTION"):
            load_notify_settings(
                {"OPENMSK_ENV": "production"}, environ={"OPENMSK_NOTIFY_CHANNEL": "log"}
            )

    def test_production_may_log_when_explicitly_allowed(self) -> None:
        environ = {"OPENMSK_NOTIFY_CHANNEL": "log", "OPENMSK_NOTIFY_ALLOW_LOG_IN_PRODUCTION": "1"}
        settings = load_notify_settings({"OPENMSK_ENV": "production"}, environ=environ)
        assert settings.channel == "log"

    def test_unknown_channel_is_an_error(self) -> None:
        with pytest.raises(ConfigurationError, match="one of log, smtp, notify"):
            load_notify_settings({"OPENMSK_ENV": "test", "OPENMSK_NOTIFY_CHANNEL": "pigeon"}, {})

    def test_flask_config_wins_over_the_environment(self) -> None:
        config = {"OPENMSK_ENV": "test", "OPENMSK_NOTIFY_CHANNEL": "log"}
        assert load_notify_settings(config, {"OPENMSK_NOTIFY_CHANNEL": "smtp"}).channel == "log"


class TestNotify:
    def test_needs_an_api_key(self) -> None:
        with pytest.raises(ConfigurationError, match="OPENMSK_NOTIFY_API_KEY"):
            load_notify_settings({"OPENMSK_ENV": "test", "OPENMSK_NOTIFY_CHANNEL": "notify"}, {})

    def test_defaults_to_the_real_api_and_hides_the_key(self) -> None:
        environ = {"OPENMSK_NOTIFY_CHANNEL": "notify", "OPENMSK_NOTIFY_API_KEY": API_KEY}
        settings = load_notify_settings({"OPENMSK_ENV": "production"}, environ)
        assert settings.notify is not None
        assert settings.notify.base_url == "https://api.notifications.service.gov.uk"
        assert API_KEY not in repr(settings)

    def test_template_ids_from_a_json_file(self, tmp_path: Path) -> None:
        path = tmp_path / "templates.json"
        path.write_text(json.dumps({"one_time_code": {"sms": {"en": "t-en", "pl": "t-pl"}}}))
        environ = {
            "OPENMSK_NOTIFY_CHANNEL": "notify",
            "OPENMSK_NOTIFY_API_KEY": API_KEY,
            "OPENMSK_NOTIFY_TEMPLATES": str(path),
        }
        settings = load_notify_settings({"OPENMSK_ENV": "test"}, environ)
        assert settings.notify is not None
        assert settings.notify.template_ids == {
            ("one_time_code", "sms", "en"): "t-en",
            ("one_time_code", "sms", "pl"): "t-pl",
        }

    def test_malformed_template_ids_are_refused(self) -> None:
        environ = {
            "OPENMSK_NOTIFY_CHANNEL": "notify",
            "OPENMSK_NOTIFY_API_KEY": API_KEY,
            "OPENMSK_NOTIFY_TEMPLATES": '{"one_time_code": {"fax": {"en": "t"}}}',
        }
        with pytest.raises(ConfigurationError, match="OPENMSK_NOTIFY_TEMPLATES"):
            load_notify_settings({"OPENMSK_ENV": "test"}, environ)


class TestSmtp:
    def test_needs_a_host_and_a_sender(self) -> None:
        with pytest.raises(ConfigurationError, match="OPENMSK_SMTP_HOST"):
            load_notify_settings({"OPENMSK_ENV": "test"}, {"OPENMSK_NOTIFY_CHANNEL": "smtp"})

    def test_starttls_is_on_unless_switched_off(self) -> None:
        environ = {
            "OPENMSK_NOTIFY_CHANNEL": "smtp",
            "OPENMSK_SMTP_HOST": "smtp.invalid",
            "OPENMSK_SMTP_FROM": "no-reply@openmsk.invalid",
            "OPENMSK_SMTP_PASSWORD": "hunter2-secret",
        }
        on = load_notify_settings({"OPENMSK_ENV": "test"}, environ)
        off = load_notify_settings(
            {"OPENMSK_ENV": "test"}, {**environ, "OPENMSK_SMTP_STARTTLS": "0"}
        )
        assert on.smtp is not None and on.smtp.starttls and on.smtp.port == 587
        assert off.smtp is not None and not off.smtp.starttls
        assert "hunter2-secret" not in repr(on)
