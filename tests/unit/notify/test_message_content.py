"""Message texts in content/messages: complete, consistent and safe in every language."""

from __future__ import annotations

from pathlib import Path
from string import Template

import pytest

from webapp.content.problems import ContentError
from webapp.content.text import LANGUAGES
from webapp.notify.channels.base import TemporaryFailure
from webapp.notify.message_content import (
    SMS_LIMIT,
    Channel,
    MessageContent,
    load_messages,
    read_messages,
)
from webapp.notify.templates import render

TEMPLATE_KEYS = (
    "referral_received",
    "resume_referral",
    "one_time_code",
    "triage_accepted",
    "triage_returned",
    "triage_redirected",
    "triage_signposted",
    "triage_more_information",
    "invitation_to_book",
    "booking_confirmed",
    "appointment_reminder",
    "appointment_cancelled",
    "missed_appointment",
    "care_plan_ready",
    "follow_up_request_received",
    "outcome_questionnaire",
)
# Realistic values at the long end, so a rendered text message is checked against the limit.
SAMPLE = {
    "reference": "R7K2-93QX",
    "service_name": "Community MSK Service",
    "date": "Tuesday 12 January 2027",
    "time": "10:30am",
    "location": "Riverside Health Centre",
    "code": "493817",
    "link": "https://msk.example.nhs.uk/r/8f3k2q9z",
    "reason": "Your GP practice needs to refer you.",
}
# Only the sign-in code goes out without the advice on what to do if things get worse.
WITHOUT_SAFETY_LINE = {"one_time_code"}

MESSAGES = load_messages()
EVERY_TEXT = [
    pytest.param(key, language, channel, id=f"{key} by {channel} in {language}")
    for key in TEMPLATE_KEYS
    for channel in MESSAGES[key].channels
    for language in LANGUAGES
]
TEXTS_THAT_MAY_REACH_WORSENING_SYMPTOMS = [
    text for text in EVERY_TEXT if text.values[0] not in WITHOUT_SAFETY_LINE
]


class TestShippedMessages:
    def test_every_message_kind_has_a_file_and_nothing_else_does(self) -> None:
        assert sorted(MESSAGES) == sorted(TEMPLATE_KEYS)

    @pytest.mark.parametrize(("key", "language", "channel"), EVERY_TEXT)
    def test_renders_with_no_placeholder_left(
        self, key: str, language: str, channel: Channel
    ) -> None:
        text = render(key, language, SAMPLE, channel=channel)
        assert "$" not in text.subject + text.body
        assert text.subject.strip() and text.body.strip()

    @pytest.mark.parametrize(
        ("key", "language", "channel"), TEXTS_THAT_MAY_REACH_WORSENING_SYMPTOMS
    )
    def test_ends_with_the_safety_line(self, key: str, language: str, channel: Channel) -> None:
        last_line = render(key, language, SAMPLE, channel=channel).body.splitlines()[-1]
        assert "NHS 111" in last_line and "999" in last_line

    @pytest.mark.parametrize("key", TEMPLATE_KEYS)
    def test_every_language_uses_the_same_placeholders(self, key: str) -> None:
        for part, texts in MESSAGES[key].parts().items():
            english = _names(texts["en"])
            assert all(_names(text) == english for text in texts.values()), part

    @pytest.mark.parametrize("key", [k for k in TEMPLATE_KEYS if "sms" in MESSAGES[k].channels])
    def test_a_rendered_text_message_stays_under_the_limit(self, key: str) -> None:
        for language in LANGUAGES:
            assert len(render(key, language, SAMPLE, channel="sms").body) <= SMS_LIMIT, language

    def test_the_referral_received_email_keeps_its_wording(self) -> None:
        text = render("referral_received", "en", {"reference": "R7K2"})
        assert text.subject == "We have received your referral"
        assert "Your reference is R7K2." in text.body


class TestRenderChannels:
    def test_an_sms_uses_the_short_text(self) -> None:
        email = render("triage_accepted", "ro", SAMPLE)
        sms = render("triage_accepted", "ro", SAMPLE, channel="sms")
        assert len(sms.body) < len(email.body) and sms.subject == email.subject

    def test_an_unknown_language_falls_back_to_english(self) -> None:
        assert render("care_plan_ready", "fr", SAMPLE) == render("care_plan_ready", "en", SAMPLE)

    def test_a_kind_without_an_sms_text_is_retried_not_sent_long(self, tmp_path: Path) -> None:
        _write(tmp_path / "note.yaml", _valid(channels="[email]", sms=None))
        with pytest.raises(TemporaryFailure, match="template_missing"):
            render("note", "en", {"reference": "R1"}, read_messages(tmp_path), channel="sms")


def _names(text: str) -> set[str]:
    return set(Template(text).get_identifiers())


def _valid(
    channels: str = "[email, sms]",
    fields: str = "[reference]",
    sms: str | None = "Ref $reference",
    overrides: dict[str, str] | None = None,
) -> str:
    texts: dict[str, str] = {language: f"Text {language} $reference" for language in LANGUAGES}
    texts.update(overrides or {})
    lines = [f"channels: {channels}", f"fields: {fields}", "subject:"]
    lines += [f"  {language}: Subject {language}" for language in LANGUAGES]
    lines += ["body:"] + [f"  {language}: {text}" for language, text in texts.items()]
    if sms is not None:
        lines += ["sms:"] + [f"  {language}: {sms}" for language in LANGUAGES]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _problems(tmp_path: Path, text: str) -> list[str]:
    _write(tmp_path / "broken.yaml", text)
    with pytest.raises(ContentError) as caught:
        read_messages(tmp_path)
    return [str(problem) for problem in caught.value.problems]


class TestBrokenFiles:
    def test_a_valid_file_loads(self, tmp_path: Path) -> None:
        _write(tmp_path / "note.yaml", _valid())
        assert isinstance(read_messages(tmp_path)["note"], MessageContent)

    def test_a_missing_language_is_named(self, tmp_path: Path) -> None:
        text = _valid().replace("  ur: Text ur $reference\n", "")
        [problem] = _problems(tmp_path, text)
        assert problem.startswith("content/messages/broken.yaml: body: ")
        assert "missing translation for ur" in problem

    def test_an_undeclared_placeholder_is_named(self, tmp_path: Path) -> None:
        text = _valid(overrides={language: "Hi $reference $link" for language in LANGUAGES})
        [problem] = _problems(tmp_path, text)
        assert "broken.yaml" in problem and "body.en uses $link, not in fields" in problem

    def test_a_translation_that_drops_a_placeholder_is_named(self, tmp_path: Path) -> None:
        [problem] = _problems(tmp_path, _valid(overrides={"pl": "Tekst bez numeru"}))
        assert "broken.yaml" in problem
        assert "body.pl uses [] but body.en uses ['reference']" in problem

    def test_an_unknown_key_is_named(self, tmp_path: Path) -> None:
        [problem] = _problems(tmp_path, _valid() + "colour: blue\n")
        assert problem.startswith("content/messages/broken.yaml: colour: Extra inputs")

    def test_an_unknown_language_is_named(self, tmp_path: Path) -> None:
        [problem] = _problems(tmp_path, _valid().replace("  ar: Subject ar", "  fr: Subject fr"))
        assert "broken.yaml: subject" in problem

    def test_a_long_sms_is_named(self, tmp_path: Path) -> None:
        [problem] = _problems(tmp_path, _valid(sms="$reference " + "x" * SMS_LIMIT))
        assert "broken.yaml" in problem and "sms.en is 311 characters; at most 300" in problem

    def test_an_sms_channel_needs_its_short_text(self, tmp_path: Path) -> None:
        [problem] = _problems(tmp_path, _valid(sms=None))
        assert "give an 'sms' text exactly when 'sms' is in channels" in problem

    def test_a_declared_field_must_be_used(self, tmp_path: Path) -> None:
        [problem] = _problems(tmp_path, _valid(fields="[reference, code]"))
        assert "fields declared but never used: code" in problem

    def test_a_stray_dollar_is_named(self, tmp_path: Path) -> None:
        [problem] = _problems(tmp_path, _valid(overrides={"en": "Costs $5 $reference"}))
        assert "broken.yaml" in problem and "'$' must start a placeholder" in problem
