"""Plain-text messages for channels that render their own text (SMTP, and SMS by text).

GOV.UK Notify holds its templates itself (we only map keys to its template ids). Our own
texts live in ``content/messages/`` in every site language (see ``message_content``). A
language without its own text falls back to English rather than sending nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Template
from typing import cast

from webapp.content.text import Language
from webapp.notify.channels.base import PermanentFailure, TemporaryFailure
from webapp.notify.message_content import Channel, MessageContent, load_messages

FALLBACK_LANGUAGE: Language = "en"


@dataclass(frozen=True)
class RenderedText:
    subject: str
    body: str


def render(
    template: str,
    language: str,
    personalisation: Mapping[str, str],
    messages: Mapping[str, MessageContent] | None = None,
    channel: Channel = "email",
) -> RenderedText:
    found = (load_messages() if messages is None else messages).get(template)
    if found is None or (channel == "sms" and found.sms is None):
        # Our gap, not the recipient's: a release adding the text lets the retry succeed.
        raise TemporaryFailure("template_missing", template)
    body = found.sms if channel == "sms" and found.sms is not None else found.body
    known = cast(Language, language) if language in found.subject else FALLBACK_LANGUAGE
    try:
        return RenderedText(
            subject=Template(found.subject[known]).substitute(personalisation),
            body=Template(body[known]).substitute(personalisation),
        )
    except KeyError as missing:
        raise PermanentFailure("personalisation_missing", str(missing)) from None
