"""Settings: safe by default, refusing to start production unsafely."""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.settings import MIN_SECRET_LENGTH, ConfigurationError, load_settings

GOOD_SECRET = "k" * MIN_SECRET_LENGTH


class TestProductionRefusesUnsafeConfiguration:
    @pytest.mark.parametrize(
        "environ",
        [
            pytest.param({}, id="no secret at all (production is the default)"),
            pytest.param({"SECRET_KEY": "changeme"}, id="a well-known default secret"),
            pytest.param({"SECRET_KEY": "short-but-random"}, id="a secret that is too short"),
            pytest.param({"SECRET_KEY": GOOD_SECRET, "FLASK_DEBUG": "1"}, id="debug switched on"),
            pytest.param(
                {"SECRET_KEY": GOOD_SECRET, "FLASK_DEBUG": "on"}, id="debug on, as Flask reads it"
            ),
            pytest.param(
                {"SECRET_KEY": GOOD_SECRET, "FLASK_DEBUG": "2"}, id="debug set to any other value"
            ),
        ],
    )
    def test_refuses_to_start(self, tmp_path: Path, environ: dict[str, str]) -> None:
        with pytest.raises(ConfigurationError):
            load_settings({"OPENMSK_ENV": "production", **environ}, instance_path=tmp_path)
        assert not (tmp_path / "secret_key").exists(), "production never invents a secret"

    def test_starts_with_a_real_secret_and_secure_cookies(self, tmp_path: Path) -> None:
        settings = load_settings({"SECRET_KEY": GOOD_SECRET}, instance_path=tmp_path)
        assert settings.env == "production" and not settings.debug
        assert settings.flask_config()["SESSION_COOKIE_SECURE"] is True

    def test_unknown_environment_is_an_error(self, tmp_path: Path) -> None:
        with pytest.raises(ConfigurationError, match="OPENMSK_ENV"):
            load_settings({"OPENMSK_ENV": "staging"}, instance_path=tmp_path)


class TestDevelopmentAndTest:
    @pytest.mark.parametrize("env", ["development", "test"])
    def test_generates_a_secret_once_and_keeps_it(self, tmp_path: Path, env: str) -> None:
        first = load_settings({"OPENMSK_ENV": env}, instance_path=tmp_path)
        second = load_settings({"OPENMSK_ENV": env}, instance_path=tmp_path)
        assert len(first.secret_key) >= MIN_SECRET_LENGTH
        assert first.secret_key == second.secret_key
        assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0, "key file is private"

    def test_cookies_are_not_secure_only_in_development(self, tmp_path: Path) -> None:
        dev = load_settings({"OPENMSK_ENV": "development"}, instance_path=tmp_path)
        test = load_settings({"OPENMSK_ENV": "test"}, instance_path=tmp_path)
        assert dev.flask_config()["SESSION_COOKIE_SECURE"] is False
        assert test.flask_config()["SESSION_COOKIE_SECURE"] is True

    def test_cookie_flags(self, tmp_path: Path) -> None:
        config = load_settings({"OPENMSK_ENV": "test"}, instance_path=tmp_path).flask_config()
        assert config["SESSION_COOKIE_HTTPONLY"] is True
        assert config["SESSION_COOKIE_SAMESITE"] == "Lax"


class TestDatabaseUrl:
    def test_defaults_to_sqlite_in_the_instance_folder(self, tmp_path: Path) -> None:
        settings = load_settings({"OPENMSK_ENV": "test"}, instance_path=tmp_path)
        assert settings.database_url == f"sqlite:///{tmp_path / 'openmsk.sqlite3'}"

    @pytest.mark.parametrize(
        "url",
        ["postgres://u@db/openmsk", "postgresql://u@db/openmsk"],
        ids=["heroku style", "plain postgresql"],
    )
    def test_postgres_urls_use_psycopg_3(self, tmp_path: Path, url: str) -> None:
        settings = load_settings(
            {"OPENMSK_ENV": "test", "DATABASE_URL": url}, instance_path=tmp_path
        )
        assert settings.database_url == "postgresql+psycopg://u@db/openmsk"


@pytest.mark.parametrize("value", ["", "0", "false", "no", "FALSE"])
def test_production_starts_when_debug_is_explicitly_off(tmp_path: Path, value: str) -> None:
    environ = {"SECRET_KEY": GOOD_SECRET, "FLASK_DEBUG": value}
    assert load_settings(environ, instance_path=tmp_path).debug is False
