"""Mid Notts Community Pain Management Service (seed 003_55f8807176bc92cd.txt)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture(scope="module")
def cpms(catalogue):
    return catalogue.services["mid-notts-cpms"]


class TestWhoCpmsTakes:
    @pytest.mark.parametrize(
        ("age", "admitted"),
        [
            pytest.param(15, False, id="15 is refused: 3.4 excludes patients aged less than 16"),
            pytest.param(16, True, id="16 is accepted (3.3, D-6)"),
        ],
    )
    def test_age(self, cpms, age, admitted):
        assert cpms.age_rule_on(date(2026, 1, 5)).admits(age) is admitted

    def test_referral_is_by_gp_or_professional_not_self(self, cpms):
        """3.2: 'most commonly the GP, MSK Hub or hospital consultant'; D-3 for the GP link."""
        assert cpms.routes == {"gp_link", "professional"}
        assert cpms.self_referral.open is False

    def test_pain_must_have_lasted_more_than_12_weeks(self, cpms):
        """3.4 'more than 12 weeks'; decision D-9: pain after injury or surgery, or CFS, counts."""
        (rule,) = cpms.duration
        assert (rule.minimum_weeks, rule.comparison, rule.body_sites) == (12, "more_than", ())
        assert set(rule.satisfied_by) == {
            "post_injury_or_surgery_persistent_pain",
            "chronic_fatigue",
        }

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("suspected_cancer_pain", id="suspected cancer or cancer pain (3.4)"),
            pytest.param("severe_mental_health", id="severe mental health, addiction (3.4)"),
            pytest.param("cognitive_impairment", id="moderate to severe cognitive impairment"),
            pytest.param("surgical_opinion_needed", id="needs a surgical opinion (3.4)"),
            pytest.param("unstable_medical_condition", id="unstable or under investigation (3.4)"),
        ],
    )
    def test_excludes(self, cpms, code):
        assert code in cpms.conditions.excluded_codes

    def test_red_flags_are_refused_not_flagged(self, cpms):
        """3.4 excludes 'Patients with red flags'; decision D-11."""
        assert cpms.priority_findings.handling == "refuse"


class TestCpmsTimeLimits:
    def test_patients_are_seen_in_referral_date_order_only(self, cpms):
        """3.6: 'seen based on their referral date ... and not on any other clinical criteria'."""
        assert cpms.queue.order == "referral_date"

    @pytest.mark.parametrize(
        ("kind", "days"),
        [
            pytest.param("triage", 2, id="triage within 2 working days (3.6 item 2)"),
            pytest.param("first_contact", 5, id="contacted within 5 working days (3.6 item 3)"),
            pytest.param("first_appointment", 20, id="assessed within 20 working days (item 4)"),
            pytest.param("treatment_start", 30, id="treated within 30 working days (3.6 item 5)"),
            pytest.param(
                "advice_and_guidance_response",
                2,
                id="advice and guidance within 2 working days (3.6 item 1)",
            ),
        ],
    )
    def test_limit_in_working_days_from_receipt(self, cpms, kind, days):
        limit = cpms.time_limit(kind)
        assert (limit.amount, limit.unit, limit.starts_from) == (days, "working_days", "receipt")

    def test_has_no_priority_first_appointment(self, cpms):
        """3.6: 'There are no emergency or urgent appointments available within this service'."""
        assert {limit.priority for limit in cpms.time_limits} == {"any"}


class TestCpmsFollowUpAndClinics:
    def test_follow_up_only_when_agreed_at_discharge_for_up_to_12_months(self, cpms):
        """3.2 PIFU policy and decision D-18."""
        pifu = cpms.pifu
        assert pifu.offered and pifu.agreed_at_discharge and pifu.window is None
        assert (pifu.max_window.amount, pifu.max_window.unit) == (12, "months")

    def test_lists_the_seven_clinics_named_in_the_seed(self, cpms):
        """Section 6: 'Current Mid Notts clinic locations are'."""
        assert {(loc.name, loc.postcode) for loc in cpms.locations} == {
            ("Balderton Primary Care Centre", "NG24 3HJ"),
            ("Acorn Medical Practice", "NG18 1QA"),
            ("Oak Tree Health Centre", "NG18 3RT"),
            ("Oates Hill Health Centre", "NG17 1BE"),
            ("Warsop Primary Care Centre", "NG20 0BP"),
            ("Rainworth Primary Care Centre", "NG21 0AD"),
            ("Bull Farm Primary Care Centre", "NG19 7JZ"),
        }

    def test_temporary_residents_count(self, cpms):
        """3.3 'registered (including temporary residents)' and decision D-4."""
        assert cpms.area.temporary_registration_counts
