"""The children and young people's service (CS_10 in seed 000_fbc9cdd622a3ad15.txt) at every
eligibility boundary. Line numbers are seed 000's: ages lines 85 and 153, routes line 159.
"""

from __future__ import annotations

from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.domain.eligibility import EligibilityOutcome, Reason, check_eligibility

CATALOGUE = load_catalogue()
CYP = CATALOGUE.services["cyp-stoke"]
SEED = "000_fbc9cdd622a3ad15.txt"
AGE_SOURCE = f"{SEED} §CS_10 3.1; {SEED} §CS_10 3.3; decision D-6"
AREA_SOURCE = f"{SEED} §CS_10 3.3; decision D-4"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(**changes: Any) -> EligibilityOutcome:
    """A parent's referral of a 9-year-old from a Stoke-on-Trent practice."""
    referral: dict[str, Any] = {
        "age": 9,
        "practice_ods": "M87104",
        "source": "carer",
        "conditions": (),
        "symptom_weeks": None,
    }
    return check_eligibility(CYP, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


TOO_YOUNG = refused("AGE", "min_age_5", AGE_SOURCE)
TOO_OLD = refused("AGE", "max_age_19", AGE_SOURCE)
TOO_OLD_WITH_PLAN = refused("AGE", "ehc_plan_max_age_25", AGE_SOURCE)


class TestChildrensServiceAge:
    """Lines 85 and 153: "aged 5-19 or 25 for those with an EHC"; D-6 makes both inclusive."""

    @pytest.mark.parametrize(
        ("age", "ehc_plan", "expected"),
        [
            pytest.param(0, False, TOO_YOUNG, id="a baby is refused"),
            pytest.param(4, False, TOO_YOUNG, id="4 is refused: from the 5th birthday"),
            pytest.param(5, False, ELIGIBLE, id="5 is accepted"),
            pytest.param(6, False, ELIGIBLE, id="6 is accepted"),
            pytest.param(18, False, ELIGIBLE, id="18 is accepted"),
            pytest.param(19, False, ELIGIBLE, id="19 is accepted until the day before 20 (D-6)"),
            pytest.param(20, False, TOO_OLD, id="20 is refused without an ehc plan"),
            pytest.param(4, True, TOO_YOUNG, id="an ehc plan does not lower the minimum of 5"),
            pytest.param(5, True, ELIGIBLE, id="5 with an ehc plan is accepted"),
            pytest.param(19, True, ELIGIBLE, id="19 with an ehc plan is accepted"),
            pytest.param(20, True, ELIGIBLE, id="20 with an ehc plan is accepted"),
            pytest.param(24, True, ELIGIBLE, id="24 with an ehc plan is accepted"),
            pytest.param(
                25, True, ELIGIBLE, id="25 with an ehc plan is accepted until the day before 26"
            ),
            pytest.param(26, True, TOO_OLD_WITH_PLAN, id="26 is refused even with an ehc plan"),
            pytest.param(25, False, TOO_OLD, id="25 without an ehc plan is refused"),
        ],
    )
    def test_boundaries(self, age: int, ehc_plan: bool, expected: EligibilityOutcome) -> None:
        assert refer(age=age, ehc_plan=ehc_plan) == expected


class TestChildrensServiceRoutes:
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("carer", id="a parent or carer refers (line 159, D-7)"),
            pytest.param("school", id="school staff refer (line 159, D-7)"),
            pytest.param("gp_link", id="a gp link counts as a gp referral (line 159, D-3, D-7)"),
            pytest.param("professional", id="a health visitor or paediatrician refers (line 159)"),
        ],
    )
    @pytest.mark.parametrize("age", [5, 15, 19], ids=lambda age: f"aged {age}")
    def test_allowed_at_any_age_the_service_takes(self, source: str, age: int) -> None:
        assert refer(source=source, age=age) == ELIGIBLE

    @pytest.mark.parametrize(
        ("age", "ehc_plan", "expected"),
        [
            pytest.param(
                15,
                False,
                refused("SELF_REFERRAL_NOT_OFFERED", "route_min_age_16", "decision D-7"),
                id="15 cannot refer themselves: ask a parent, carer, school or gp (D-7)",
            ),
            pytest.param(
                5,
                False,
                refused("SELF_REFERRAL_NOT_OFFERED", "route_min_age_16", "decision D-7"),
                id="5 cannot refer themselves (D-7)",
            ),
            pytest.param(16, False, ELIGIBLE, id="16 may refer themselves (D-7)"),
            pytest.param(17, False, ELIGIBLE, id="17 may refer themselves (D-7)"),
            pytest.param(19, False, ELIGIBLE, id="19 may refer themselves"),
            pytest.param(20, False, TOO_OLD, id="20 referring themselves is refused on age"),
            pytest.param(25, True, ELIGIBLE, id="25 with an ehc plan may refer themselves"),
        ],
    )
    def test_a_young_person_refers_themselves_from_16(
        self, age: int, ehc_plan: bool, expected: EligibilityOutcome
    ) -> None:
        assert refer(source="self", age=age, ehc_plan=ehc_plan) == expected

    def test_there_is_no_telephone_route(self) -> None:
        """Line 159 lists who refers; D-7 adds the young person's own online referral."""
        assert refer(source="telephone", age=16) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "route_not_offered", "decision D-7"
        )


class TestChildrensServiceArea:
    @pytest.mark.parametrize("ods", [p.ods for p in CYP.area.practices], ids=str)
    def test_every_stoke_on_trent_practice_is_in(self, ods: str) -> None:
        """Line 153: "registered with a Stoke-on-Trent GP"; D-4: the practice decides."""
        assert refer(practice_ods=ods) == ELIGIBLE

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param(
                "M82205", id="the long-term conditions service's stoke practice is not in the list"
            ),
            pytest.param("M83601", id="a cannock chase practice is out of area"),
            pytest.param("E84611", id="a north west london practice is out of area"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)

    def test_a_school_referral_without_the_childs_practice_is_refused(self) -> None:
        """A school may not know the practice: the form must ask the parent (D-4)."""
        outcome = refer(source="school", practice_ods=None)
        assert outcome == refused("AREA", "practice_unknown", AREA_SOURCE)


class TestChildrensServiceConditionsAndDuration:
    @pytest.mark.parametrize("code", sorted(CATALOGUE.conditions), ids=str)
    def test_no_condition_code_is_refused(self, code: str) -> None:
        """Line 167: the only criterion is a health need, for triage to judge; a PRIORITY
        finding is accepted and flagged (docs decision 0003 item 7)."""
        assert refer(conditions=(code,)) == ELIGIBLE

    @pytest.mark.parametrize("weeks", [0, 1, None], ids=lambda w: f"symptom weeks {w}")
    def test_there_is_no_duration_rule(self, weeks: int | None) -> None:
        assert refer(symptom_weeks=weeks, body_sites=("lower_back",)) == ELIGIBLE
