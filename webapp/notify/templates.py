"""Plain-text message templates for channels that render their own text (SMTP).

GOV.UK Notify holds its templates itself (we only map keys to its template ids). Only a
first few English texts live here; the full set in every site language is still to come.
A language without its own text falls back to English rather than sending nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Template

from webapp.notify.channels.base import PermanentFailure, TemporaryFailure

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class TextTemplate:
    # ``$field`` placeholders, filled from the message's personalisation.
    subject: str
    body: str


@dataclass(frozen=True)
class RenderedText:
    subject: str
    body: str


TEXT_TEMPLATES: Mapping[tuple[str, str], TextTemplate] = {
    ("referral_received", "en"): TextTemplate(
        subject="We have received your referral",
        body=(
            "Thank you. We have received your referral.\n\n"
            "Your reference is $reference. Keep it: you will need it to come back to "
            "your referral.\n\nIf your symptoms get worse, contact your GP or call 111."
        ),
    ),
    ("one_time_code", "en"): TextTemplate(
        subject="Your security code",
        body="Your security code is $code. It expires in 10 minutes. Do not share it.",
    ),
}


def render(
    template: str,
    language: str,
    personalisation: Mapping[str, str],
    registry: Mapping[tuple[str, str], TextTemplate] = TEXT_TEMPLATES,
) -> RenderedText:
    found = registry.get((template, language)) or registry.get((template, FALLBACK_LANGUAGE))
    if found is None:
        # Our gap, not the recipient's: a release adding the text lets the retry succeed.
        raise TemporaryFailure("template_missing", template)
    try:
        return RenderedText(
            subject=Template(found.subject).substitute(personalisation),
            body=Template(found.body).substitute(personalisation),
        )
    except KeyError as missing:
        raise PermanentFailure("personalisation_missing", str(missing)) from None
