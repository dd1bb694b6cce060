"""The registers content refers to: known condition codes, seed files and decisions."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated, TypeVar

from pydantic import AfterValidator, Field

from webapp.content.common import Code, Frozen
from webapp.content.text import Text

V = TypeVar("V")


def _read_only(value: Mapping[str, V]) -> Mapping[str, V]:
    return MappingProxyType(dict(value))


SeedFile = Annotated[str, Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")]
DecisionId = Annotated[str, Field(pattern=r"^D-[1-9][0-9]*$")]


class ConditionEntry(Frozen):
    # For maintainers; what patients read comes from questionnaires and advice pages.
    note: Text


class ConditionsFile(Frozen):
    conditions: Annotated[
        Mapping[Code, ConditionEntry], Field(min_length=1), AfterValidator(_read_only)
    ]


class SourcesFile(Frozen):
    seeds: Annotated[Mapping[SeedFile, Text], Field(min_length=1), AfterValidator(_read_only)]
    decisions: Annotated[Mapping[DecisionId, Text], AfterValidator(_read_only)]
