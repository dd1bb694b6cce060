"""MICATS (MICATS_01 in seed 000_fbc9cdd622a3ad15.txt) at every eligibility boundary.

Line numbers are seed 000's: the age rule is line 1115, the exclusions lines 1117 to 1147.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.content.eligibility import AgeRule
from webapp.content.service import Service
from webapp.domain.eligibility import EligibilityOutcome, Reason, age_rule, check_eligibility

MICATS = load_catalogue().services["micats"]
SEED = "000_fbc9cdd622a3ad15.txt"
AGE_SOURCE = f"{SEED} §MICATS_01 3.5.2; decision D-6"
AREA_SOURCE = f"{SEED} §MICATS_01 3.4.1; {SEED} §MICATS_01 3.4.2; decision D-2; decision D-4"
EXCLUSIONS = f"{SEED} §MICATS_01 3.5 Service Exclusions"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(service: Service = MICATS, **changes: Any) -> EligibilityOutcome:
    """A GP-link referral from a Cannock Chase practice meeting every rule."""
    referral: dict[str, Any] = {
        "age": 40,
        "practice_ods": "M83601",
        "source": "gp_link",
        "conditions": (),
        "symptom_weeks": 6,
    }
    return check_eligibility(service, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


def micats_with_16_and_over_from(day: date) -> Service:
    """MICATS as it will be once a commissioner dates the 16+ rule (D-6): data, not code."""
    first, awaiting = MICATS.age
    dated = AgeRule.model_validate(
        {**awaiting.model_dump(), "awaiting_date": False, "effective_from": day}
    )
    return MICATS.model_copy(update={"age": (first, dated)})


class TestMicatsRoutes:
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("gp_link", id="a gp link is the patient route (D-1, D-3)"),
            pytest.param("professional", id="a professional refers (MICATS_01 3.2.5, 3.3.5)"),
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
        assert refer(source="school", age=13) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "route_not_offered", "decision D-1"
        )


class TestMicatsAgeToday:
    """Line 1115: "12 & above until the new provision ... and from that point 16+"."""

    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(11, refused("AGE", "min_age_12", AGE_SOURCE), id="11 is refused"),
            pytest.param(12, ELIGIBLE, id="12 is accepted today (D-6)"),
            pytest.param(13, ELIGIBLE, id="13 is accepted today"),
            pytest.param(15, ELIGIBLE, id="15 is accepted until the 16+ rule is dated"),
            pytest.param(16, ELIGIBLE, id="16 is accepted"),
            pytest.param(17, ELIGIBLE, id="17 is accepted"),
            pytest.param(110, ELIGIBLE, id="there is no upper age"),
        ],
    )
    @pytest.mark.parametrize(
        "on",
        [
            pytest.param(None, id="with no date"),
            pytest.param(date(2026, 1, 5), id="in 2026"),
            pytest.param(date(2100, 1, 1), id="in 2100"),
        ],
    )
    def test_the_undated_16_and_over_rule_never_applies(
        self, age: int, expected: EligibilityOutcome, on: date | None
    ) -> None:
        """Docs decision 0003 item 3: stored with awaiting_date, in force only once dated."""
        assert refer(age=age, on=on) == expected

    def test_the_rule_in_force_from_the_start_is_12_and_over(self) -> None:
        assert age_rule(MICATS, None).min_age == 12
        assert age_rule(MICATS, date(2100, 1, 1)).min_age == 12


class TestMicatsAgeOnceTheMoveIsDated:
    """D-6: the move to 16 and over is a dated rule in content; ``on`` picks the one in force."""

    CHANGE = date(2027, 9, 1)

    @pytest.mark.parametrize(
        ("age", "on", "expected"),
        [
            pytest.param(
                12, date(2027, 8, 31), ELIGIBLE, id="12 is accepted the day before the change"
            ),
            pytest.param(
                15, date(2027, 8, 31), ELIGIBLE, id="15 is accepted the day before the change"
            ),
            pytest.param(
                15,
                date(2027, 9, 1),
                refused("AGE", "min_age_16", AGE_SOURCE),
                id="15 is refused on the day of the change",
            ),
            pytest.param(16, date(2027, 9, 1), ELIGIBLE, id="16 is accepted on the day"),
            pytest.param(17, date(2027, 9, 1), ELIGIBLE, id="17 is accepted on the day"),
            pytest.param(
                12,
                date(2030, 1, 1),
                refused("AGE", "min_age_16", AGE_SOURCE),
                id="12 is refused years after the change",
            ),
            pytest.param(12, None, ELIGIBLE, id="with no date the first rule applies"),
        ],
    )
    def test_boundaries(self, age: int, on: date | None, expected: EligibilityOutcome) -> None:
        service = micats_with_16_and_over_from(self.CHANGE)
        assert refer(service, age=age, on=on) == expected


class TestMicatsArea:
    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("M83601", id="cannock chase: recommended for micats (D-2)"),
            pytest.param("M83614", id="cannock chase second practice"),
            pytest.param("M83627", id="cannock chase third practice"),
            pytest.param("M83702", id="stafford and surrounds: recommended for micats (D-2)"),
            pytest.param("M83715", id="stafford and surrounds second practice"),
            pytest.param("M83729", id="stafford and surrounds third practice"),
            pytest.param("M83803", id="south east staffordshire may choose micats (D-2)"),
            pytest.param("M83816", id="south east staffordshire second practice (D-2)"),
            pytest.param("M83842", id="seisdon peninsula practice (D-2)"),
            pytest.param("M83855", id="south east staffordshire fourth practice (D-2)"),
        ],
    )
    def test_every_practice_in_the_three_staffordshire_areas_is_in(self, ods: str) -> None:
        assert refer(practice_ods=ods) == ELIGIBLE

    def test_the_list_above_is_every_practice_in_the_content(self) -> None:
        assert len(MICATS.area.practices) == 10

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("M82352", id="a north staffordshire practice is not one of the three"),
            pytest.param("M87117", id="a stoke-on-trent practice is out of area"),
            pytest.param("C84708", id="a mansfield practice is out of area"),
            pytest.param("F83604", id="a camden practice is out of area"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        """Line 1119: "not registered with one of commissioners GP Practices" (D-4)."""
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)


EXCLUDED = [
    pytest.param("community_podiatry", EXCLUSIONS, id="line 1126 community podiatry"),
    pytest.param("specialist_orthotics", EXCLUSIONS, id="line 1127 specialist orthotics"),
    pytest.param("severe_joint_instability", EXCLUSIONS, id="line 1129 severe instability"),
    pytest.param("haemarthrosis", EXCLUSIONS, id="line 1130 haemarthrosis"),
    pytest.param(
        "rereferral_without_new_symptoms",
        f"{EXCLUSIONS}; decision D-18",
        id="line 1131 re-referral for a chronic condition without new symptoms (D-18)",
    ),
    pytest.param("acupuncture_only", EXCLUSIONS, id="line 1132 stand alone acupuncture"),
    pytest.param("vertigo", EXCLUSIONS, id="line 1133 vertigo"),
    pytest.param("bells_palsy", EXCLUSIONS, id="line 1134 bells palsy"),
    pytest.param("tmj", EXCLUSIONS, id="line 1135 tmj problems"),
    pytest.param("chronic_fatigue", EXCLUSIONS, id="line 1136 chronic fatigue"),
    pytest.param("fibromyalgia", EXCLUSIONS, id="line 1136 fibromyalgia"),
    pytest.param(
        "postnatal_back_pain",
        f"{EXCLUSIONS}; decision D-8",
        id="line 1138 postnatal back pain within 3 months of birth (D-8)",
    ),
    pytest.param("replacement_collar_or_splint", EXCLUSIONS, id="line 1139 replacement collars"),
    pytest.param("respiratory", EXCLUSIONS, id="line 1140 respiratory"),
    pytest.param("neurological", EXCLUSIONS, id="line 1141 neurological"),
    pytest.param("falls_mobility", EXCLUSIONS, id="line 1142 fallers and mobility assessments"),
    pytest.param(
        "inflammatory_joint_disease",
        f"{EXCLUSIONS}; decision D-11",
        id="line 1143 inflammatory joint disease, a priority finding refused here (D-11)",
    ),
    pytest.param(
        "violent_trauma_fracture_not_excluded",
        EXCLUSIONS,
        id="line 1144 violent trauma unless fracture excluded",
    ),
    pytest.param("surgical_rehabilitation", EXCLUSIONS, id="line 1145 surgical rehabilitation"),
    pytest.param("second_surgical_opinion", EXCLUSIONS, id="line 1146 second surgical opinion"),
    pytest.param(
        "suspected_cancer_pain",
        EXCLUSIONS,
        id="line 1123 suspicion of malignancy (docs decision 0003 item 5)",
    ),
]


class TestMicatsConditions:
    @pytest.mark.parametrize(("code", "source"), EXCLUDED)
    def test_every_excluded_condition_is_refused(self, code: str, source: str) -> None:
        assert refer(conditions=(code,)) == refused("EXCLUDED_CONDITION", code, source)

    def test_the_list_above_is_every_exclusion_in_the_content(self) -> None:
        assert {param.values[0] for param in EXCLUDED} == MICATS.conditions.excluded_codes

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("complex_feet", id="line 1147 complex feet are seen in micats only"),
            pytest.param(
                "obstetric_pain",
                id="line 1137 obstetric pain is excluded in ipops ses only (decision 0003 item 2)",
            ),
            pytest.param("diabetes", id="diabetes as another condition"),
        ],
    )
    def test_codes_micats_does_not_exclude_are_accepted(self, code: str) -> None:
        assert refer(conditions=(code,)) == ELIGIBLE


DURATION_SOURCE = f"{EXCLUSIONS}; decision D-8"
TOO_SOON = refused("DURATION", "at_least_2_weeks", DURATION_SOURCE)


class TestMicatsDuration:
    """Line 1138 and decision D-8: non-specific back pain under 2 weeks is refused."""

    @pytest.mark.parametrize(
        ("sites", "weeks", "expected"),
        [
            pytest.param(("lower_back",), 1, TOO_SOON, id="low back pain of 1 week is refused"),
            pytest.param(("lower_back",), 2, ELIGIBLE, id="low back pain of 2 weeks is in"),
            pytest.param(("lower_back",), 3, ELIGIBLE, id="low back pain of 3 weeks is in"),
            pytest.param(("upper_back",), 1, TOO_SOON, id="upper back pain of 1 week is refused"),
            pytest.param(("upper_back",), 2, ELIGIBLE, id="upper back pain of 2 weeks is in"),
            pytest.param(("shoulder",), 1, ELIGIBLE, id="a shoulder has no minimum duration"),
            pytest.param(
                ("hip", "upper_back"), 0, TOO_SOON, id="hip and upper back for 0 weeks is refused"
            ),
        ],
    )
    def test_boundaries(
        self, sites: tuple[str, ...], weeks: int, expected: EligibilityOutcome
    ) -> None:
        assert refer(body_sites=sites, symptom_weeks=weeks) == expected

    def test_unknown_duration_of_back_pain_is_accepted_and_flagged_for_triage(self) -> None:
        outcome = refer(body_sites=("upper_back",), symptom_weeks=None)
        assert outcome == EligibilityOutcome(True, flags=("duration_unknown",))
