"""Text shown to people, one string per site language."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, StringConstraints

Language = Literal["en", "pl", "ro", "bn", "ur", "ar"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
RIGHT_TO_LEFT: frozenset[Language] = frozenset({"ur", "ar"})

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _every_language(value: Mapping[Language, str]) -> Mapping[Language, str]:
    missing = [language for language in LANGUAGES if language not in value]
    if missing:
        raise ValueError(
            f"missing translation for {', '.join(missing)} "
            f"(every text needs {', '.join(LANGUAGES)})"
        )
    # Ordered like LANGUAGES and read-only, so a loaded catalogue cannot be edited in place.
    return MappingProxyType({language: value[language] for language in LANGUAGES})


LocalisedText = Annotated[Mapping[Language, Text], AfterValidator(_every_language)]
