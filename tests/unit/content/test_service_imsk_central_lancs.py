"""Chorley, South Ribble and Greater Preston IMSK (seed 001_7a3287662f2ad092.txt)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def imsk(catalogue):
    return catalogue.services["imsk-central-lancs"]


class TestWhoImskTakes:
    @pytest.mark.parametrize(
        ("age", "admitted"),
        [
            pytest.param(17, False, id="17 is refused: 3.4 excludes patients under 18"),
            pytest.param(18, True, id="18 is accepted from the 18th birthday (D-6)"),
        ],
    )
    def test_age(self, imsk, age, admitted):
        assert imsk.age_rule_on(date(2026, 1, 5)).admits(age) is admitted

    def test_self_referral_is_open_for_standalone_physiotherapy_only(self, imsk):
        """3.2.4: 'Patients who require standalone physiotherapy will have the option to
        self-refer into the service'."""
        assert imsk.self_referral.open
        assert imsk.self_referral.disciplines == ("physiotherapy",)

    def test_the_other_four_disciplines_need_a_gp_referral(self, imsk):
        """3.1 lists five disciplines; 3.2.4 routes all but physiotherapy through the GP."""
        gp_only = set(imsk.disciplines.codes) - set(imsk.self_referral.disciplines)
        assert gp_only == {"msk_assessment", "rheumatology", "pain_management", "me_cfs"}
        assert {"gp_link", "professional"} <= imsk.routes

    def test_accepts_and_flags_priority_findings(self, imsk):
        """Decision D-11; 3.2.4 clarification note: red flags are not exclusion criteria."""
        assert imsk.priority_findings.handling == "accept_and_flag"


class TestImskTimeLimits:
    def test_every_referral_is_triaged_within_2_working_days(self, imsk):
        """3.2.4 and decision D-15."""
        limit = imsk.time_limit("triage", "priority")
        assert (limit.amount, limit.unit, limit.priority) == (2, "working_days", "any")

    def test_routine_patients_are_seen_within_35_days_of_receipt(self, imsk):
        """3.2.4 'within 5 weeks from receipt of referral' and decision D-15."""
        limit = imsk.time_limit("first_appointment", "routine")
        assert (limit.amount, limit.unit, limit.starts_from) == (35, "calendar_days", "receipt")

    def test_the_seed_sets_no_first_appointment_limit_for_priority_patients(self, imsk):
        assert imsk.time_limit("first_appointment", "priority") is None

    def test_queue_is_priority_then_due_date(self, imsk):
        assert imsk.queue.order == "priority_then_due"


class TestImskFollowUp:
    def test_same_condition_within_two_calendar_months_into_any_discipline(self, imsk):
        """3.2.9 and decisions D-18, D-19."""
        pifu = imsk.pifu
        assert pifu.offered and pifu.offered_to == "everyone_discharged"
        assert (pifu.window.amount, pifu.window.unit) == (2, "months")
        assert pifu.same_condition_only and pifu.returns_to == "any_discipline"
