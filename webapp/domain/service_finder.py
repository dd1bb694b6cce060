"""Which services cover a person, from the GP practice they are registered with (decision D-4).

Pure: takes the services as loaded content, returns frozen results. The finder searches by
practice code or name, or lists the services for a locality (an area named in the seeds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from webapp.content.area import Locality, Practice
from webapp.content.service import Service

ODS_CODE = re.compile(r"^[A-Z][0-9]{5}$")
MAX_PRACTICES = 20


@dataclass(frozen=True)
class Cover:
    service: Service
    # Where two services share an area, the one the seed or a decision recommends (D-2).
    recommended: bool


@dataclass(frozen=True)
class PracticeMatch:
    practice: Practice
    covers: tuple[Cover, ...]


def _locality(service: Service, code: str) -> Locality | None:
    return next((loc for loc in service.area.localities if loc.code == code), None)


def _cover(service: Service, locality_code: str) -> Cover:
    locality = _locality(service, locality_code)
    return Cover(service=service, recommended=locality.recommended if locality else True)


def normalise_query(query: str) -> str:
    return " ".join(query.split())


def shows_recommendation(covers: tuple[Cover, ...]) -> bool:
    """Worth saying which is recommended only where services sharing an area differ (D-2)."""
    return len({cover.recommended for cover in covers}) > 1


def find_practices(services: Iterable[Service], query: str) -> list[PracticeMatch]:
    """Practices whose ODS code equals the query, or whose name holds every word of it."""
    query = normalise_query(query)
    if not query:
        return []
    code = query.upper()
    words = query.casefold().split()
    found: dict[str, tuple[Practice, list[Cover]]] = {}
    for service in services:
        for practice in service.area.practices:
            name = practice.name.casefold()
            if practice.ods == code or (
                not ODS_CODE.match(code) and all(word in name for word in words)
            ):
                entry = found.setdefault(practice.ods, (practice, []))
                entry[1].append(_cover(service, practice.locality))
    matches = [
        PracticeMatch(practice=practice, covers=_ordered(covers))
        for practice, covers in found.values()
    ]
    return sorted(matches, key=lambda m: (m.practice.name, m.practice.ods))[:MAX_PRACTICES]


def _ordered(covers: list[Cover]) -> tuple[Cover, ...]:
    return tuple(sorted(covers, key=lambda c: (not c.recommended, c.service.id)))


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    covers: tuple[Cover, ...]


def areas(services: Iterable[Service]) -> list[Area]:
    """Every locality any service names, with the services that cover it."""
    by_code: dict[str, tuple[str, list[Cover]]] = {}
    for service in services:
        for locality in service.area.localities:
            entry = by_code.setdefault(locality.code, (locality.name, []))
            entry[1].append(Cover(service=service, recommended=locality.recommended))
    return sorted(
        (
            Area(code=code, name=name, covers=_ordered(covers))
            for code, (name, covers) in by_code.items()
        ),
        key=lambda area: area.name,
    )


def area(services: Iterable[Service], code: str) -> Area | None:
    return next((found for found in areas(services) if found.code == code), None)
