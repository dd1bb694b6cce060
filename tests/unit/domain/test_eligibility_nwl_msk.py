"""North West London MSK (seed 002_9f9344711de30ddb.txt) at every eligibility boundary.
Line numbers are seed 002's: population 143 and 165, exclusions 261 to 265, routes 311 and
350.
"""

from __future__ import annotations

from typing import Any

import pytest

from webapp.content import load_catalogue
from webapp.domain.eligibility import EligibilityOutcome, Reason, check_eligibility

NWL = load_catalogue().services["nwl-msk"]
SEED = "002_9f9344711de30ddb.txt"
AGE_SOURCE = f"{SEED} §2.2; {SEED} §3.2; {SEED} §3.2.1 Exclusions; decision D-6"
AREA_SOURCE = f"{SEED} §2.2; {SEED} §3.1; {SEED} §3.2.1 Exclusions; decision D-4"
EXCLUSIONS = f"{SEED} §3.2.1 Exclusions"
ELIGIBLE = EligibilityOutcome(eligible=True)


def refer(**changes: Any) -> EligibilityOutcome:
    """An adult's online self-referral from a Brent practice."""
    referral: dict[str, Any] = {
        "age": 40,
        "practice_ods": "E84611",
        "source": "self",
        "conditions": (),
        "symptom_weeks": 1,
    }
    return check_eligibility(NWL, **{**referral, **changes})


def refused(reason: Reason, detail: str, source: str) -> EligibilityOutcome:
    return EligibilityOutcome(False, reason, detail, source)


class TestNwlRoutes:
    @pytest.mark.parametrize(
        "source",
        [
            pytest.param("self", id="self-referral by online questionnaire (line 350)"),
            pytest.param("telephone", id="self-referral via telephone (line 350)"),
            pytest.param("carer", id="a carer refers with the patient (3.3.5)"),
            pytest.param("gp_link", id="a gp link counts as a gp referral (line 311, D-3)"),
            pytest.param("professional", id="gp or other agreed professionals (line 311)"),
        ],
    )
    @pytest.mark.parametrize(
        "discipline", [None, "physiotherapy", "rheumatology"], ids=lambda d: f"for {d}"
    )
    def test_allowed_for_every_discipline(self, source: str, discipline: str | None) -> None:
        """Self-referral is open to every discipline: triage directs it (line 183)."""
        assert refer(source=source, discipline=discipline) == ELIGIBLE

    def test_a_school_cannot_refer(self) -> None:
        assert refer(source="school", age=16) == refused(
            "SELF_REFERRAL_NOT_OFFERED", "route_not_offered", f"{SEED} §3.3.5"
        )


class TestNwlAge:
    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            pytest.param(
                15,
                refused("AGE", "min_age_16", AGE_SOURCE),
                id="15 is refused: line 261 patients under the age of 16",
            ),
            pytest.param(16, ELIGIBLE, id="16 is accepted: line 143 aged 16 and over (D-6)"),
            pytest.param(17, ELIGIBLE, id="17 is accepted: 16 to 18 are triaged (line 231)"),
            pytest.param(110, ELIGIBLE, id="there is no upper age"),
        ],
    )
    @pytest.mark.parametrize("source", ["self", "telephone", "carer", "gp_link", "professional"])
    def test_boundaries_on_every_route(
        self, age: int, expected: EligibilityOutcome, source: str
    ) -> None:
        assert refer(age=age, source=source) == expected


class TestNwlArea:
    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("E84611", id="brent"),
            pytest.param("E85624", id="ealing"),
            pytest.param("E85637", id="hammersmith and fulham"),
            pytest.param("E84642", id="harrow"),
            pytest.param("E86655", id="hillingdon"),
            pytest.param("E86668", id="hounslow"),
            pytest.param("E87673", id="kensington and chelsea"),
            pytest.param("E87689", id="westminster"),
        ],
    )
    def test_a_practice_in_each_of_the_eight_boroughs_is_in(self, ods: str) -> None:
        """Line 143: registered with a North West London GP practice (D-4)."""
        assert refer(practice_ods=ods) == ELIGIBLE

    def test_the_list_above_is_every_practice_in_the_content(self) -> None:
        assert len(NWL.area.practices) == 8

    def test_a_temporary_registration_counts_by_the_practice_code(self) -> None:
        """Line 165 takes temporarily registered patients; the caller passes the practice
        the person is registered with now (D-4), temporary or not."""
        assert NWL.area.temporary_registration_counts
        assert refer(practice_ods="E87689") == ELIGIBLE

    @pytest.mark.parametrize(
        "ods",
        [
            pytest.param("F83604", id="a camden practice is not in north west london"),
            pytest.param("P81507", id="a preston practice is out of area"),
        ],
    )
    def test_a_practice_outside_is_refused(self, ods: str) -> None:
        """Line 262: not registered with a GP in the commissioning boroughs."""
        assert refer(practice_ods=ods) == refused("AREA", "practice_not_in_area", AREA_SOURCE)


class TestNwlConditions:
    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("home_visit_needed", id="line 263 patients requiring home visits"),
            pytest.param("community_podiatry", id="line 265 non-msk podiatry"),
        ],
    )
    def test_every_excluded_condition_is_refused(self, code: str) -> None:
        assert refer(conditions=(code,)) == refused("EXCLUDED_CONDITION", code, EXCLUSIONS)

    def test_the_list_above_is_every_exclusion_in_the_content(self) -> None:
        assert NWL.conditions.excluded_codes == {"home_visit_needed", "community_podiatry"}

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("fibromyalgia", id="line 254 widespread pain eg fibromyalgia"),
            pytest.param(
                "inflammatory_joint_disease",
                id="suspected inflammatory arthritis is accepted and flagged (3.3.15.2, D-11)",
            ),
        ],
    )
    def test_every_included_condition_is_accepted(self, code: str) -> None:
        assert refer(conditions=(code,)) == ELIGIBLE

    def test_the_included_list_above_is_complete(self) -> None:
        assert NWL.conditions.included_codes == {"fibromyalgia", "inflammatory_joint_disease"}

    @pytest.mark.parametrize("weeks", [0, None], ids=lambda w: f"symptom weeks {w}")
    def test_there_is_no_duration_rule(self, weeks: int | None) -> None:
        assert refer(symptom_weeks=weeks, body_sites=("lower_back",)) == ELIGIBLE
