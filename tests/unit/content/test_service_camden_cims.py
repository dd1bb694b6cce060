"""Camden Integrated MSK Service (seed 004_f0d5cd13ada09652.txt, completed by decision D-5)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def cims(catalogue):
    return catalogue.services["camden-cims"]


class TestWhoCimsTakes:
    @pytest.mark.parametrize(
        ("age", "admitted"),
        [
            pytest.param(15, False, id="15 is refused: 1.3 patients 16 years old and over (D-5)"),
            pytest.param(16, True, id="16 is accepted (D-5, D-6)"),
            pytest.param(25, True, id="25 is accepted: 16 to 25 previously in paediatric care"),
            pytest.param(80, True, id="there is no upper age"),
        ],
    )
    def test_age(self, cims, age, admitted):
        assert cims.age_rule_on(date(2026, 1, 5)).admits(age) is admitted

    def test_people_still_under_paediatric_care_are_excluded(self, cims):
        """1.3: 'Patients 16 years old and over, not already in Paediatric care'."""
        assert "under_paediatric_care" in cims.conditions.excluded_codes

    def test_acute_trauma_is_out_of_scope(self, cims):
        """Decision D-5: in scope except emergencies and acute trauma."""
        assert "acute_trauma" in cims.conditions.excluded_codes

    def test_self_referral_is_open_by_phone_or_online(self, cims):
        """3.1: 'easy ability for self-referral ... over phone or digitally'."""
        assert cims.self_referral.open
        assert {"self", "telephone"} <= cims.routes

    def test_inflammatory_arthritis_is_accepted_and_flagged(self, cims):
        """1.3 lists inflammatory arthritis; decision D-11."""
        assert "inflammatory_joint_disease" in cims.conditions.included_codes
        assert cims.priority_findings.handling == "accept_and_flag"


class TestCimsCare:
    def test_triage_within_1_working_day(self, cims):
        """3.1 'triaged within 1 working day' and decision D-5."""
        limit = cims.time_limit("triage")
        assert (limit.amount, limit.unit, limit.starts_from) == (1, "working_days", "receipt")

    def test_queue_is_priority_then_due_and_no_follow_up_is_offered(self, cims):
        """Decision D-18."""
        assert cims.queue.order == "priority_then_due"
        assert cims.pifu.offered is False
