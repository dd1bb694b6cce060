"""IPOPS (CS_24 in seed 000_fbc9cdd622a3ad15.txt): each test cites the seed line or decision."""

from __future__ import annotations

from datetime import date, time

import pytest


@pytest.fixture(scope="module")
def ipops(catalogue):
    return catalogue.services["ipops"]


class TestWhoIpopsTakes:
    @pytest.mark.parametrize(
        ("age", "admitted"),
        [
            pytest.param(11, False, id="11 is refused: CS_24 3.5.2 accepts 12 and above"),
            pytest.param(12, True, id="12 is accepted from the 12th birthday (D-6)"),
            pytest.param(95, True, id="there is no upper age"),
        ],
    )
    def test_age(self, ipops, age, admitted):
        assert ipops.age_rule_on(date(2026, 1, 5)).admits(age) is admitted

    def test_self_referral_is_closed_and_the_patient_route_is_the_gp_link(self, ipops):
        """Decision D-1: no self-referral; the GP refers and sends the questionnaire link."""
        assert ipops.self_referral.open is False
        assert ipops.routes == {"gp_link", "professional"}

    def test_takes_all_three_staffordshire_areas_but_is_recommended_for_ses_only(self, ipops):
        """Decision D-2 (CS_24 3.4.1 and 3.4.2)."""
        recommended = {loc.code for loc in ipops.area.localities if loc.recommended}
        assert recommended == {"south_east_staffs_seisdon"}
        assert {loc.code for loc in ipops.area.localities} == {
            "south_east_staffs_seisdon",
            "cannock_chase",
            "stafford_surrounds",
        }
        assert ipops.area.shared_with == ("micats",)

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("vertigo", id="vertigo is excluded (CS_24 3.5 exclusions)"),
            pytest.param("fibromyalgia", id="chronic fatigue/fibromyalgia is excluded"),
            pytest.param("obstetric_pain", id="obstetric pain and SPD in IPOPS SES is excluded"),
            pytest.param("complex_feet", id="complex feet are for MICATS only"),
            pytest.param("postnatal_back_pain", id="postnatal back pain within 3 months (D-8)"),
            pytest.param("inflammatory_joint_disease", id="inflammatory joint disease (D-11)"),
            pytest.param("rereferral_without_new_symptoms", id="re-referral without new symptoms"),
        ],
    )
    def test_excludes(self, ipops, code):
        assert code in ipops.conditions.excluded_codes

    def test_priority_red_flags_are_refused_not_flagged(self, ipops):
        """Decision D-11: the seed excludes inflammatory disease, so PRIORITY means see your GP."""
        assert ipops.priority_findings.handling == "refuse"

    def test_back_pain_under_two_weeks_is_refused_for_duration(self, ipops):
        """Decision D-8: 'non-specific back pain of less than 2 weeks' (CS_24 3.5)."""
        (rule,) = ipops.duration
        assert (rule.minimum_weeks, rule.comparison) == (2, "at_least")
        assert set(rule.body_sites) == {"lower_back", "upper_back"}


class TestIpopsTimeLimits:
    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            pytest.param(
                "triage", (5, "working_days", "receipt"), id="triage in 5 working days (3.3.1)"
            ),
            pytest.param(
                "first_appointment",
                (27, "calendar_days", "opt_in"),
                id="first appointment 3 weeks 6 days after opting in (3.3.2, D-15)",
            ),
            pytest.param(
                "return_to_referrer",
                (5, "working_days", "receipt"),
                id="rejected referrals back within one week (3.3.5, D-15)",
            ),
        ],
    )
    def test_limit(self, ipops, kind, expected):
        limit = ipops.time_limit(kind)
        assert (limit.amount, limit.unit, limit.starts_from) == expected

    def test_queue_is_priority_then_due_date(self, ipops):
        assert ipops.queue.order == "priority_then_due"


class TestIpopsAfterReferral:
    def test_offers_no_patient_initiated_follow_up(self, ipops):
        """Decision D-18."""
        assert ipops.pifu.offered is False

    def test_one_missed_accepted_appointment_returns_the_referral_to_the_gp(self, ipops):
        """CS_24 3.3.6: no second appointment; assurance the appointment was accepted."""
        dna = ipops.did_not_attend
        assert (dna.missed_before_discharge, dna.notify) == (1, "gp")
        assert dna.only_if_appointment_accepted

    def test_open_weekdays_8_to_6_30_with_extended_hours_closed_bank_holidays(self, ipops):
        """CS_24 3.3.7."""
        (weekdays,) = ipops.hours.regular
        assert (weekdays.opens, weekdays.closes) == (time(8), time(18, 30))
        assert ipops.hours.bank_holidays == "closed" and ipops.hours.extended_hours
