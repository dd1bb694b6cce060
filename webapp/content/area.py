"""Where a service works: the GP practices whose registered patients it serves (decision D-4)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from webapp.content.common import Code, Frozen, Name, Rule, Slug

# An English GP practice code: one letter and five digits, e.g. M83001.
OdsCode = Annotated[str, Field(pattern=r"^[A-Z][0-9]{5}$")]
Postcode = Annotated[str, Field(pattern=r"^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$")]


class Locality(Frozen):
    """A commissioning area (an old CCG or a borough) named in the seed."""

    code: Code
    name: Name
    # The service finder recommends this service for the locality's practices (decision D-2).
    recommended: bool = True


class Practice(Frozen):
    ods: OdsCode
    name: Name
    locality: Code
    postcode: Postcode | None = None


class Area(Rule):
    localities: tuple[Locality, ...] = Field(min_length=1)
    practices: tuple[Practice, ...] = Field(min_length=1)
    # True when the seed lists no practices and these stand in until the real list arrives.
    practices_are_sample: bool
    # Temporary registration with a practice counts (NWL, Mid Notts) (decision D-4).
    temporary_registration_counts: bool = False
    # Services whose area overlaps this one, so they may list the same practices (decision D-2).
    shared_with: tuple[Slug, ...] = ()

    @property
    def practice_codes(self) -> frozenset[str]:
        return frozenset(practice.ods for practice in self.practices)
