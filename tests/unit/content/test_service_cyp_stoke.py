"""Children and young people's service (CS_10 in seed 000_fbc9cdd622a3ad15.txt)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def cyp(catalogue):
    return catalogue.services["cyp-stoke"]


class TestCypAges:
    @pytest.mark.parametrize(
        ("age", "ehc_plan", "admitted"),
        [
            pytest.param(4, False, False, id="4 is refused: CS_10 3.3 serves 5 to 19"),
            pytest.param(5, False, True, id="5 is accepted from the 5th birthday (D-6)"),
            pytest.param(19, False, True, id="19 is accepted until the day before the 20th (D-6)"),
            pytest.param(20, False, False, id="20 without an EHC plan is refused"),
            pytest.param(20, True, True, id="20 with an EHC plan is accepted (CS_10 3.1)"),
            pytest.param(25, True, True, id="25 with an EHC plan is accepted (D-6)"),
            pytest.param(26, True, False, id="26 is refused even with an EHC plan"),
            pytest.param(4, True, False, id="an EHC plan does not lower the minimum age"),
        ],
    )
    def test_age(self, cyp, age, ehc_plan, admitted):
        assert cyp.age_rule_on(date(2026, 1, 5)).admits(age, ehc_plan=ehc_plan) is admitted


class TestWhoCanReferAChild:
    def test_parents_schools_gps_and_professionals_refer(self, cyp):
        """CS_10 3.4 and decision D-7."""
        assert cyp.routes == {"carer", "school", "gp_link", "professional", "self"}

    def test_a_young_person_may_refer_themselves_from_16(self, cyp):
        """Decision D-7."""
        (own,) = [route for route in cyp.referral_routes if route.route == "self"]
        assert own.min_age == 16
        assert cyp.self_referral.open

    def test_area_is_stoke_on_trent_practices(self, cyp):
        """CS_10 3.3 and decision D-4."""
        assert {loc.code for loc in cyp.area.localities} == {"stoke_on_trent"}


class TestCypCare:
    def test_three_failed_attempts_to_engage_mean_discharge_and_the_referrer_is_told(self, cyp):
        """CS_10 3.4, under the 'Was Not Brought' policy of CS_10 3.2."""
        policy = cyp.did_not_attend
        assert (policy.missed_before_discharge, policy.notify) == (3, "referrer")
        assert policy.was_not_brought

    def test_sets_no_time_limits_and_offers_no_follow_up(self, cyp):
        """CS_10 3.4 triages 'according to level of need'; decision D-18."""
        assert cyp.time_limits == ()
        assert cyp.pifu.offered is False

    def test_is_seen_at_school_at_home_or_in_clinic(self, cyp):
        """CS_10 3.3 and 6.1."""
        assert set(cyp.modalities.codes) == {"face_to_face", "home_visit", "school_visit"}
