"""How people meet a service: modalities, hours, locations and contact routes."""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import Field, model_validator

from webapp.content.area import Postcode
from webapp.content.codes import ContactKind, Modality, Weekday
from webapp.content.common import Code, Frozen, Name, Rule, Slug


class Modalities(Rule):
    codes: tuple[Modality, ...] = Field(min_length=1)


class OpeningHours(Frozen):
    days: tuple[Weekday, ...] = Field(min_length=1)
    opens: time
    closes: time

    @model_validator(mode="after")
    def _opens_before_closing(self) -> OpeningHours:
        if self.opens >= self.closes:
            raise ValueError(f"opens at {self.opens} but closes at {self.closes}")
        return self


class ServiceHours(Rule):
    # Empty when the seed states no hours.
    regular: tuple[OpeningHours, ...] = ()
    bank_holidays: Literal["closed", "open", "not_stated"] = "not_stated"
    # Evenings or weekends beyond the regular hours.
    extended_hours: bool = False


class Location(Rule):
    id: Slug
    name: Name
    town: Name
    postcode: Postcode
    locality: Code | None = None
    # Empty means the service's hours apply.
    opening_hours: tuple[OpeningHours, ...] = ()


class ContactRoute(Rule):
    kind: ContactKind
    # None when the seed names the route but publishes no number or address.
    value: str | None = None
