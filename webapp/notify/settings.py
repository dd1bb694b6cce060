"""Notification settings: which channel sends, and how to reach it.

Each value is read from the Flask config first (so tests and tools can override it), then
from the environment variable of the same name:

``OPENMSK_NOTIFY_CHANNEL``
    ``log`` (write to the log only), ``smtp`` (email through an SMTP relay) or ``notify``
    (GOV.UK Notify: email and text messages). ``log`` is the default in development and
    test. Production has no default and refuses ``log`` unless
    ``OPENMSK_NOTIFY_ALLOW_LOG_IN_PRODUCTION=1`` (for a training site with real settings
    but no real patients): a production site that silently sends nothing is the worst case.
``OPENMSK_NOTIFY_API_KEY``, ``OPENMSK_NOTIFY_BASE_URL``, ``OPENMSK_NOTIFY_TIMEOUT``
    The Notify API key (secret), API address (tests point it at a local fake) and time-out.
``OPENMSK_NOTIFY_TEMPLATES``
    Notify template ids as ``{template key: {channel: {language: template id}}}``: JSON
    text, or the path of a JSON file.
``OPENMSK_SMTP_HOST``, ``_PORT``, ``_FROM``, ``_USERNAME``, ``_PASSWORD``, ``_STARTTLS``,
``_TIMEOUT``
    The SMTP relay. STARTTLS is on unless switched off (``0``), as a local test server is.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from webapp.settings import ConfigurationError

ChannelName = Literal["log", "smtp", "notify"]
CHANNEL_NAMES: tuple[ChannelName, ...] = ("log", "smtp", "notify")
NOTIFY_API = "https://api.notifications.service.gov.uk"
TRUE = frozenset({"1", "true", "yes", "on"})

TemplateIds = dict[tuple[str, str, str], str]
_TEMPLATES_SHAPE = TypeAdapter(dict[str, dict[Literal["email", "sms", "letter"], dict[str, str]]])


@dataclass(frozen=True)
class NotifyApiSettings:
    api_key: str = field(repr=False)
    base_url: str
    # (template key, channel, language) → Notify template id.
    template_ids: TemplateIds
    timeout: float


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    username: str | None
    password: str | None = field(repr=False)
    starttls: bool
    timeout: float


@dataclass(frozen=True)
class NotifySettings:
    channel: ChannelName
    notify: NotifyApiSettings | None = None
    smtp: SmtpSettings | None = None


def _template_ids(raw: object) -> TemplateIds:
    if raw is None or raw == "":
        return {}
    if isinstance(raw, str):
        text = raw if raw.lstrip().startswith("{") else Path(raw).read_text(encoding="utf-8")
        raw = json.loads(text)
    try:
        nested = _TEMPLATES_SHAPE.validate_python(raw)
    except ValidationError as error:
        raise ConfigurationError(f"OPENMSK_NOTIFY_TEMPLATES is malformed: {error}") from None
    return {
        (template, channel, language): template_id
        for template, channels in nested.items()
        for channel, languages in channels.items()
        for language, template_id in languages.items()
    }


def _channel(value: str | None, env: str, allow_log: bool) -> ChannelName:
    if not value:
        if env == "production":
            raise ConfigurationError("Production needs OPENMSK_NOTIFY_CHANNEL (notify or smtp).")
        return "log"
    for name in CHANNEL_NAMES:
        if name == value.strip().lower():
            if name == "log" and env == "production" and not allow_log:
                raise ConfigurationError(
                    "The log channel sends nothing; production refuses it unless "
                    "OPENMSK_NOTIFY_ALLOW_LOG_IN_PRODUCTION=1."
                )
            return name
    raise ConfigurationError(f"OPENMSK_NOTIFY_CHANNEL must be one of {', '.join(CHANNEL_NAMES)}")


def load_notify_settings(
    config: Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> NotifySettings:
    environ = os.environ if environ is None else environ

    def get(name: str, default: Any = None) -> Any:
        return config.get(name, environ.get(name, default))

    env = str(config.get("OPENMSK_ENV", "production"))
    allow_log = str(get("OPENMSK_NOTIFY_ALLOW_LOG_IN_PRODUCTION", "")).lower() in TRUE
    channel = _channel(get("OPENMSK_NOTIFY_CHANNEL"), env, allow_log)
    if channel == "notify":
        if not get("OPENMSK_NOTIFY_API_KEY"):
            raise ConfigurationError("The notify channel needs OPENMSK_NOTIFY_API_KEY.")
        return NotifySettings(
            channel,
            notify=NotifyApiSettings(
                api_key=str(get("OPENMSK_NOTIFY_API_KEY")),
                base_url=str(get("OPENMSK_NOTIFY_BASE_URL") or NOTIFY_API),
                template_ids=_template_ids(get("OPENMSK_NOTIFY_TEMPLATES")),
                timeout=float(get("OPENMSK_NOTIFY_TIMEOUT", 5)),
            ),
        )
    if channel == "smtp":
        if not (get("OPENMSK_SMTP_HOST") and get("OPENMSK_SMTP_FROM")):
            raise ConfigurationError(
                "The smtp channel needs OPENMSK_SMTP_HOST and OPENMSK_SMTP_FROM."
            )
        return NotifySettings(
            channel,
            smtp=SmtpSettings(
                host=str(get("OPENMSK_SMTP_HOST")),
                port=int(get("OPENMSK_SMTP_PORT", 587)),
                sender=str(get("OPENMSK_SMTP_FROM")),
                username=get("OPENMSK_SMTP_USERNAME") or None,
                password=get("OPENMSK_SMTP_PASSWORD") or None,
                starttls=str(get("OPENMSK_SMTP_STARTTLS", "1")).lower() in TRUE,
                timeout=float(get("OPENMSK_SMTP_TIMEOUT", 10)),
            ),
        )
    return NotifySettings(channel)
