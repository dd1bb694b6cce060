"""North West London MSK (seed 002_9f9344711de30ddb.txt)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def nwl(catalogue):
    return catalogue.services["nwl-msk"]


class TestWhoNwlTakes:
    @pytest.mark.parametrize(
        ("age", "admitted"),
        [
            pytest.param(15, False, id="15 is refused: 3.2.1 excludes patients under 16"),
            pytest.param(16, True, id="16 is accepted (2.2, D-6)"),
            pytest.param(90, True, id="there is no upper age"),
        ],
    )
    def test_age(self, nwl, age, admitted):
        assert nwl.age_rule_on(date(2026, 1, 5)).admits(age) is admitted

    def test_anyone_may_self_refer_online_or_by_phone_to_any_discipline(self, nwl):
        """3.3.5: self-referral 'via telephone, online questionnaire'."""
        assert nwl.self_referral.open and nwl.self_referral.disciplines == ()
        assert {"self", "telephone", "carer", "gp_link", "professional"} == nwl.routes

    def test_temporary_registration_counts(self, nwl):
        """3.1 'all patients temporarily registered' and decision D-4."""
        assert nwl.area.temporary_registration_counts

    def test_excludes_people_needing_home_visits_and_non_msk_podiatry(self, nwl):
        """3.2.1 Exclusions."""
        assert {"home_visit_needed", "community_podiatry"} <= nwl.conditions.excluded_codes

    def test_accepts_and_flags_priority_findings(self, nwl):
        """Decision D-11."""
        assert nwl.priority_findings.handling == "accept_and_flag"


class TestNwlTimeLimits:
    @pytest.mark.parametrize(
        ("priority", "expected"),
        [
            pytest.param(
                "priority",
                (14, "calendar_days", "triage_decision"),
                id="priority seen within 14 days of the triage decision (3.3.4, D-14)",
            ),
            pytest.param(
                "routine",
                (28, "calendar_days", "triage_decision"),
                id="routine seen within 28 days of the triage decision (3.3.4, D-14)",
            ),
        ],
    )
    def test_first_appointment(self, nwl, priority, expected):
        limit = nwl.time_limit("first_appointment", priority)
        assert (limit.amount, limit.unit, limit.starts_from) == expected

    @pytest.mark.parametrize("priority", ["priority", "routine"])
    def test_every_referral_is_triaged_within_3_working_days(self, nwl, priority):
        """Decision D-14: the 3-working-day triage applies to every referral."""
        limit = nwl.time_limit("triage", priority)
        assert (limit.amount, limit.unit, limit.starts_from) == (3, "working_days", "receipt")

    def test_queue_is_priority_then_due_date(self, nwl):
        assert nwl.queue.order == "priority_then_due"


class TestNwlFollowUp:
    def test_six_months_for_persistent_pain_which_a_clinician_may_shorten(self, nwl):
        """3.3.15.3 'up to 6 months from initial discharge' and decision D-18."""
        pifu = nwl.pifu
        assert pifu.offered and pifu.offered_to == "persistent_pain"
        assert (pifu.window.amount, pifu.window.unit) == (6, "months")
        assert pifu.clinician_may_shorten
