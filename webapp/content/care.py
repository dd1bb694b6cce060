"""What happens after referral: time limits, queue order, follow-up and missed appointments."""

from __future__ import annotations

from typing import Literal

from pydantic import PositiveInt, model_validator

from webapp.content.codes import ClockStart, Priority, QueueOrder, TimeLimitKind, TimeUnit
from webapp.content.common import Period, Rule


class TimeLimit(Rule):
    """``amount`` ``unit`` after ``starts_from``; working days follow decision D-13."""

    kind: TimeLimitKind
    priority: Priority = "any"
    amount: PositiveInt
    unit: TimeUnit
    starts_from: ClockStart


class Queue(Rule):
    order: QueueOrder


class Pifu(Rule):
    """Patient-initiated follow-up after discharge (decisions D-17 to D-19)."""

    offered: bool
    offered_to: Literal["everyone_discharged", "persistent_pain"] | None = None
    # A fixed window from discharge; ends are inclusive, months are calendar months (D-19).
    window: Period | None = None
    # The longest window when it is agreed with the patient at discharge.
    max_window: Period | None = None
    agreed_at_discharge: bool = False
    clinician_may_shorten: bool = False
    same_condition_only: bool = False
    new_symptoms_required: bool = False
    returns_to: Literal["any_discipline", "same_discipline"] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Pifu:
        if not self.offered:
            if self.model_fields_set - {"offered", "source"}:
                raise ValueError("follow-up that is not offered takes no other settings")
            return self
        if self.offered_to is None:
            raise ValueError("say who is offered follow-up (offered_to)")
        if self.window is None and not (self.agreed_at_discharge and self.max_window):
            raise ValueError("give a window, or agreed_at_discharge with a max_window")
        window, ceiling = self.window, self.max_window
        if window and ceiling and window.unit == ceiling.unit and window.amount > ceiling.amount:
            raise ValueError("the window is longer than max_window")
        return self


class DidNotAttend(Rule):
    policy: Literal["discharge_after_missed", "not_stated"]
    missed_before_discharge: PositiveInt | None = None
    notify: Literal["gp", "referrer"] | None = None
    # IPOPS/MICATS: a missed appointment counts only if the patient had accepted it.
    only_if_appointment_accepted: bool = False
    # Children's services speak of a child not brought, never of a child who did not attend.
    was_not_brought: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> DidNotAttend:
        stated = self.policy == "discharge_after_missed"
        if stated != (self.missed_before_discharge is not None):
            raise ValueError("missed_before_discharge goes with policy discharge_after_missed only")
        return self
