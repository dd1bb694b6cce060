"""Who a service takes: routes, self-referral, ages, conditions and how long symptoms last."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, NonNegativeInt, PositiveInt, model_validator

from webapp.content.codes import BodySite, Discipline, Route
from webapp.content.common import Code, Frozen, Rule


class ReferralRoute(Rule):
    route: Route
    # A route open only from this age, e.g. young people referring themselves (decision D-7).
    min_age: NonNegativeInt | None = None


class SelfReferral(Rule):
    """Governs the routes with no clinician behind them: self, carer and telephone."""

    open: bool
    # Empty means every discipline the service offers; Chorley lists physiotherapy only.
    disciplines: tuple[Discipline, ...] = ()

    @model_validator(mode="after")
    def _closed_means_no_disciplines(self) -> SelfReferral:
        if not self.open and self.disciplines:
            raise ValueError("a closed self-referral route cannot name disciplines")
        return self


class AgeExtension(Frozen):
    """A higher upper age for people who meet a condition, e.g. an EHC plan to 25."""

    max_age: NonNegativeInt
    condition: Literal["ehc_plan"]


class AgeRule(Rule):
    """Inclusive ages in whole years (decision D-6): max 19 admits anyone not yet 20."""

    min_age: NonNegativeInt | None = None
    max_age: NonNegativeInt | None = None
    extension: AgeExtension | None = None
    # None on the rule in force from the start; a date for a later change.
    effective_from: date | None = None
    # A change the seed announces without a date: recorded, never in force until dated.
    awaiting_date: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> AgeRule:
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError(f"min_age {self.min_age} is above max_age {self.max_age}")
        if self.extension is not None and (
            self.max_age is None or self.extension.max_age <= self.max_age
        ):
            raise ValueError("an extension needs a max_age and must raise it")
        if self.awaiting_date and self.effective_from is not None:
            raise ValueError("a rule awaiting a date cannot have effective_from")
        return self

    @property
    def from_the_start(self) -> bool:
        return self.effective_from is None and not self.awaiting_date

    def admits(self, age: int, *, ehc_plan: bool = False) -> bool:
        """Age in completed years; both limits inclusive (decision D-6)."""
        upper = self.max_age
        if self.extension is not None and ehc_plan:
            upper = self.extension.max_age
        return (self.min_age is None or age >= self.min_age) and (upper is None or age <= upper)


class ConditionRule(Rule):
    codes: tuple[Code, ...] = Field(min_length=1)
    # Included conditions only: a referral must have one of these (long-term conditions).
    must_have_one: bool = False


class Conditions(Frozen):
    included: tuple[ConditionRule, ...] = ()
    excluded: tuple[ConditionRule, ...] = ()

    @model_validator(mode="after")
    def _must_have_one_only_included(self) -> Conditions:
        if any(rule.must_have_one for rule in self.excluded):
            raise ValueError("must_have_one applies to included conditions only")
        return self

    @property
    def excluded_codes(self) -> frozenset[str]:
        return frozenset(code for rule in self.excluded for code in rule.codes)

    @property
    def included_codes(self) -> frozenset[str]:
        return frozenset(code for rule in self.included for code in rule.codes)


class DurationRule(Rule):
    """How long symptoms must have lasted; a refusal gives the reason ``DURATION``."""

    minimum_weeks: PositiveInt
    comparison: Literal["at_least", "more_than"]
    # Empty means every body site.
    body_sites: tuple[BodySite, ...] = ()
    # Condition codes that meet the rule whatever the duration (decision D-9).
    satisfied_by: tuple[Code, ...] = ()


class PriorityFindings(Rule):
    """What a PRIORITY red-flag finding does here (decision D-11)."""

    handling: Literal["accept_and_flag", "refuse"]
