"""One settings object, read from environment variables once at start-up.

Defaults are the safe production ones; development and tests opt out explicitly.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Environment = Literal["development", "production", "test"]
ENVIRONMENTS: tuple[Environment, ...] = ("development", "production", "test")

MIN_SECRET_LENGTH = 32


class ConfigurationError(RuntimeError):
    """Raised when the app would start in an unsafe or broken configuration."""


@dataclass(frozen=True)
class Settings:
    env: Environment
    secret_key: str
    database_url: str
    instance_path: Path
    debug: bool = False
    version: str = "0.1.0"
    # Services, questionnaires and advice; a deployment may keep its own copy elsewhere.
    content_root: Path | None = None
    # Where sign-in rate limits are counted. memory:// is per process: with several
    # workers, point it at a shared store (e.g. redis://) so the limit is the limit.
    ratelimit_storage_uri: str = "memory://"
    staff_idle_minutes: int = 15

    @property
    def secure_cookies(self) -> bool:
        return self.env != "development"

    def flask_config(self) -> dict[str, Any]:
        return {
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "DEBUG": self.debug,
            "TESTING": self.env == "test",
            "OPENMSK_ENV": self.env,
            "OPENMSK_VERSION": self.version,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.secure_cookies,
            "SESSION_COOKIE_NAME": "openmsk_session",
            "WTF_CSRF_TIME_LIMIT": 60 * 60 * 4,
            "MAX_CONTENT_LENGTH": 1024 * 1024,
            # Assets are not fingerprinted, so an hour: cheap on a poor connection, fresh soon
            # after a release.
            "SEND_FILE_MAX_AGE_DEFAULT": 3600,
            # Compress assets only: HTML carries CSRF tokens beside reflected input (BREACH).
            "COMPRESS_MIMETYPES": [
                "text/css",
                "text/javascript",
                "application/javascript",
                "image/svg+xml",
            ],
            "BABEL_DEFAULT_LOCALE": "en",
            "BABEL_DEFAULT_TIMEZONE": "Europe/London",
            "RATELIMIT_STORAGE_URI": self.ratelimit_storage_uri,
            "RATELIMIT_HEADERS_ENABLED": True,
            "OPENMSK_STAFF_IDLE_MINUTES": self.staff_idle_minutes,
            **({"OPENMSK_CONTENT_ROOT": str(self.content_root)} if self.content_root else {}),
        }


def _read_or_create_secret(instance_path: Path) -> str:
    """Development and test keep a random key in instance/ so sessions survive restarts."""
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def _environment(raw: str | None) -> Environment:
    value = (raw or "production").strip().lower()
    for env in ENVIRONMENTS:
        if env == value:
            return env
    raise ConfigurationError(f"OPENMSK_ENV must be one of {', '.join(ENVIRONMENTS)}; got {value!r}")


def load_settings(environ: dict[str, str] | None = None, *, instance_path: Path) -> Settings:
    environ = dict(os.environ if environ is None else environ)
    env = _environment(environ.get("OPENMSK_ENV"))
    # The same reading as Flask's own get_debug_flag(): anything but these switches it on.
    debug = environ.get("FLASK_DEBUG", "").strip().lower() not in {"", "0", "false", "no"}
    secret = environ.get("SECRET_KEY")

    if env == "production":
        if debug:
            raise ConfigurationError("Debug mode must be off in production (unset FLASK_DEBUG).")
        if secret is None or len(secret) < MIN_SECRET_LENGTH:
            raise ConfigurationError(
                f"Production needs SECRET_KEY set to a random value of at least "
                f"{MIN_SECRET_LENGTH} characters."
            )
    elif not secret:
        secret = _read_or_create_secret(instance_path)

    default_db = f"sqlite:///{instance_path / 'openmsk.sqlite3'}"
    database_url = environ.get("DATABASE_URL") or default_db
    # Heroku-style URLs name the old driver; SQLAlchemy 2 wants psycopg 3 spelled out.
    if database_url.startswith(("postgres://", "postgresql://")):
        database_url = "postgresql+psycopg://" + database_url.split("://", 1)[1]

    return Settings(
        env=env,
        secret_key=secret,
        database_url=database_url,
        instance_path=instance_path,
        debug=debug,
        ratelimit_storage_uri=environ.get("OPENMSK_RATELIMIT_STORAGE_URI") or "memory://",
        content_root=Path(environ["OPENMSK_CONTENT_ROOT"])
        if environ.get("OPENMSK_CONTENT_ROOT")
        else None,
    )
