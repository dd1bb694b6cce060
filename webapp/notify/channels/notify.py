"""GOV.UK Notify, through its official client: email and text messages.

Notify keeps the templates; we send a template id (per template key, channel and
language, from configuration), the personalisation, and the outbox idempotency key as
Notify's ``reference``. Notify answers 400 when it rejects the message itself (a
validation error, a recipient a trial service may not reach): that is final. A 403 (our
key), 429 (rate or daily limit), 5xx, a time-out or no answer are retried, because the
same message can succeed once the service or our configuration recovers.
"""

from __future__ import annotations

import logging
import re

import requests
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from webapp.notify.channels.base import (
    DeliveryFailure,
    OutgoingMessage,
    PermanentFailure,
    ProviderResult,
    TemporaryFailure,
)
from webapp.notify.settings import NotifyApiSettings

logger = logging.getLogger("openmsk.notify.gov_notify")

FALLBACK_LANGUAGE = "en"
# Notify's error names ("ValidationError") are safe to store; its messages may not be.
_ERROR_NAME = re.compile(r"[A-Za-z]{1,40}")


def _error_name(error: APIError) -> str:
    try:
        name = str(error.response.json()["errors"][0]["error"])
    except (AttributeError, KeyError, IndexError, TypeError, ValueError):
        return "unknown"
    return name if _ERROR_NAME.fullmatch(name) else "unknown"


def classify(error: APIError) -> DeliveryFailure:
    cause = error.__cause__
    if isinstance(cause, requests.Timeout):
        return TemporaryFailure("provider_timeout")
    if error.response is None:
        return TemporaryFailure("provider_unavailable", type(cause).__name__)
    status = error.status_code
    detail = f"{status} {_error_name(error)}"
    if status == 400:
        return PermanentFailure("provider_rejected", detail)
    if status == 429:
        return TemporaryFailure("provider_rate_limited", detail)
    return TemporaryFailure("provider_error", detail)


class NotifyChannel:
    def __init__(
        self, settings: NotifyApiSettings, client: NotificationsAPIClient | None = None
    ) -> None:
        self._template_ids = settings.template_ids
        self._client = client or NotificationsAPIClient(
            settings.api_key, base_url=settings.base_url, timeout=settings.timeout
        )

    def _template_id(self, message: OutgoingMessage) -> str:
        for language in (message.language, FALLBACK_LANGUAGE):
            template_id = self._template_ids.get((message.template, message.channel, language))
            if template_id:
                if language != message.language:
                    logger.warning(
                        "no %s template for %s in %s; sending English",
                        message.channel,
                        message.template,
                        message.language,
                    )
                return template_id
        # Configuration, not the message, is wrong: retried until it is fixed or the
        # attempts run out.
        raise TemporaryFailure("template_missing", f"{message.template} {message.channel}")

    def send(self, message: OutgoingMessage) -> ProviderResult:
        template_id = self._template_id(message)
        personalisation = dict(message.personalisation)
        try:
            if message.channel == "email":
                response = self._client.send_email_notification(
                    email_address=message.recipient,
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=message.reference,
                )
            elif message.channel == "sms":
                response = self._client.send_sms_notification(
                    phone_number=message.recipient,
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=message.reference,
                )
            else:
                raise PermanentFailure("unsupported_channel", message.channel)
        except APIError as error:
            raise classify(error) from None
        try:
            return ProviderResult(provider_reference=str(response["id"]))
        except (KeyError, TypeError):
            # Accepted but unreadable: sending again with the same reference is traceable.
            raise TemporaryFailure("provider_bad_response") from None
