"""Chorley, South Ribble and Greater Preston IMSK (seed 001_7a3287662f2ad092.txt) at every
eligibility boundary. Line numbers are seed 001's: access 3.2.4 is line 274, exclusions
lines 383 to 385.
"""

from __future__ import annotations

from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.domain.eligibility import EligibilityOutcome, Reason, check_eligibility

CHORLEY = load_catalogue().services["imsk-central-lancs"]
SEED = "001_7a3287662f2ad092.txt"
ROUTE_SOURCE = f"{SEED} §3.2.4"
AGE_SOURCE = f"{SEED} §3.4; decision D-6"
AREA_SOURCE = f"{SEED} §3.3; {SEED} §3.4; decision D-4"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(**changes: Any) -> EligibilityOutcome:
    """A self-referral for physiotherapy from a Chorley practice."""
    referral: dict[str, Any] = {
        "age": 40,
        "practice_ods": "P81406",
        "source": "self",
        "conditions": (),
        "symptom_weeks": 3,
        "discipline": "physiotherapy",
    }
    return check_eligibility(CHORLEY, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


NOT_FOR_SELF_REFERRAL = [
    pytest.param(code, id=f"{code.replace('_', ' ')} needs a gp referral (line 274)")
    for code in ("msk_assessment", "rheumatology", "pain_management", "me_cfs")
]


class TestChorleyRoutes:
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("self", id="a patient refers themselves for physiotherapy (line 274)"),
            pytest.param("carer", id="a carer refers for physiotherapy (docs decision 0003 4)"),
            pytest.param("gp_link", id="a gp link counts as a gp referral (line 274, D-3)"),
            pytest.param("professional", id="the gp refers (line 274)"),
        ],
    )
    def test_allowed_for_physiotherapy(self, source: str) -> None:
        assert refer(source=source) == ELIGIBLE

    @pytest.mark.parametrize("source", ["self", "carer"])
    @pytest.mark.parametrize("discipline", NOT_FOR_SELF_REFERRAL)
    def test_self_referral_is_for_standalone_physiotherapy_only(
        self, source: str, discipline: str
    ) -> None:
        assert refer(source=source, discipline=discipline) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "self_referral_disciplines", ROUTE_SOURCE
        )

    @pytest.mark.parametrize("source", ["gp_link", "professional"])
    @pytest.mark.parametrize("discipline", NOT_FOR_SELF_REFERRAL)
    def test_a_gp_referral_may_be_for_any_discipline(self, source: str, discipline: str) -> None:
        """Line 275: GP referrals are triaged into the most appropriate discipline."""
        assert refer(source=source, discipline=discipline) == ELIGIBLE

    @pytest.mark.parametrize("source", ["self", "carer"])
    def test_a_self_referral_that_names_no_discipline_is_accepted_and_flagged(
        self, source: str
    ) -> None:
        """The page says self-referral is for physiotherapy; triage confirms it."""
        assert refer(source=source, discipline=None) == EligibilityOutcome(
            True, flags=("self_referral_discipline_unconfirmed",)
        )

    def test_a_gp_referral_naming_no_discipline_needs_no_flag(self) -> None:
        assert refer(source="gp_link", discipline=None) == ELIGIBLE

    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("telephone", id="no telephone route is listed (line 274)"),
            pytest.param("school", id="schools refer only to the childrens service"),
        ],
    )
    def test_routes_not_listed_are_refused(self, source: str) -> None:
        assert refer(source=source) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "route_not_offered", ROUTE_SOURCE
        )


class TestChorleyAge:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(
                17,
                refused("AGE", "min_age_18", AGE_SOURCE),
                id="17 is refused: line 383 patients under 18",
            ),
            pytest.param(18, ELIGIBLE, id="18 is accepted from the 18th birthday (D-6)"),
            pytest.param(19, ELIGIBLE, id="19 is accepted"),
            pytest.param(110, ELIGIBLE, id="there is no upper age"),
        ],
    )
    @pytest.mark.parametrize("source", ["self", "professional"])
    def test_boundaries(self, age: int, expected: EligibilityOutcome, source: str) -> None:
        assert refer(age=age, source=source) == expected


class TestChorleyArea:
    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("P81406", id="chorley and south ribble first practice"),
            pytest.param("P81419", id="chorley and south ribble second practice"),
            pytest.param("P81425", id="chorley and south ribble third practice"),
            pytest.param("P81438", id="chorley and south ribble fourth practice"),
            pytest.param("P81507", id="greater preston first practice"),
            pytest.param("P81513", id="greater preston second practice"),
            pytest.param("P81526", id="greater preston third practice"),
        ],
    )
    def test_every_practice_in_both_ccgs_is_in(self, ods: str) -> None:
        """3.3 (line 377): the registered population of both CCGs (D-4)."""
        assert refer(practice_ods=ods) == ELIGIBLE

    def test_the_list_above_is_every_practice_in_the_content(self) -> None:
        assert len(CHORLEY.area.practices) == 7

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("C84809", id="a newark practice is out of area"),
            pytest.param("E87689", id="a westminster practice is out of area"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        """Line 384: not registered with a Chorley and South Ribble or Greater Preston GP."""
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)


class TestChorleyConditions:
    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("chronic_fatigue", id="me cfs is part of the service (1.1, 3.1)"),
            pytest.param("fibromyalgia", id="fibromyalgia is persistent pain (1.1, 3.1)"),
            pytest.param(
                "inflammatory_joint_disease",
                id="suspected inflammatory arthritis is accepted and flagged (3.2.3, D-11)",
            ),
        ],
    )
    def test_every_included_condition_is_accepted(self, code: str) -> None:
        assert refer(conditions=(code,), source="gp_link") == ELIGIBLE

    def test_the_list_above_is_every_included_condition(self) -> None:
        expected = {"chronic_fatigue", "fibromyalgia", "inflammatory_joint_disease"}
        assert expected == CHORLEY.conditions.included_codes

    def test_nothing_is_excluded_by_condition_code(self) -> None:
        """Line 385 excludes urgent and tier 3 care: the red-flag screen's job (D-10)."""
        assert CHORLEY.conditions.excluded_codes == frozenset()
        assert refer(conditions=("vertigo", "tmj", "neurological")) == ELIGIBLE

    @pytest.mark.parametrize("weeks", [0, None], ids=lambda w: f"symptom weeks {w}")
    def test_there_is_no_duration_rule(self, weeks: int | None) -> None:
        assert refer(symptom_weeks=weeks, body_sites=("lower_back",)) == ELIGIBLE
