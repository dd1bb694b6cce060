"""Whether a service takes a referral, decided from the service's content rules alone.

Pure: no Flask, no database, no clock. The caller passes today's Europe/London date as
``on`` (it picks the dated age rule in force) and gets a frozen ``EligibilityOutcome``.
The red-flag screen runs before this, for everyone (decision D-10).

Order of checks; the first refusal wins:

1. Route (``SELF_REFERRAL_NOT_OFFERED``): D-1 tells a self-referrer to IPOPS or MICATS to
   see their GP whatever else is true, and the GP then applies every other rule. A route's
   own minimum age (D-7: young people refer themselves to the children's service from 16)
   is part of the route, so a 14-year-old referring themselves is told to ask a parent,
   carer, school or GP, not that they are too young for a service that is for them.
2. Age (``AGE``): the split between children's and adult care, so it comes before area;
   another service covering the practice is no use to someone of the wrong age for it.
3. Area (``AREA``): decided by the practice the person is registered with now (D-4).
   Exclusions are per service, so someone out of area is sent to their own service, which
   may well take the condition, before being told about this one's exclusions.
4. Conditions (``EXCLUDED_CONDITION``): named exclusions, then PRIORITY findings where the
   service refuses them (D-11: the caller adds ``PRIORITY_FINDING`` to the conditions when
   the screen says PRIORITY), then a condition the service requires (long-term
   conditions). An exclusion is final, so it outranks "not yet".
5. Duration (``DURATION``): "not yet"; it reads the conditions, which can satisfy it (D-9).

Where DECISIONS.md is silent:

* ``practice_ods=None`` (the person does not know their practice) is refused with ``AREA``
  on every route but ``professional``: a clinician's referral is checked at triage and
  returned to its source if incomplete (CS_24 3.3.5), so it is accepted and flagged.
* ``symptom_weeks=None`` (not known) is never refused on duration; if a duration rule
  applies it is flagged ``duration_unknown`` for triage. ``symptom_weeks`` is in completed
  weeks: "more than 12 weeks" needs 13.
* A duration rule limited to body sites applies when any named site is among
  ``body_sites``; with no body sites given it does not apply.
* ``discipline=None`` on a self-referral to a service that limits self-referral to some
  disciplines (Chorley: physiotherapy) is accepted and flagged
  ``self_referral_discipline_unconfirmed``; another of the service's disciplines is
  refused. A discipline the service does not offer at all is a caller error.
* A route the service does not list is refused with ``SELF_REFERRAL_NOT_OFFERED`` (the
  only route reason in the contract; D-3 closes the GP link for the long-term conditions
  service), citing the service's self-referral rule, where each seed says who may refer.
* Condition codes the service does not name are ignored: one questionnaire serves many
  services. Temporary registration (D-4) cannot be told from an ODS code; the caller passes
  the practice the person is registered with now.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, get_args

from webapp.content.codes import SELF_REFERRAL_ROUTES, BodySite, Route
from webapp.content.eligibility import AgeRule, DurationRule
from webapp.content.service import Service

Reason = Literal["AGE", "AREA", "EXCLUDED_CONDITION", "SELF_REFERRAL_NOT_OFFERED", "DURATION"]
# Eligible, but triage should look: each names what the referral could not tell us.
Flag = Literal["practice_unknown", "duration_unknown", "self_referral_discipline_unconfirmed"]

SOURCES: frozenset[str] = frozenset(get_args(Route))
BODY_SITES: frozenset[str] = frozenset(get_args(BodySite))
# The caller adds this condition code when the red-flag screen's disposition is PRIORITY,
# whichever rule fired; the screen's reasons say which.
PRIORITY_FINDING = "priority_finding"
# Codes refused where a service refuses PRIORITY findings (decision D-11), with the one
# condition D-11 names, suspected inflammatory arthritis, which Mid Notts does not list.
PRIORITY_FINDING_CODES: frozenset[str] = frozenset({PRIORITY_FINDING, "inflammatory_joint_disease"})


@dataclass(frozen=True, slots=True)
class EligibilityOutcome:
    eligible: bool
    reason: Reason | None = None
    # Which rule decided, as a code (e.g. ``vertigo``, ``min_age_16``); never display text.
    detail: str | None = None
    # The deciding rule's citation from the content, e.g. "decision D-1".
    source: str | None = None
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class _Refusal:
    reason: Reason
    detail: str
    source: str


@dataclass(frozen=True, slots=True)
class _Referral:
    age: int
    practice_ods: str | None
    source: str
    conditions: frozenset[str]
    symptom_weeks: int | None
    ehc_plan: bool
    on: date | None
    body_sites: frozenset[str]
    discipline: str | None


def check_eligibility(
    service: Service,
    *,
    age: int,
    practice_ods: str | None,
    source: str,
    conditions: Collection[str],
    symptom_weeks: int | None,
    ehc_plan: bool = False,
    on: date | None = None,
    body_sites: Collection[str] = (),
    discipline: str | None = None,
) -> EligibilityOutcome:
    """Check one referral; raises ValueError or TypeError on input no form should produce."""
    referral = _Referral(
        age=age,
        practice_ods=_normalise_ods(practice_ods),
        source=source,
        conditions=_codes("conditions", conditions),
        symptom_weeks=symptom_weeks,
        ehc_plan=ehc_plan,
        on=on,
        body_sites=_codes("body_sites", body_sites),
        discipline=discipline,
    )
    _validate(service, referral)
    for check in _CHECKS:
        refusal = check(service, referral)
        if refusal is not None:
            return EligibilityOutcome(False, refusal.reason, refusal.detail, refusal.source)
    return EligibilityOutcome(True, flags=_flags(service, referral))


def _normalise_ods(practice_ods: str | None) -> str | None:
    code = (practice_ods or "").strip().upper()
    return code or None


def _codes(name: str, values: Collection[str]) -> frozenset[str]:
    if isinstance(values, str):
        raise TypeError(f"{name} must be a collection of codes, not one string {values!r}")
    return frozenset(values)


def _validate(service: Service, referral: _Referral) -> None:
    if referral.age < 0:
        raise ValueError(f"age must be 0 or more, got {referral.age}")
    if referral.source not in SOURCES:
        raise ValueError(f"unknown source {referral.source!r}; expected one of {sorted(SOURCES)}")
    if referral.symptom_weeks is not None and referral.symptom_weeks < 0:
        raise ValueError(f"symptom_weeks must be 0 or more, got {referral.symptom_weeks}")
    unknown_sites = referral.body_sites - BODY_SITES
    if unknown_sites:
        raise ValueError(f"unknown body sites {sorted(unknown_sites)}")
    if referral.discipline is not None and referral.discipline not in service.disciplines.codes:
        raise ValueError(f"{service.id} does not offer the discipline {referral.discipline!r}")
    if isinstance(referral.on, datetime):
        raise TypeError("on must be the Europe/London date, not a datetime")


def age_rule(service: Service, on: date | None) -> AgeRule:
    """The age rule in force on ``on``; with no date, the rule in force from the start."""
    if on is None:
        return next(rule for rule in service.age if rule.from_the_start)
    return service.age_rule_on(on)


def _route(service: Service, referral: _Referral) -> _Refusal | None:
    policy = service.self_referral
    route = next((r for r in service.referral_routes if r.route == referral.source), None)
    is_self = referral.source in SELF_REFERRAL_ROUTES
    if is_self and not policy.open:
        return _Refusal("SELF_REFERRAL_NOT_OFFERED", "self_referral_closed", policy.source)
    if route is None:
        return _Refusal("SELF_REFERRAL_NOT_OFFERED", "route_not_offered", policy.source)
    if route.min_age is not None and referral.age < route.min_age:
        return _Refusal("SELF_REFERRAL_NOT_OFFERED", f"route_min_age_{route.min_age}", route.source)
    if (
        is_self
        and policy.disciplines
        and referral.discipline is not None
        and referral.discipline not in policy.disciplines
    ):
        return _Refusal("SELF_REFERRAL_NOT_OFFERED", "self_referral_disciplines", policy.source)
    return None


def _age(service: Service, referral: _Referral) -> _Refusal | None:
    rule = age_rule(service, referral.on)
    if rule.admits(referral.age, ehc_plan=referral.ehc_plan):
        return None
    if rule.min_age is not None and referral.age < rule.min_age:
        detail = f"min_age_{rule.min_age}"
    elif rule.extension is not None and referral.ehc_plan:
        detail = f"ehc_plan_max_age_{rule.extension.max_age}"
    else:
        detail = f"max_age_{rule.max_age}"
    return _Refusal("AGE", detail, rule.source)


def _area(service: Service, referral: _Referral) -> _Refusal | None:
    if referral.practice_ods is None:
        if referral.source == "professional":
            return None
        return _Refusal("AREA", "practice_unknown", service.area.source)
    if referral.practice_ods not in service.area.practice_codes:
        return _Refusal("AREA", "practice_not_in_area", service.area.source)
    return None


def _conditions(service: Service, referral: _Referral) -> _Refusal | None:
    for rule in service.conditions.excluded:
        code = next((code for code in rule.codes if code in referral.conditions), None)
        if code is not None:
            return _Refusal("EXCLUDED_CONDITION", code, rule.source)
    findings = sorted(PRIORITY_FINDING_CODES & referral.conditions)
    if findings and service.priority_findings.handling == "refuse":
        return _Refusal("EXCLUDED_CONDITION", findings[0], service.priority_findings.source)
    for rule in service.conditions.included:
        if rule.must_have_one and referral.conditions.isdisjoint(rule.codes):
            return _Refusal("EXCLUDED_CONDITION", "no_included_condition", rule.source)
    return None


def duration_applies(rule: DurationRule, referral_sites: Collection[str]) -> bool:
    """Every site when the rule names none; else only when a named site is referred."""
    return not rule.body_sites or any(site in referral_sites for site in rule.body_sites)


def _duration_rules_to_meet(service: Service, referral: _Referral) -> list[DurationRule]:
    return [
        rule
        for rule in service.duration
        if duration_applies(rule, referral.body_sites)
        and referral.conditions.isdisjoint(rule.satisfied_by)
    ]


def _long_enough(rule: DurationRule, weeks: int) -> bool:
    if rule.comparison == "at_least":
        return weeks >= rule.minimum_weeks
    return weeks > rule.minimum_weeks


def _duration(service: Service, referral: _Referral) -> _Refusal | None:
    weeks = referral.symptom_weeks
    if weeks is None:
        return None
    for rule in _duration_rules_to_meet(service, referral):
        if not _long_enough(rule, weeks):
            detail = f"{rule.comparison}_{rule.minimum_weeks}_weeks"
            return _Refusal("DURATION", detail, rule.source)
    return None


def _flags(service: Service, referral: _Referral) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    if referral.practice_ods is None:
        flags.append("practice_unknown")
    if referral.symptom_weeks is None and _duration_rules_to_meet(service, referral):
        flags.append("duration_unknown")
    if (
        referral.source in SELF_REFERRAL_ROUTES
        and service.self_referral.disciplines
        and referral.discipline is None
    ):
        flags.append("self_referral_discipline_unconfirmed")
    return tuple(flags)


_CHECKS: tuple[Callable[[Service, _Referral], _Refusal | None], ...] = (
    _route,
    _age,
    _area,
    _conditions,
    _duration,
)
