"""Mid Notts Community Pain Management (seed 003_55f8807176bc92cd.txt) at every eligibility
boundary. Line numbers are seed 003's: population line 264, criteria lines 272 to 285.
"""

from __future__ import annotations

from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.domain.eligibility import EligibilityOutcome, Reason, check_eligibility

MID_NOTTS = load_catalogue().services["mid-notts-cpms"]
SEED = "003_55f8807176bc92cd.txt"
AGE_SOURCE = f"{SEED} §3.3; {SEED} §3.4; decision D-6"
AREA_SOURCE = f"{SEED} §3.3; {SEED} §3.4; decision D-4"
EXCLUSIONS = f"{SEED} §3.4"
DURATION_SOURCE = f"{SEED} §1; {SEED} §3.4; decision D-9"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(**changes: Any) -> EligibilityOutcome:
    """A GP link for 6 months of pain from a Mansfield practice."""
    referral: dict[str, Any] = {
        "age": 40,
        "practice_ods": "C84708",
        "source": "gp_link",
        "conditions": (),
        "symptom_weeks": 26,
    }
    return check_eligibility(MID_NOTTS, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


class TestMidNottsRoutes:
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("gp_link", id="a gp link counts as a gp referral (3.2 line 118, D-3)"),
            pytest.param("professional", id="gp msk hub or consultant refers (3.2 line 118)"),
        ],
    )
    def test_allowed(self, source: str) -> None:
        assert refer(source=source) == ELIGIBLE

    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("self", id="no first-time self-referral (3.2 line 118)"),
            pytest.param("carer", id="no carer's referral (3.2 line 118)"),
            pytest.param("telephone", id="no telephone self-referral (3.2 line 118)"),
        ],
    )
    def test_self_referral_is_not_offered(self, source: str) -> None:
        assert refer(source=source) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "self_referral_closed", f"{SEED} §3.2"
        )

    def test_a_school_cannot_refer(self) -> None:
        assert refer(source="school", age=16) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "route_not_offered", f"{SEED} §3.2"
        )


class TestMidNottsAge:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(
                15,
                refused("AGE", "min_age_16", AGE_SOURCE),
                id="15 is refused: line 278 patients aged less than 16",
            ),
            pytest.param(16, ELIGIBLE, id="16 is accepted: line 264 aged 16 and over (D-6)"),
            pytest.param(17, ELIGIBLE, id="17 is accepted"),
            pytest.param(110, ELIGIBLE, id="there is no upper age"),
        ],
    )
    def test_boundaries(self, age: int, expected: EligibilityOutcome) -> None:
        assert refer(age=age) == expected


class TestMidNottsArea:
    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("C84708", id="mansfield and ashfield first practice"),
            pytest.param("C84713", id="mansfield and ashfield second practice"),
            pytest.param("C84726", id="mansfield and ashfield third practice"),
            pytest.param("C84809", id="newark and sherwood first practice"),
            pytest.param("C84814", id="newark and sherwood second practice"),
            pytest.param("C84827", id="newark and sherwood third practice"),
        ],
    )
    def test_every_practice_in_mid_notts_is_in(self, ods: str) -> None:
        """Line 264: registered, including temporary residents, with a Mid Notts GP (D-4)."""
        assert refer(practice_ods=ods) == ELIGIBLE

    def test_the_list_above_is_every_practice_in_the_content(self) -> None:
        assert len(MID_NOTTS.area.practices) == 6

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("P81513", id="a preston practice is out of area"),
            pytest.param("M83729", id="a stafford practice is out of area"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        """Line 285: not available outside Mansfield and Ashfield or Newark and Sherwood."""
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)


class TestMidNottsConditions:
    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("suspected_cancer_pain", id="line 279 suspected cancer or cancer pain"),
            pytest.param("severe_mental_health", id="line 280 severe mental health or addiction"),
            pytest.param(
                "cognitive_impairment", id="line 281 moderate-severe cognitive impairment"
            ),
            pytest.param("surgical_opinion_needed", id="line 282 requires a surgical opinion"),
            pytest.param(
                "unstable_medical_condition", id="line 283 unstable or under medical investigation"
            ),
        ],
    )
    def test_every_excluded_condition_is_refused(self, code: str) -> None:
        assert refer(conditions=(code,)) == refused("EXCLUDED_CONDITION", code, EXCLUSIONS)

    def test_the_list_above_is_every_exclusion_in_the_content(self) -> None:
        assert MID_NOTTS.conditions.excluded_codes == {
            "suspected_cancer_pain",
            "severe_mental_health",
            "cognitive_impairment",
            "surgical_opinion_needed",
            "unstable_medical_condition",
        }

    def test_a_priority_finding_is_refused_as_a_red_flag(self) -> None:
        """Line 282 "Patients with red flags" and D-11: suspected inflammatory arthritis is
        refused here, and the person told to see their GP soon."""
        assert refer(conditions=("inflammatory_joint_disease",)) == refused(
            "EXCLUDED_CONDITION", "inflammatory_joint_disease", f"{SEED} §3.4; decision D-11"
        )

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("chronic_fatigue", id="line 272 the service is for chronic pain or cfs"),
            pytest.param(
                "post_injury_or_surgery_persistent_pain",
                id="line 272 pain past the time healing would have occurred (D-9)",
            ),
            pytest.param("fibromyalgia", id="fibromyalgia is chronic pain"),
        ],
    )
    def test_included_conditions_are_accepted(self, code: str) -> None:
        assert refer(conditions=(code,)) == ELIGIBLE


TOO_SOON = refused("DURATION", "more_than_12_weeks", DURATION_SOURCE)


class TestMidNottsDuration:
    """Line 272: "continuous, long-term pain of more than 12 weeks", in completed weeks."""

    @pytest.mark.parametrize(
        ("weeks", "expected"),
        [
            pytest.param(0, TOO_SOON, id="0 weeks is refused"),
            pytest.param(11, TOO_SOON, id="11 weeks is refused"),
            pytest.param(12, TOO_SOON, id="12 weeks is not more than 12 and is refused"),
            pytest.param(13, ELIGIBLE, id="13 weeks is more than 12 and accepted"),
            pytest.param(14, ELIGIBLE, id="14 weeks is accepted"),
            pytest.param(520, ELIGIBLE, id="10 years is accepted"),
        ],
    )
    @pytest.mark.parametrize(
        "sites",
        [(), ("knee",), ("widespread",), ("lower_back",)],
        ids=lambda sites: f"at {' and '.join(sites) or 'no named site'}",
    )
    def test_boundaries_at_every_body_site(
        self, weeks: int, expected: EligibilityOutcome, sites: tuple[str, ...]
    ) -> None:
        assert refer(symptom_weeks=weeks, body_sites=sites) == expected

    @pytest.mark.parametrize(
        "weeks", [0, 1, 6, 12], ids=lambda weeks: f"after {weeks} weeks of pain"
    )
    def test_pain_that_outlasts_healing_after_injury_or_surgery_meets_the_rule(
        self, weeks: int
    ) -> None:
        """Decision D-9: the questionnaire sets post_injury_or_surgery_persistent_pain."""
        assert (
            refer(symptom_weeks=weeks, conditions=("post_injury_or_surgery_persistent_pain",))
            == ELIGIBLE
        )

    @pytest.mark.parametrize("weeks", [4, 12], ids=lambda weeks: f"after {weeks} weeks")
    def test_me_cfs_meets_the_rule(self, weeks: int) -> None:
        """Docs decision 0003 item 11: the service is for chronic pain or CFS (line 272)."""
        assert refer(symptom_weeks=weeks, conditions=("chronic_fatigue",)) == ELIGIBLE

    def test_unknown_duration_is_accepted_and_flagged_for_triage(self) -> None:
        outcome = refer(symptom_weeks=None)
        assert outcome == EligibilityOutcome(True, flags=("duration_unknown",))

    def test_unknown_duration_after_injury_needs_no_flag(self) -> None:
        outcome = refer(symptom_weeks=None, conditions=("post_injury_or_surgery_persistent_pain",))
        assert outcome == ELIGIBLE

    def test_an_exclusion_is_named_before_a_short_duration(self) -> None:
        outcome = refer(symptom_weeks=2, conditions=("cognitive_impairment",))
        assert (outcome.reason, outcome.detail) == ("EXCLUDED_CONDITION", "cognitive_impairment")
