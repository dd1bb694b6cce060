"""Checks within one service file that a schema alone cannot express."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Iterator

from webapp.content.codes import SELF_REFERRAL_ROUTES
from webapp.content.service import Service

Finding = tuple[str, str]  # (field path, what is wrong)


def _duplicates(path: str, values: Iterable[Hashable], what: str) -> Iterator[Finding]:
    seen: set[Hashable] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield f"{path}[{index}]", f"{what} {value!r} appears more than once"
        seen.add(value)


def _area(service: Service) -> Iterator[Finding]:
    area = service.area
    localities = {locality.code for locality in area.localities}
    yield from _duplicates("area.localities", (loc.code for loc in area.localities), "locality")
    yield from _duplicates("area.practices", (p.ods for p in area.practices), "ODS code")
    for index, practice in enumerate(area.practices):
        if practice.locality not in localities:
            yield (
                f"area.practices[{index}].locality",
                f"unknown locality {practice.locality!r}; expected one of {sorted(localities)}",
            )
    for index, location in enumerate(service.locations):
        if location.locality is not None and location.locality not in localities:
            yield f"locations[{index}].locality", f"unknown locality {location.locality!r}"
    if service.id in area.shared_with:
        yield "area.shared_with", "a service cannot share its area with itself"


def _routes(service: Service) -> Iterator[Finding]:
    offered = set(service.disciplines.codes)
    for index, discipline in enumerate(service.self_referral.disciplines):
        if discipline not in offered:
            yield (
                f"self_referral.disciplines[{index}]",
                f"{discipline!r} is not one of this service's disciplines {sorted(offered)}",
            )
    routes = [route.route for route in service.referral_routes]
    yield from _duplicates("referral_routes", routes, "route")
    self_routes = SELF_REFERRAL_ROUTES.intersection(routes)
    if not service.self_referral.open and self_routes:
        yield "self_referral.open", f"closed, yet routes include {sorted(self_routes)}"
    if service.self_referral.open and not {"self", "telephone"}.intersection(routes):
        yield "self_referral.open", "open, yet no 'self' or 'telephone' route is listed"


def _conditions(service: Service, known: Collection[str] | None) -> Iterator[Finding]:
    groups = {
        "conditions.included": [rule.codes for rule in service.conditions.included],
        "conditions.excluded": [rule.codes for rule in service.conditions.excluded],
        "duration": [rule.satisfied_by for rule in service.duration],
    }
    for prefix, lists in groups.items():
        for index, codes in enumerate(lists):
            field = "satisfied_by" if prefix == "duration" else "codes"
            for position, code in enumerate(codes):
                if known is not None and code not in known:
                    where = f"{prefix}[{index}].{field}[{position}]"
                    yield where, f"unknown condition code {code!r} (see conditions.yaml)"
    both = service.conditions.included_codes & service.conditions.excluded_codes
    if both:
        yield "conditions", f"codes both included and excluded: {sorted(both)}"


def _uniqueness(service: Service) -> Iterator[Finding]:
    limits = ((limit.kind, limit.priority) for limit in service.time_limits)
    yield from _duplicates("time_limits", limits, "time limit (kind, priority)")
    yield from _duplicates("locations", (location.id for location in service.locations), "id")
    yield from _duplicates("disciplines.codes", service.disciplines.codes, "discipline")


def check_service(
    service: Service, *, expected_id: str, known_conditions: Collection[str] | None
) -> list[Finding]:
    """``known_conditions`` is None when conditions.yaml is itself broken: codes go unchecked."""
    findings: list[Finding] = []
    if service.id != expected_id:
        findings.append(("id", f"id {service.id!r} must match the file name {expected_id!r}"))
    findings.extend(_area(service))
    findings.extend(_routes(service))
    findings.extend(_conditions(service, known_conditions))
    findings.extend(_uniqueness(service))
    return findings
