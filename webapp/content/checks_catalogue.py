"""Checks across files: shared areas, practice codes and the sources rules cite."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pydantic import BaseModel

from webapp.content.common import DECISION_SOURCE, SEED_SOURCE, Rule, source_parts
from webapp.content.service import Service
from webapp.content.vocabulary import SourcesFile

Finding = tuple[str, str, str]  # (service id, field path, what is wrong)


def cited_sources(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, source) for every rule inside ``value``."""
    if isinstance(value, Rule):
        yield f"{path}.source" if path else "source", value.source
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from cited_sources(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from cited_sources(item, f"{path}[{index}]")


def check_sources(service: Service, sources: SourcesFile) -> Iterator[tuple[str, str]]:
    """Every seed file and decision a rule cites must be in sources.yaml."""
    for path, source in cited_sources(service, ""):
        for part in source_parts(source):
            seed, decision = SEED_SOURCE.match(part), DECISION_SOURCE.match(part)
            if seed and seed["seed"] not in sources.seeds:
                yield path, f"unknown seed file {seed['seed']!r}"
            if decision and decision["decision"] not in sources.decisions:
                yield path, f"unknown decision {decision['decision']!r}"


def _shares(a: Service, b: Service) -> bool:
    return b.id in a.area.shared_with and a.id in b.area.shared_with


def check_areas(services: Mapping[str, Service]) -> Iterator[Finding]:
    """Shared areas must be mutual; otherwise no two services list the same practice."""
    for service in services.values():
        for index, other in enumerate(service.area.shared_with):
            where = f"area.shared_with[{index}]"
            if other not in services:
                yield service.id, where, f"unknown service id {other!r}"
            elif service.id not in services[other].area.shared_with:
                yield service.id, where, f"{other!r} does not list {service.id!r} back"
    first_seen: dict[str, tuple[Service, str]] = {}
    for service in services.values():
        for index, practice in enumerate(service.area.practices):
            where = f"area.practices[{index}].ods"
            if practice.ods not in first_seen:
                first_seen[practice.ods] = (service, practice.name)
                continue
            owner, name = first_seen[practice.ods]
            if owner is service:
                continue  # a duplicate within one service is check_service's to report
            if not _shares(service, owner):
                yield service.id, where, f"{practice.ods} is also a practice of {owner.id!r}"
            elif name != practice.name:
                yield service.id, where, f"{practice.ods} is named {name!r} in {owner.id!r}"
