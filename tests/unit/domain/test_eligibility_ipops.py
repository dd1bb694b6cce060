"""IPOPS (CS_24 in seed 000_fbc9cdd622a3ad15.txt) at every eligibility boundary.

Line numbers are seed 000's: the age rule is line 399, the exclusions lines 401 to 432.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.domain.eligibility import EligibilityOutcome, Reason, check_eligibility

IPOPS = load_catalogue().services["ipops"]
SEED = "000_fbc9cdd622a3ad15.txt"
AGE_SOURCE = f"{SEED} §CS_24 3.5.2; decision D-6"
AREA_SOURCE = f"{SEED} §CS_24 3.4.1; {SEED} §CS_24 3.4.2; decision D-2; decision D-4"
EXCLUSIONS = f"{SEED} §CS_24 3.5 Service Exclusions"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(**changes: Any) -> EligibilityOutcome:
    """A GP-link referral from a South East Staffordshire practice meeting every rule."""
    referral: dict[str, Any] = {
        "age": 40,
        "practice_ods": "M83803",
        "source": "gp_link",
        "conditions": (),
        "symptom_weeks": 6,
    }
    return check_eligibility(IPOPS, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


class TestIpopsRoutes:
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("gp_link", id="a gp link is the patient route (D-1, D-3)"),
            pytest.param("professional", id="a professional refers (CS_24 3.2.5, 3.3.5)"),
        ],
    )
    def test_allowed(self, source: str) -> None:
        assert refer(source=source) == ELIGIBLE

    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("self", id="a self-referral is refused and told to see their GP (D-1)"),
            pytest.param("carer", id="a carer's referral is a self-referral, refused (D-1)"),
            pytest.param("telephone", id="a telephone self-referral is refused (D-1)"),
        ],
    )
    def test_self_referral_is_not_offered(self, source: str) -> None:
        assert refer(source=source) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "self_referral_closed", "decision D-1"
        )

    def test_a_school_cannot_refer(self) -> None:
        """Only the children's service takes schools (D-7); IPOPS's routes are D-1's."""
        assert refer(source="school", age=14) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "route_not_offered", "decision D-1"
        )

    def test_the_discipline_does_not_matter_on_a_gp_link(self) -> None:
        assert refer(discipline="pain_management") == ELIGIBLE


class TestIpopsAge:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(0, refused("AGE", "min_age_12", AGE_SOURCE), id="a baby is refused"),
            pytest.param(
                11,
                refused("AGE", "min_age_12", AGE_SOURCE),
                id="11 is refused: line 399 accepts patients 12 and above",
            ),
            pytest.param(12, ELIGIBLE, id="12 is accepted from the 12th birthday (D-6)"),
            pytest.param(13, ELIGIBLE, id="13 is accepted"),
            pytest.param(16, ELIGIBLE, id="16 is accepted: the move to 16 is MICATS's only"),
            pytest.param(110, ELIGIBLE, id="there is no upper age"),
        ],
    )
    def test_boundaries(self, age: int, expected: EligibilityOutcome) -> None:
        assert refer(age=age) == expected

    @pytest.mark.parametrize("on", [date(2026, 1, 5), date(2100, 1, 1)], ids=str)
    def test_has_one_age_rule_whatever_the_date(self, on: date) -> None:
        assert refer(age=12, on=on) == ELIGIBLE
        assert refer(age=11, on=on).reason == "AGE"

    def test_an_ehc_plan_changes_nothing_here(self) -> None:
        """Only the children's service extends its age with an EHC plan (CS_10 3.1)."""
        assert refer(age=11, ehc_plan=True).reason == "AGE"


class TestIpopsArea:
    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("M83803", id="south east staffordshire: recommended for ipops (D-2)"),
            pytest.param("M83816", id="south east staffordshire second practice"),
            pytest.param("M83842", id="seisdon peninsula practice"),
            pytest.param("M83855", id="south east staffordshire fourth practice"),
            pytest.param("M83601", id="cannock chase is accepted too (D-2)"),
            pytest.param("M83614", id="cannock chase second practice (D-2)"),
            pytest.param("M83627", id="cannock chase third practice (D-2)"),
            pytest.param("M83702", id="stafford and surrounds is accepted too (D-2)"),
            pytest.param("M83715", id="stafford and surrounds second practice (D-2)"),
            pytest.param("M83729", id="stafford and surrounds third practice (D-2)"),
        ],
    )
    def test_every_practice_in_the_three_staffordshire_areas_is_in(self, ods: str) -> None:
        assert refer(practice_ods=ods) == ELIGIBLE

    def test_the_list_above_is_every_practice_in_the_content(self) -> None:
        assert len(IPOPS.area.practices) == 10

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("M82205", id="a stoke-on-trent practice is not one of the three areas"),
            pytest.param("M87104", id="the childrens service stoke practice is out of area"),
            pytest.param("E84611", id="a north west london practice is out of area"),
            pytest.param("P81406", id="a chorley practice is out of area"),
            pytest.param("Z99999", id="a code no service knows is out of area"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        """Line 403: "Any patient that is not registered with one of commissioners GP
        Practices"; decision D-4: the practice decides, not the address."""
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)

    def test_a_gp_link_from_someone_who_does_not_know_their_practice_is_refused(self) -> None:
        assert refer(practice_ods=None) == refused("AREA", "practice_unknown", AREA_SOURCE)


EXCLUDED = [
    pytest.param("community_podiatry", EXCLUSIONS, id="line 410 community podiatry"),
    pytest.param("specialist_orthotics", EXCLUSIONS, id="line 411 specialist orthotics"),
    pytest.param("severe_joint_instability", EXCLUSIONS, id="line 413 severe instability"),
    pytest.param("haemarthrosis", EXCLUSIONS, id="line 414 haemarthrosis"),
    pytest.param(
        "rereferral_without_new_symptoms",
        f"{EXCLUSIONS}; decision D-18",
        id="line 416 re-referral for a chronic condition without new symptoms (D-18)",
    ),
    pytest.param("acupuncture_only", EXCLUSIONS, id="line 417 stand alone acupuncture"),
    pytest.param("vertigo", EXCLUSIONS, id="line 418 vertigo"),
    pytest.param("bells_palsy", EXCLUSIONS, id="line 419 bells palsy"),
    pytest.param("tmj", EXCLUSIONS, id="line 420 tmj problems"),
    pytest.param("chronic_fatigue", EXCLUSIONS, id="line 421 chronic fatigue"),
    pytest.param("fibromyalgia", EXCLUSIONS, id="line 421 fibromyalgia"),
    pytest.param("obstetric_pain", EXCLUSIONS, id="line 422 obstetric pain and spd in ipops"),
    pytest.param(
        "postnatal_back_pain",
        f"{EXCLUSIONS}; decision D-8",
        id="line 423 postnatal back pain within 3 months of birth (D-8)",
    ),
    pytest.param("replacement_collar_or_splint", EXCLUSIONS, id="line 424 replacement collars"),
    pytest.param("respiratory", EXCLUSIONS, id="line 425 respiratory"),
    pytest.param("neurological", EXCLUSIONS, id="line 426 neurological"),
    pytest.param("falls_mobility", EXCLUSIONS, id="line 427 fallers and mobility assessments"),
    pytest.param(
        "inflammatory_joint_disease",
        f"{EXCLUSIONS}; decision D-11",
        id="line 428 inflammatory joint disease, a priority finding refused here (D-11)",
    ),
    pytest.param(
        "violent_trauma_fracture_not_excluded",
        EXCLUSIONS,
        id="line 429 violent trauma unless fracture excluded",
    ),
    pytest.param("surgical_rehabilitation", EXCLUSIONS, id="line 430 surgical rehabilitation"),
    pytest.param("second_surgical_opinion", EXCLUSIONS, id="line 431 second surgical opinion"),
    pytest.param("complex_feet", EXCLUSIONS, id="line 432 complex feet are for micats only"),
    pytest.param(
        "suspected_cancer_pain",
        EXCLUSIONS,
        id="line 407 suspicion of malignancy (docs decision 0003 item 5)",
    ),
]


class TestIpopsConditions:
    @pytest.mark.parametrize(("code", "source"), EXCLUDED)
    def test_every_excluded_condition_is_refused(self, code: str, source: str) -> None:
        assert refer(conditions=(code,)) == refused("EXCLUDED_CONDITION", code, source)

    def test_the_list_above_is_every_exclusion_in_the_content(self) -> None:
        assert {param.values[0] for param in EXCLUDED} == IPOPS.conditions.excluded_codes

    @pytest.mark.parametrize(
        "codes",
        [
            pytest.param((), id="no condition codes at all"),
            pytest.param(("diabetes",), id="diabetes as another condition"),
            pytest.param(("heart_failure",), id="heart failure as another condition"),
            pytest.param(("surgical_opinion_needed",), id="needing a surgical opinion"),
            pytest.param(("home_visit_needed",), id="needing a home visit (an nwl exclusion)"),
            pytest.param(("acute_trauma",), id="acute trauma (a camden exclusion)"),
            pytest.param(("post_injury_or_surgery_persistent_pain",), id="persistent pain"),
        ],
    )
    def test_codes_ipops_does_not_exclude_are_accepted(self, codes: tuple[str, ...]) -> None:
        assert refer(conditions=codes) == ELIGIBLE

    def test_of_several_exclusions_the_first_in_the_content_is_named(self) -> None:
        outcome = refer(conditions=("postnatal_back_pain", "vertigo", "tmj"))
        assert outcome.detail == "vertigo"


DURATION_SOURCE = f"{EXCLUSIONS}; decision D-8"
TOO_SOON = refused("DURATION", "at_least_2_weeks", DURATION_SOURCE)


class TestIpopsDuration:
    """Line 423 and decision D-8: non-specific back pain under 2 weeks is refused."""

    @pytest.mark.parametrize(
        ("sites", "weeks", "expected"),
        [
            pytest.param(("lower_back",), 0, TOO_SOON, id="low back pain of 0 weeks is refused"),
            pytest.param(("lower_back",), 1, TOO_SOON, id="low back pain of 1 week is refused"),
            pytest.param(("lower_back",), 2, ELIGIBLE, id="low back pain of 2 weeks is in"),
            pytest.param(("lower_back",), 3, ELIGIBLE, id="low back pain of 3 weeks is in"),
            pytest.param(("upper_back",), 1, TOO_SOON, id="upper back pain of 1 week is refused"),
            pytest.param(("upper_back",), 2, ELIGIBLE, id="upper back pain of 2 weeks is in"),
            pytest.param(
                ("knee", "lower_back"), 1, TOO_SOON, id="back and knee for 1 week is refused"
            ),
            pytest.param(("knee",), 0, ELIGIBLE, id="a knee problem has no minimum duration"),
            pytest.param(("neck",), 1, ELIGIBLE, id="neck pain is not back pain in the rule"),
            pytest.param((), 1, ELIGIBLE, id="with no body site the back rule does not apply"),
        ],
    )
    def test_boundaries(
        self, sites: tuple[str, ...], weeks: int, expected: EligibilityOutcome
    ) -> None:
        assert refer(body_sites=sites, symptom_weeks=weeks) == expected

    def test_unknown_duration_of_back_pain_is_accepted_and_flagged_for_triage(self) -> None:
        outcome = refer(body_sites=("lower_back",), symptom_weeks=None)
        assert outcome == EligibilityOutcome(True, flags=("duration_unknown",))

    def test_unknown_duration_of_knee_pain_needs_no_flag(self) -> None:
        assert refer(body_sites=("knee",), symptom_weeks=None) == ELIGIBLE

    def test_postnatal_back_pain_in_its_first_week_is_an_excluded_condition(self) -> None:
        """Line 423 holds both rules; the exclusion is checked before duration."""
        outcome = refer(
            body_sites=("lower_back",), symptom_weeks=1, conditions=("postnatal_back_pain",)
        )
        assert outcome.reason == "EXCLUDED_CONDITION"
