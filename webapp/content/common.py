"""Building blocks shared by every content schema: frozen models and cited rules."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PositiveInt

# A source names where a rule comes from, so a commissioner can check it:
# "<seed file> §<section>" or "decision D-<n>", several joined by "; ".
SEED_SOURCE = re.compile(r"^(?P<seed>\d{3}_[0-9a-f]{16}\.txt) §(?P<section>\S.*)$")
DECISION_SOURCE = re.compile(r"^decision (?P<decision>D-[1-9][0-9]*)$")
SOURCE_SEPARATOR = "; "


def source_parts(source: str) -> list[str]:
    return source.split(SOURCE_SEPARATOR)


def _valid_source(value: str) -> str:
    for part in source_parts(value):
        if not (SEED_SOURCE.match(part) or DECISION_SOURCE.match(part)):
            raise ValueError(
                "a source reads '<seed file> §<section>' or 'decision D-<n>', "
                f"several joined by '; '; got {part!r}"
            )
    return value


Source = Annotated[str, AfterValidator(_valid_source)]
Code = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
Name = Annotated[str, Field(min_length=1, max_length=120)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Rule(Frozen):
    """Anything logic acts on: it must say where it came from."""

    source: Source


class Period(Frozen):
    amount: PositiveInt
    unit: Literal["days", "months"]
