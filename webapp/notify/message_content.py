"""Message texts as validated content: ``content/messages/<template key>.yaml``.

One file per message kind holds its subject and body (and a short text message, if it is
sent by SMS) in every site language, the channels it is sent by and the personalisation
fields it uses. The loader refuses a file where a language is missing, a ``$placeholder``
is not declared in ``fields``, languages use different placeholders, or a text message is
too long, so a translation can never silently drop the reference or the link.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from string import Template
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator

from webapp.content.common import Code, Frozen
from webapp.content.loader import DEFAULT_ROOT as CONTENT_ROOT
from webapp.content.problems import ContentError, Problem, from_validation_error
from webapp.content.text import Language, LocalisedText
from webapp.content.yaml_io import YamlError, read_yaml

DEFAULT_ROOT = CONTENT_ROOT / "messages"
# Counted on the text as written; five concatenated SMS parts in non-Latin scripts.
SMS_LIMIT = 300

Channel = Literal["email", "sms"]


def placeholders(text: str) -> frozenset[str]:
    template = Template(text)
    if not template.is_valid():
        raise ValueError("a '$' must start a placeholder such as $reference (write $$ for '$')")
    return frozenset(template.get_identifiers())


class MessageContent(Frozen):
    channels: Annotated[tuple[Channel, ...], Field(min_length=1)]
    fields: tuple[Code, ...] = ()
    subject: LocalisedText
    body: LocalisedText
    sms: LocalisedText | None = None

    def parts(self) -> dict[str, Mapping[Language, str]]:
        found = {"subject": self.subject, "body": self.body}
        return found if self.sms is None else {**found, "sms": self.sms}

    @model_validator(mode="after")
    def _consistent(self) -> MessageContent:
        if ("sms" in self.channels) != (self.sms is not None):
            raise ValueError("give an 'sms' text exactly when 'sms' is in channels")
        used: set[str] = set()
        for name, texts in self.parts().items():
            used |= _same_placeholders(name, texts, set(self.fields))
        unused = set(self.fields) - used
        if unused:
            raise ValueError(f"fields declared but never used: {', '.join(sorted(unused))}")
        return self


def _same_placeholders(name: str, texts: Mapping[Language, str], fields: set[str]) -> set[str]:
    found = {language: placeholders(text) for language, text in texts.items()}
    english = found["en"]
    for language, names in found.items():
        undeclared = names - fields
        if undeclared:
            raise ValueError(
                f"{name}.{language} uses ${', $'.join(sorted(undeclared))}, not in fields"
            )
        if names != english:
            raise ValueError(
                f"{name}.{language} uses {sorted(names)} but {name}.en uses {sorted(english)}"
            )
        if name == "sms" and len(texts[language]) > SMS_LIMIT:
            raise ValueError(
                f"sms.{language} is {len(texts[language])} characters; at most {SMS_LIMIT}"
            )
    return set(english)


def _parse(path: Path, problems: list[Problem]) -> MessageContent | None:
    file = f"content/messages/{path.name}"
    try:
        return MessageContent.model_validate(read_yaml(path))
    except YamlError as exc:
        problems.append(Problem(file, "", f"not valid YAML: {exc}"))
    except ValidationError as exc:
        problems.extend(from_validation_error(file, exc))
    return None


def read_messages(root: Path) -> Mapping[str, MessageContent]:
    """Every message in ``root``, keyed by file name; ContentError lists all problems."""
    problems: list[Problem] = []
    messages: dict[str, MessageContent] = {}
    for path in sorted(root.glob("*.yaml")):
        message = _parse(path, problems)
        if message is not None:
            messages[path.stem] = message
    if problems:
        raise ContentError(problems)
    return MappingProxyType(messages)


@cache
def load_messages(root: Path = DEFAULT_ROOT) -> Mapping[str, MessageContent]:
    return read_messages(root)
