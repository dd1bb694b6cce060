"""One service, as its content file describes it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field

from webapp.content.area import Area
from webapp.content.care import DidNotAttend, Pifu, Queue, TimeLimit
from webapp.content.codes import Discipline, Priority, TimeLimitKind
from webapp.content.common import Frozen, Name, Rule, Slug
from webapp.content.eligibility import (
    AgeRule,
    Conditions,
    DurationRule,
    PriorityFindings,
    ReferralRoute,
    SelfReferral,
)
from webapp.content.places import ContactRoute, Location, Modalities, ServiceHours
from webapp.content.text import LocalisedText


def _one_rule_from_the_start(rules: tuple[AgeRule, ...]) -> tuple[AgeRule, ...]:
    if sum(rule.from_the_start for rule in rules) != 1:
        raise ValueError("exactly one age rule must apply from the start (no effective_from)")
    dated = [rule.effective_from for rule in rules if rule.effective_from is not None]
    if len(dated) != len(set(dated)):
        raise ValueError("two age rules take effect on the same date")
    return rules


class Commissioner(Rule):
    name: Name
    specification: Name


class Disciplines(Rule):
    codes: tuple[Discipline, ...] = Field(min_length=1)


class Service(Frozen):
    id: Slug
    name: LocalisedText
    summary: LocalisedText
    commissioner: Commissioner
    area: Area
    disciplines: Disciplines
    referral_routes: tuple[ReferralRoute, ...] = Field(min_length=1)
    self_referral: SelfReferral
    age: Annotated[
        tuple[AgeRule, ...], Field(min_length=1), AfterValidator(_one_rule_from_the_start)
    ]
    conditions: Conditions
    duration: tuple[DurationRule, ...] = ()
    priority_findings: PriorityFindings
    time_limits: tuple[TimeLimit, ...] = ()
    queue: Queue
    pifu: Pifu
    did_not_attend: DidNotAttend
    modalities: Modalities
    hours: ServiceHours
    locations: tuple[Location, ...] = ()
    contact: tuple[ContactRoute, ...] = Field(min_length=1)

    @property
    def routes(self) -> frozenset[str]:
        return frozenset(route.route for route in self.referral_routes)

    def age_rule_on(self, day: date) -> AgeRule:
        """The age rule in force on ``day``: the latest dated change, else the first rule."""
        first = next(rule for rule in self.age if rule.from_the_start)
        started = [rule for rule in self.age if rule.effective_from and rule.effective_from <= day]
        return max(started, key=lambda rule: rule.effective_from or date.min, default=first)

    def time_limit(self, kind: TimeLimitKind, priority: Priority = "any") -> TimeLimit | None:
        """The limit for this priority, else the one for every priority, else None."""
        for wanted in (priority, "any"):
            for limit in self.time_limits:
                if limit.kind == kind and limit.priority == wanted:
                    return limit
        return None
