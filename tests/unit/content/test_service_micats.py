"""MICATS (MICATS_01 in seed 000_fbc9cdd622a3ad15.txt); each test cites its seed line."""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 1, 5)


@pytest.fixture(scope="module")
def micats(catalogue):
    return catalogue.services["micats"]


def with_16_plus_from(micats, day):
    """MICATS as it will be once commissioners date the move to 16 and over (D-6)."""
    base, pending = micats.age
    dated = pending.model_copy(update={"effective_from": day, "awaiting_date": False})
    return micats.model_copy(update={"age": (base, dated)})


class TestMicatsAges:
    @pytest.mark.parametrize(
        ("age", "admitted"),
        [
            pytest.param(11, False, id="11 is refused: MICATS_01 3.5.2 accepts 12 and above"),
            pytest.param(12, True, id="12 is accepted today (D-6)"),
            pytest.param(15, True, id="15 is accepted until the 16-plus rule has a date"),
        ],
    )
    def test_age_today(self, micats, age, admitted):
        assert micats.age_rule_on(TODAY).admits(age) is admitted

    def test_the_move_to_16_plus_is_recorded_but_not_in_force_without_a_date(self, micats):
        """MICATS_01 3.5.2 'from that point 16+' gives no date; decision D-6 makes it data."""
        pending = micats.age[1]
        assert (pending.min_age, pending.awaiting_date) == (16, True)
        assert micats.age_rule_on(date(2099, 1, 1)).min_age == 12

    @pytest.mark.parametrize(
        ("day", "age", "admitted"),
        [
            pytest.param(date(2027, 3, 31), 15, True, id="15 is accepted the day before"),
            pytest.param(date(2027, 4, 1), 15, False, id="15 is refused from the day itself"),
            pytest.param(date(2027, 4, 1), 16, True, id="16 is accepted after the change"),
        ],
    )
    def test_once_dated_the_16_plus_rule_applies_from_that_day(self, micats, day, age, admitted):
        changed = with_16_plus_from(micats, date(2027, 4, 1))
        assert changed.age_rule_on(day).admits(age) is admitted


class TestWhoMicatsTakes:
    def test_self_referral_is_closed_and_the_patient_route_is_the_gp_link(self, micats):
        """Decision D-1."""
        assert micats.self_referral.open is False
        assert micats.routes == {"gp_link", "professional"}

    def test_is_recommended_for_cannock_chase_and_stafford(self, micats):
        """Decision D-2; MICATS_01 3.4.2 lets patients choose the closer service."""
        recommended = {loc.code for loc in micats.area.localities if loc.recommended}
        assert recommended == {"cannock_chase", "stafford_surrounds"}

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("complex_feet", id="complex feet are seen in MICATS (MICATS_01 3.5)"),
            pytest.param("obstetric_pain", id="the obstetric exclusion is for IPOPS SES only"),
        ],
    )
    def test_does_not_exclude(self, micats, code):
        assert code not in micats.conditions.excluded_codes

    def test_offers_msk_podiatry_which_ipops_does_not(self, micats, catalogue):
        """MICATS_01 3.2.1: MSK podiatry 'already present in MICATS Service'."""
        assert "msk_podiatry" in micats.disciplines.codes
        assert "msk_podiatry" not in catalogue.services["ipops"].disciplines.codes

    def test_refuses_postnatal_back_pain_and_back_pain_under_two_weeks(self, micats):
        """Decision D-8."""
        assert "postnatal_back_pain" in micats.conditions.excluded_codes
        assert micats.duration[0].minimum_weeks == 2


class TestMicatsCare:
    def test_first_appointment_within_27_days_of_opting_in(self, micats):
        """MICATS_01 3.3.2: '3 weeks and 6 days after the patient has opted into the service'."""
        limit = micats.time_limit("first_appointment")
        assert (limit.amount, limit.unit, limit.starts_from) == (27, "calendar_days", "opt_in")

    def test_triage_within_5_working_days(self, micats):
        """MICATS_01 3.3.1."""
        limit = micats.time_limit("triage")
        assert (limit.amount, limit.unit) == (5, "working_days")

    def test_no_follow_up_and_one_missed_appointment_returns_to_gp(self, micats):
        """Decision D-18; MICATS_01 3.3.6."""
        assert micats.pifu.offered is False
        assert micats.did_not_attend.missed_before_discharge == 1
        assert micats.queue.order == "priority_then_due"
