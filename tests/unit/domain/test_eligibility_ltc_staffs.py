"""The long-term conditions service (CS_31 in seed 000_fbc9cdd622a3ad15.txt) at every
eligibility boundary: professionals refer (D-3). Line numbers are seed 000's: 3.3 is line
863, referral criteria line 871, exclusions lines 877 to 880.
"""

from __future__ import annotations

from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.domain.eligibility import EligibilityOutcome, Reason, check_eligibility

LTC = load_catalogue().services["ltc-staffs"]
SEED = "000_fbc9cdd622a3ad15.txt"
AGE_SOURCE = f"{SEED} §CS_31 3.3; {SEED} §CS_31 4.17.2; decision D-6"
AREA_SOURCE = f"{SEED} §CS_31 3.3; {SEED} §CS_31 4.17.2; decision D-4"
INCLUDED_SOURCE = f"{SEED} §CS_31 3.4; {SEED} §CS_31 4.17.2"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(**changes: Any) -> EligibilityOutcome:
    """A professional's referral of an adult with diabetes from a Stoke-on-Trent practice."""
    referral: dict[str, Any] = {
        "age": 60,
        "practice_ods": "M82205",
        "source": "professional",
        "conditions": ("diabetes",),
        "symptom_weeks": None,
    }
    return check_eligibility(LTC, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


class TestLongTermConditionsRoutes:
    def test_a_healthcare_professional_refers(self) -> None:
        """4.14 (line 853) and D-3: referrals from healthcare professionals only."""
        assert refer() == ELIGIBLE

    @pytest.mark.parametrize(
        ("source", "detail"),
        [
            pytest.param("self", "self_referral_closed", id="no self-referral (D-3)"),
            pytest.param("carer", "self_referral_closed", id="no carer's referral (D-3)"),
            pytest.param("telephone", "self_referral_closed", id="no telephone referral (D-3)"),
            pytest.param(
                "gp_link",
                "route_not_offered",
                id="no gp link: the gp refers as a professional and there is no questionnaire",
            ),
            pytest.param("school", "route_not_offered", id="no school referral (D-3)"),
        ],
    )
    def test_every_other_route_is_refused(self, source: str, detail: str) -> None:
        assert refer(source=source) == refused("SELF_REFERRAL_NOT_OFFERED", detail, "decision D-3")


class TestLongTermConditionsAge:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(
                17,
                refused("AGE", "min_age_18", AGE_SOURCE),
                id="17 is refused: line 878 those under 18",
            ),
            pytest.param(18, ELIGIBLE, id="18 is accepted: line 863 adults aged 18 and over"),
            pytest.param(19, ELIGIBLE, id="19 is accepted"),
            pytest.param(110, ELIGIBLE, id="there is no upper age"),
        ],
    )
    def test_boundaries(self, age: int, expected: EligibilityOutcome) -> None:
        assert refer(age=age) == expected


class TestLongTermConditionsArea:
    @pytest.mark.parametrize("ods", [p.ods for p in LTC.area.practices], ids=str)
    def test_every_stoke_and_north_staffordshire_practice_is_in(self, ods: str) -> None:
        """Line 879 and D-4: registered with a Stoke-on-Trent or North Staffordshire GP."""
        assert refer(practice_ods=ods) == ELIGIBLE

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("M87104", id="the childrens service stoke practice is not in the list"),
            pytest.param("M83702", id="a stafford practice is out of area"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)

    def test_a_professional_who_leaves_the_practice_blank_is_accepted_and_flagged(self) -> None:
        assert refer(practice_ods=None) == EligibilityOutcome(True, flags=("practice_unknown",))


class TestLongTermConditionsConditions:
    @pytest.mark.parametrize(
        "codes",
        [
            pytest.param(("diabetes",), id="diabetes (line 871)"),
            pytest.param(("respiratory",), id="respiratory disease (line 871)"),
            pytest.param(("heart_failure",), id="heart failure (line 871)"),
            pytest.param(("diabetes", "heart_failure"), id="more than one of them"),
            pytest.param(("respiratory", "fibromyalgia"), id="one of them with something else"),
        ],
    )
    def test_one_of_the_three_conditions_is_accepted(self, codes: tuple[str, ...]) -> None:
        assert refer(conditions=codes) == ELIGIBLE

    def test_the_required_conditions_are_exactly_the_three(self) -> None:
        assert LTC.conditions.included_codes == {"diabetes", "respiratory", "heart_failure"}

    @pytest.mark.parametrize(
        "codes",
        [
            pytest.param((), id="no diagnosis at all"),
            pytest.param(("fibromyalgia",), id="fibromyalgia alone"),
            pytest.param(("neurological",), id="a neurological condition alone"),
        ],
    )
    def test_a_diagnosis_other_than_the_three_is_refused(self, codes: tuple[str, ...]) -> None:
        """Line 877: "Those with a diagnosis other than diabetes, respiratory disease and/or
        heart failure"."""
        assert refer(conditions=codes) == refused(
            "EXCLUDED_CONDITION", "no_included_condition", INCLUDED_SOURCE
        )

    @pytest.mark.parametrize(
        "codes",
        [
            pytest.param(("diabetes", "pregnant_with_diabetes"), id="with diabetes also coded"),
            pytest.param(("pregnant_with_diabetes",), id="coded on its own"),
        ],
    )
    def test_a_pregnant_woman_with_diabetes_is_refused(self, codes: tuple[str, ...]) -> None:
        """Line 880: "Pregnant women with Diabetes"; named before the missing diagnosis."""
        assert refer(conditions=codes) == refused(
            "EXCLUDED_CONDITION", "pregnant_with_diabetes", f"{SEED} §CS_31 4.17.2"
        )

    def test_a_priority_finding_is_accepted_for_triage(self) -> None:
        """Docs decision 0003 item 7: this seed triages by need, so PRIORITY is flagged."""
        assert refer(conditions=("respiratory", "inflammatory_joint_disease")) == ELIGIBLE
