"""Camden CIMS (seed 004_f0d5cd13ada09652.txt, completed by decision D-5) at every
eligibility boundary. Line numbers are seed 004's: scope lines 147 to 154, routes 170 and 179.
"""

from __future__ import annotations

from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.domain.eligibility import EligibilityOutcome, Reason, check_eligibility

CAMDEN = load_catalogue().services["camden-cims"]
SEED = "004_f0d5cd13ada09652.txt"
SCOPE = f"{SEED} §1.3 Project scope – MSK conditions and patient demographics"
AGE_SOURCE = f"{SCOPE}; decision D-5; decision D-6"
AREA_SOURCE = "decision D-5; decision D-4"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(**changes: Any) -> EligibilityOutcome:
    """An adult's online self-referral from a Camden practice."""
    referral: dict[str, Any] = {
        "age": 40,
        "practice_ods": "F83604",
        "source": "self",
        "conditions": (),
        "symptom_weeks": 1,
    }
    return check_eligibility(CAMDEN, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


class TestCamdenRoutes:
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("self", id="self-referral digitally (line 170)"),
            pytest.param("telephone", id="self-referral over the phone (line 170)"),
            pytest.param("carer", id="a carer refers with the patient (3.1)"),
            pytest.param("gp_link", id="a gp link counts as a gp referral (line 179, D-3)"),
            pytest.param("professional", id="the gp refers (line 179)"),
        ],
    )
    def test_allowed(self, source: str) -> None:
        assert refer(source=source) == ELIGIBLE

    def test_a_school_cannot_refer(self) -> None:
        assert refer(source="school", age=16) == refused(
            "SELF_REFERRAL_NOT_OFFERED",
            "route_not_offered",
            f"{SEED} §3.1 High level preliminary service specifications",
        )


class TestCamdenAge:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(
                15,
                refused("AGE", "min_age_16", AGE_SOURCE),
                id="15 is refused: line 153 patients 16 years old and over (D-5)",
            ),
            pytest.param(16, ELIGIBLE, id="16 is accepted from the 16th birthday (D-6)"),
            pytest.param(17, ELIGIBLE, id="17 is accepted"),
            pytest.param(
                25, ELIGIBLE, id="25 is accepted: line 154 16 to 25 after paediatric care"
            ),
            pytest.param(26, ELIGIBLE, id="26 is accepted: there is no upper age"),
        ],
    )
    @pytest.mark.parametrize("source", ["self", "professional"])
    def test_boundaries(self, age: int, expected: EligibilityOutcome, source: str) -> None:
        assert refer(age=age, source=source) == expected


class TestCamdenArea:
    @pytest.mark.parametrize("ods", [p.ods for p in CAMDEN.area.practices], ids=str)
    def test_every_camden_practice_is_in(self, ods: str) -> None:
        """Decisions D-5 and D-4: area is Camden practices."""
        assert refer(practice_ods=ods) == ELIGIBLE

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("E87689", id="a westminster practice is nwl not camden"),
            pytest.param("E84611", id="a brent practice is nwl not camden"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)


class TestCamdenConditions:
    @pytest.mark.parametrize(
        ("code", "source"),
        [
            pytest.param(
                "acute_trauma", f"{SCOPE}; decision D-5", id="line 148 acute trauma (D-5)"
            ),
            pytest.param(
                "under_paediatric_care",
                SCOPE,
                id="line 153 not already in paediatric care",
            ),
        ],
    )
    def test_every_excluded_condition_is_refused(self, code: str, source: str) -> None:
        assert refer(conditions=(code,)) == refused("EXCLUDED_CONDITION", code, source)

    def test_the_list_above_is_every_exclusion_in_the_content(self) -> None:
        assert CAMDEN.conditions.excluded_codes == {"acute_trauma", "under_paediatric_care"}

    @pytest.mark.parametrize("age", [16, 17, 25], ids=lambda age: f"aged {age}")
    def test_a_young_person_still_under_paediatric_care_is_refused(self, age: int) -> None:
        """Line 153: "16 years old and over, not already in Paediatric care"."""
        assert refer(age=age, conditions=("under_paediatric_care",)).reason == (
            "EXCLUDED_CONDITION"
        )

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param(
                "inflammatory_joint_disease",
                id="suspected inflammatory arthritis is accepted and flagged (D-5, D-11)",
            ),
            pytest.param("fibromyalgia", id="fibromyalgia is in scope (D-5)"),
        ],
    )
    def test_every_included_condition_is_accepted(self, code: str) -> None:
        assert refer(conditions=(code,)) == ELIGIBLE

    def test_the_included_list_above_is_complete(self) -> None:
        assert CAMDEN.conditions.included_codes == {"inflammatory_joint_disease", "fibromyalgia"}

    @pytest.mark.parametrize("weeks", [0, None], ids=lambda w: f"symptom weeks {w}")
    def test_there_is_no_duration_rule(self, weeks: int | None) -> None:
        assert refer(symptom_weeks=weeks, body_sites=("lower_back",)) == ELIGIBLE
