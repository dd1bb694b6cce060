"""Eligibility across all eight services: the outcome's shape, invalid input, the order of
checks, an unknown practice, and properties over every service in the real catalogue.

One file per service (test_eligibility_<service>.py) holds that service's boundaries.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
from datetime import date, datetime
from typing import Any, get_args

import pytest

from webapp.content import load_catalogue
from webapp.content.codes import SELF_REFERRAL_ROUTES, BodySite
from webapp.content.service import Service
from webapp.domain.eligibility import (
    PRIORITY_FINDING,
    EligibilityOutcome,
    Reason,
    check_eligibility,
)

CATALOGUE = load_catalogue()
SERVICES = CATALOGUE.services
SERVICE_IDS = sorted(SERVICES)
ALL_BODY_SITES: tuple[str, ...] = get_args(BodySite)


def refer(service: Service, **values: Any) -> EligibilityOutcome:
    """A referral meeting every rule of ``service`` unless ``values`` say otherwise."""
    route = next(r for r in service.referral_routes if r.route == "professional")
    base: dict[str, Any] = {
        "age": 40 if service.id != "cyp-stoke" else 10,
        "practice_ods": service.area.practices[0].ods,
        "source": route.route,
        "conditions": ("diabetes",) if service.id == "ltc-staffs" else (),
        "symptom_weeks": 26,
    }
    return check_eligibility(service, **{**base, **values})


class TestTheOutcome:
    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    def test_an_eligible_referral_has_no_reason_detail_or_source(self, service_id: str) -> None:
        assert refer(SERVICES[service_id]) == EligibilityOutcome(eligible=True)

    def test_the_outcome_is_frozen(self) -> None:
        outcome = refer(SERVICES["ipops"])
        with pytest.raises(dataclasses.FrozenInstanceError):
            outcome.eligible = False  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("service_id", "values"),
        [
            pytest.param("ipops", {"source": "self"}, id="a route refusal"),
            pytest.param("ipops", {"age": 11}, id="an age refusal"),
            pytest.param("ipops", {"practice_ods": "E84611"}, id="an area refusal"),
            pytest.param("ipops", {"conditions": ("tmj",)}, id="an excluded condition"),
            pytest.param(
                "ipops",
                {"symptom_weeks": 1, "body_sites": ("lower_back",)},
                id="a duration refusal",
            ),
            pytest.param("cyp-stoke", {"age": 26, "ehc_plan": True}, id="an ehc plan age"),
            pytest.param("ltc-staffs", {"conditions": ()}, id="a missing required condition"),
        ],
    )
    def test_a_refusal_carries_a_reason_a_code_and_a_citation_never_display_text(
        self, service_id: str, values: dict[str, Any]
    ) -> None:
        outcome = refer(SERVICES[service_id], **values)
        assert outcome.eligible is False
        assert outcome.reason in get_args(Reason)
        assert outcome.detail is not None
        assert outcome.detail.isascii()
        assert outcome.detail.replace("_", "").isalnum()
        assert outcome.detail == outcome.detail.lower()
        assert outcome.source is not None
        assert "§" in outcome.source or "decision D-" in outcome.source
        assert outcome.flags == ()


class TestInvalidInput:
    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    @pytest.mark.parametrize(
        "age",
        [pytest.param(-1, id="minus one"), pytest.param(-40, id="minus forty")],
    )
    def test_a_negative_age_is_a_caller_error(self, service_id: str, age: int) -> None:
        with pytest.raises(ValueError, match="age"):
            refer(SERVICES[service_id], age=age)

    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    def test_age_zero_is_a_valid_age_and_refused_only_by_a_rule(self, service_id: str) -> None:
        outcome = refer(SERVICES[service_id], age=0)
        assert outcome.reason == "AGE"

    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("gp", id="gp is not a route: gp_link or professional"),
            pytest.param("parent", id="a parent refers as a carer"),
            pytest.param("SELF", id="routes are lower-case codes"),
            pytest.param("", id="an empty source"),
            pytest.param("Self-referral", id="display text is not a route"),
        ],
    )
    def test_an_unknown_source_is_a_caller_error(self, service_id: str, source: str) -> None:
        with pytest.raises(ValueError, match="unknown source"):
            refer(SERVICES[service_id], source=source)

    def test_negative_symptom_weeks_are_a_caller_error(self) -> None:
        with pytest.raises(ValueError, match="symptom_weeks"):
            refer(SERVICES["mid-notts-cpms"], symptom_weeks=-1)

    def test_an_unknown_body_site_is_a_caller_error(self) -> None:
        with pytest.raises(ValueError, match="body sites"):
            refer(SERVICES["ipops"], body_sites=("back",))

    @pytest.mark.parametrize("name", ["conditions", "body_sites"])
    def test_a_single_string_instead_of_a_collection_of_codes_is_a_type_error(
        self, name: str
    ) -> None:
        with pytest.raises(TypeError, match=name):
            refer(SERVICES["ipops"], **{name: "lower_back"})

    def test_a_discipline_the_service_does_not_offer_is_a_caller_error(self) -> None:
        """Chorley offers no orthotics (001 §3.1), so no form should offer it there."""
        with pytest.raises(ValueError, match="discipline"):
            refer(SERVICES["imsk-central-lancs"], source="self", discipline="orthotics")

    def test_on_must_be_a_london_date_not_a_datetime(self) -> None:
        with pytest.raises(TypeError, match="Europe/London date"):
            refer(SERVICES["micats"], on=datetime(2026, 1, 5, 12, 0))


# Each service's way to break each rule, in the order they are checked. IPOPS and Mid Notts
# have a rule of every kind, so every combination of broken rules can be tried on them.
ORDER: tuple[Reason, ...] = ("SELF_REFERRAL_NOT_OFFERED", "AGE", "AREA", "EXCLUDED_CONDITION")
BREAKING: dict[str, dict[Reason, dict[str, Any]]] = {
    "ipops": {
        "SELF_REFERRAL_NOT_OFFERED": {"source": "self"},
        "AGE": {"age": 11},
        "AREA": {"practice_ods": "E84611"},
        "EXCLUDED_CONDITION": {"conditions": ("vertigo",)},
        "DURATION": {"symptom_weeks": 1, "body_sites": ("lower_back",)},
    },
    "mid-notts-cpms": {
        "SELF_REFERRAL_NOT_OFFERED": {"source": "telephone"},
        "AGE": {"age": 15},
        "AREA": {"practice_ods": "M83601"},
        "EXCLUDED_CONDITION": {"conditions": ("cognitive_impairment",)},
        "DURATION": {"symptom_weeks": 12},
    },
}
FULL_ORDER: tuple[Reason, ...] = (*ORDER, "DURATION")


def _broken_sets() -> list[Any]:
    params = []
    for service_id, ways in BREAKING.items():
        for size in range(1, len(FULL_ORDER) + 1):
            for broken in itertools.combinations(FULL_ORDER, size):
                label = " and ".join(reason.lower() for reason in broken)
                params.append(
                    pytest.param(service_id, broken, id=f"{service_id} with {label} broken")
                )
        assert set(ways) == set(FULL_ORDER)
    return params


class TestOrderOfChecks:
    """Route, age, area, conditions, duration; the first refusal wins (module docstring)."""

    @pytest.mark.parametrize(("service_id", "broken"), _broken_sets())
    def test_the_first_broken_rule_in_the_order_is_reported(
        self, service_id: str, broken: tuple[Reason, ...]
    ) -> None:
        values: dict[str, Any] = {}
        for reason in broken:
            values.update(BREAKING[service_id][reason])
        outcome = refer(SERVICES[service_id], **values)
        assert outcome.reason == min(broken, key=FULL_ORDER.index)

    def test_a_self_referrer_to_ipops_is_told_to_see_their_gp_before_anything_else(self) -> None:
        """Decision D-1: even a child registered in London gets SELF_REFERRAL_NOT_OFFERED."""
        outcome = refer(
            SERVICES["ipops"], source="self", age=5, practice_ods="E84611", conditions=("tmj",)
        )
        assert outcome.reason == "SELF_REFERRAL_NOT_OFFERED"
        assert outcome.source == "decision D-1"

    def test_an_excluded_condition_outranks_a_short_duration(self) -> None:
        """Decision D-8: postnatal back pain in its first week is refused as a condition."""
        outcome = refer(
            SERVICES["micats"],
            conditions=("postnatal_back_pain",),
            symptom_weeks=1,
            body_sites=("lower_back",),
        )
        assert (outcome.reason, outcome.detail) == ("EXCLUDED_CONDITION", "postnatal_back_pain")

    def test_a_young_self_referrer_to_the_childrens_service_hears_about_the_route_not_age(
        self,
    ) -> None:
        """Decision D-7: under 16, ask a parent, carer, school or GP; the service is for them."""
        outcome = refer(SERVICES["cyp-stoke"], source="self", age=15)
        assert (outcome.reason, outcome.detail) == (
            "SELF_REFERRAL_NOT_OFFERED",
            "route_min_age_16",
        )


class TestAnUnknownPractice:
    """D-4 decides area by practice; None means the person does not know theirs."""

    @staticmethod
    def _routes() -> list[Any]:
        return [
            pytest.param(service_id, route.route, id=f"{service_id} by {route.route}")
            for service_id in SERVICE_IDS
            for route in SERVICES[service_id].referral_routes
        ]

    @pytest.mark.parametrize(("service_id", "route"), _routes())
    def test_is_refused_on_area_unless_a_professional_refers(
        self, service_id: str, route: str
    ) -> None:
        """A professional's referral is checked at triage and returned if incomplete
        (000 §CS_24 3.3.5), so it goes through flagged; a patient is asked to find out."""
        service = SERVICES[service_id]
        values: dict[str, Any] = {"source": route, "practice_ods": None}
        if route == "self":
            values["age"] = 16 if service_id == "cyp-stoke" else 40
        outcome = refer(service, **values)
        if route == "professional":
            assert outcome == EligibilityOutcome(True, flags=("practice_unknown",))
        else:
            assert outcome == EligibilityOutcome(
                False, "AREA", "practice_unknown", service.area.source
            )

    @pytest.mark.parametrize("blank", ["", "   "])
    def test_a_blank_practice_is_an_unknown_practice(self, blank: str) -> None:
        outcome = refer(SERVICES["nwl-msk"], source="self", practice_ods=blank)
        assert (outcome.reason, outcome.detail) == ("AREA", "practice_unknown")

    def test_a_practice_code_is_read_whatever_its_case_and_spacing(self) -> None:
        assert refer(SERVICES["nwl-msk"], practice_ods=" e84611 ").eligible


class TestTheSharedStaffordshireArea:
    @pytest.mark.parametrize(
        "ods", [p.ods for p in SERVICES["ipops"].area.practices], ids=lambda ods: f"practice {ods}"
    )
    def test_every_practice_in_the_three_areas_may_use_either_service(self, ods: str) -> None:
        """Decision D-2: IPOPS and MICATS each accept all three Staffordshire areas."""
        assert refer(SERVICES["ipops"], practice_ods=ods).eligible
        assert refer(SERVICES["micats"], practice_ods=ods).eligible


class TestPriorityFindings:
    """Decision D-11: a PRIORITY red-flag finding is accepted and flagged where the service
    triages it, refused with EXCLUDED_CONDITION where the seed excludes it."""

    @pytest.mark.parametrize(
        ("service_id", "refused"),
        [
            pytest.param(
                "ipops", True, id="ipops refuses: CS_24 3.5 red flags go to secondary care"
            ),
            pytest.param("micats", True, id="micats refuses: MICATS_01 3.5 likewise"),
            pytest.param("mid-notts-cpms", True, id="mid notts refuses: 003 3.4 red flags"),
            pytest.param("imsk-central-lancs", False, id="chorley triages: 001 3.2.4 note"),
            pytest.param("nwl-msk", False, id="nwl triages priority referrals: 002 3.3.4"),
            pytest.param("camden-cims", False, id="camden triages (D-5)"),
            pytest.param("cyp-stoke", False, id="the childrens service triages by need"),
            pytest.param("ltc-staffs", False, id="the long-term conditions service triages"),
        ],
    )
    @pytest.mark.parametrize(
        "code",
        [
            pytest.param(PRIORITY_FINDING, id="any priority finding from the screen"),
            pytest.param("inflammatory_joint_disease", id="suspected inflammatory arthritis"),
        ],
    )
    def test_is_refused_only_where_the_service_refuses_it(
        self, service_id: str, refused: bool, code: str
    ) -> None:
        service = SERVICES[service_id]
        assert (service.priority_findings.handling == "refuse") is refused
        conditions = ("diabetes", code) if service_id == "ltc-staffs" else (code,)
        outcome = refer(service, conditions=conditions)
        if not refused:
            assert outcome == EligibilityOutcome(eligible=True)
        elif code in service.conditions.excluded_codes:
            assert (outcome.reason, outcome.detail) == ("EXCLUDED_CONDITION", code)
        else:
            assert outcome == EligibilityOutcome(
                False, "EXCLUDED_CONDITION", code, service.priority_findings.source
            )


# --- Properties over every service ------------------------------------------------------

SAMPLES_PER_SERVICE = 400
DATES = (None, date(2026, 1, 5), date(2031, 9, 1), date(2100, 1, 1))
OLDEST = 110


def _a_referral_meeting_every_rule(service: Service, rng: random.Random) -> dict[str, Any]:
    """Drawn from the content alone, without the rules' logic: every route listed, an age
    inside both the age rule in force and the route's minimum, a practice in the area,
    conditions the service does not exclude (D-11: nor PRIORITY findings where refused)
    plus one it requires, and symptoms long enough for every duration rule."""
    on = rng.choice(DATES)
    route = rng.choice(service.referral_routes)
    ehc_plan = rng.random() < 0.5
    rule = service.age_rule_on(on) if on else next(r for r in service.age if r.from_the_start)
    low = max(rule.min_age or 0, route.min_age or 0)
    high = rule.max_age if rule.max_age is not None else OLDEST
    if ehc_plan and rule.extension is not None:
        high = rule.extension.max_age
    refused = set(service.conditions.excluded_codes)
    if service.priority_findings.handling == "refuse":
        refused.add("inflammatory_joint_disease")
    allowed = sorted(set(CATALOGUE.conditions) - refused)
    conditions = set(rng.sample(allowed, rng.randint(0, 4)))
    if service.priority_findings.handling == "accept_and_flag" and rng.random() < 0.2:
        conditions.add(PRIORITY_FINDING)
    for included in service.conditions.included:
        if included.must_have_one:
            conditions.add(rng.choice(included.codes))
    needed = max(
        (d.minimum_weeks + (d.comparison == "more_than") for d in service.duration), default=0
    )
    self_disciplines = service.self_referral.disciplines
    if route.route in SELF_REFERRAL_ROUTES and self_disciplines:
        discipline = rng.choice([None, *self_disciplines])
    else:
        discipline = rng.choice([None, *service.disciplines.codes])
    return {
        "age": rng.choice([low, high, rng.randint(low, high)]),
        "practice_ods": rng.choice(service.area.practices).ods,
        "source": route.route,
        "conditions": tuple(sorted(conditions)),
        "symptom_weeks": rng.choice([None, needed, needed + rng.randint(1, 520)]),
        "ehc_plan": ehc_plan,
        "on": on,
        "body_sites": tuple(rng.sample(ALL_BODY_SITES, rng.randint(0, 3))),
        "discipline": discipline,
    }


def _samples(service_id: str) -> list[dict[str, Any]]:
    rng = random.Random(f"eligibility {service_id}")
    return [
        _a_referral_meeting_every_rule(SERVICES[service_id], rng)
        for _ in range(SAMPLES_PER_SERVICE)
    ]


class TestPropertiesOfEveryService:
    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    def test_a_referral_that_meets_every_rule_is_eligible(self, service_id: str) -> None:
        service = SERVICES[service_id]
        for values in _samples(service_id):
            outcome = check_eligibility(service, **values)
            assert outcome.eligible, (values, outcome)
            assert (outcome.reason, outcome.detail, outcome.source) == (None, None, None)

    @pytest.mark.parametrize(
        "service_id", [s for s in SERVICE_IDS if SERVICES[s].conditions.excluded_codes]
    )
    def test_adding_any_excluded_condition_refuses_with_that_condition(
        self, service_id: str
    ) -> None:
        service = SERVICES[service_id]
        codes = sorted(service.conditions.excluded_codes)
        for values, code in zip(_samples(service_id), itertools.cycle(codes)):
            outcome = check_eligibility(
                service, **{**values, "conditions": (*values["conditions"], code)}
            )
            assert (outcome.reason, outcome.detail) == ("EXCLUDED_CONDITION", code), values

    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    def test_moving_to_a_practice_outside_the_area_refuses_on_area(self, service_id: str) -> None:
        service = SERVICES[service_id]
        outside = sorted(
            {p.ods for other in SERVICES.values() for p in other.area.practices}
            - service.area.practice_codes
        )
        for values, ods in zip(_samples(service_id), itertools.cycle(outside)):
            outcome = check_eligibility(service, **{**values, "practice_ods": ods})
            assert (outcome.reason, outcome.detail) == ("AREA", "practice_not_in_area")
            assert outcome.source == service.area.source

    @pytest.mark.parametrize("service_id", SERVICE_IDS)
    def test_the_same_referral_always_gets_the_same_answer(self, service_id: str) -> None:
        service = SERVICES[service_id]
        for values in _samples(service_id)[:50]:
            assert check_eligibility(service, **values) == check_eligibility(service, **values)
